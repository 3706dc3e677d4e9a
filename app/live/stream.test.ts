import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServerMessage } from '../../contract/live.js';
import { CLOSE, LiveStream, type SocketLike, type StreamOptions, type StreamStatus } from './stream.js';

class FakeSocket implements SocketLike {
  readyState = 0;
  onopen: ((e: Event) => void) | null = null;
  onmessage: ((e: MessageEvent) => void) | null = null;
  onclose: ((e: CloseEvent) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  sent: string[] = [];
  closedWith: number | undefined;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(data);
  }
  close(code?: number) {
    this.closedWith = code;
    this.readyState = 3;
  }
  // What the server does:
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  message(m: ServerMessage) {
    this.onmessage?.({ data: JSON.stringify(m) } as MessageEvent);
  }
  serverClose(code: number) {
    this.readyState = 3;
    this.onclose?.({ code } as CloseEvent);
  }
}

function setup(extra: Partial<StreamOptions> = {}) {
  const sockets: FakeSocket[] = [];
  const statuses: StreamStatus[] = [];
  const messages: ServerMessage[] = [];
  const stream = new LiveStream({
    url: (since) => `ws://test/live?since=${since}`,
    since: 5,
    onMessage: (m) => messages.push(m),
    onStatus: (s) => statuses.push(s),
    reload: async () => 40,
    createSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    random: () => 0,
    ...extra,
  });
  const last = () => {
    const s = sockets.at(-1);
    if (!s) throw new Error('no socket');
    return s;
  };
  return { stream, sockets, statuses, messages, last };
}

const created = (seq: number) =>
  ({ seq, at: 'now', type: 'contribution.deleted', data: { id: `c${seq}` } }) as const;

describe('LiveStream', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts after the seq it is given, goes live on ready, and remembers every seq it gets', () => {
    const { stream, last, statuses, messages } = setup();
    stream.start();
    expect(last().url).toBe('ws://test/live?since=5');
    last().open();
    last().message(created(6));
    last().message({ type: 'ready', seq: 6 });
    expect(statuses).toEqual(['live']);
    last().message(created(9));
    expect(stream.seq).toBe(9);
    expect(messages.map((m) => m.type)).toEqual(['contribution.deleted', 'ready', 'contribution.deleted']);
  });

  it('drops an event it has already had', () => {
    const { stream, last, messages } = setup();
    stream.start();
    last().open();
    last().message({ type: 'ready', seq: 5 });
    last().message(created(6));
    last().message(created(6));
    last().message(created(4));
    expect(messages.filter((m) => m.type !== 'ready')).toHaveLength(1);
  });

  it('reconnects with growing delays and resumes after the last seq', () => {
    const { stream, sockets, last, statuses } = setup();
    stream.start();
    last().open();
    last().message({ type: 'ready', seq: 7 });
    last().message(created(8));
    last().serverClose(1006);
    expect(statuses).toEqual(['live', 'down']);
    vi.advanceTimersByTime(999);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    expect(last().url).toBe('ws://test/live?since=8');
    // The next failure waits twice as long, then four times.
    last().serverClose(1006);
    vi.advanceTimersByTime(1_999);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);
    last().serverClose(1006);
    vi.advanceTimersByTime(4_000);
    expect(sockets).toHaveLength(4);
    // Once live again, the schedule starts over.
    last().open();
    last().message({ type: 'ready', seq: 8 });
    last().serverClose(CLOSE.goingAway);
    vi.advanceTimersByTime(1_000);
    expect(sockets).toHaveLength(5);
    expect(statuses).toEqual(['live', 'down', 'live', 'down']);
  });

  it('reconnects and resumes after 4408 (read too slowly)', () => {
    const { stream, sockets, last } = setup();
    stream.start();
    last().open();
    last().message({ type: 'ready', seq: 12 });
    last().serverClose(CLOSE.tooSlow);
    vi.advanceTimersByTime(1_000);
    expect(sockets).toHaveLength(2);
    expect(last().url).toBe('ws://test/live?since=12');
  });

  it('on 4410 reloads everything, then follows from the lastSeq of that read', async () => {
    const reload = vi.fn(async () => 40);
    const { stream, sockets, last } = setup({ reload });
    stream.start();
    last().open();
    last().serverClose(CLOSE.reload);
    expect(reload).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(sockets).toHaveLength(2));
    expect(last().url).toBe('ws://test/live?since=40');
    // Events after that read come in and are kept, even below the old seq.
    last().open();
    last().message({ type: 'ready', seq: 40 });
    expect(stream.seq).toBe(40);
  });

  it('a 4410 whose reload fails tries again later', async () => {
    const reload = vi.fn(async () => {
      throw new Error('offline');
    });
    const { stream, sockets, last } = setup({ reload });
    stream.start();
    last().serverClose(CLOSE.reload);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sockets).toHaveLength(2);
    expect(last().url).toBe('ws://test/live?since=5');
  });

  it('stops for good on 4403 (access removed)', () => {
    const { stream, sockets, last, statuses } = setup();
    stream.start();
    last().open();
    last().message({ type: 'ready', seq: 5 });
    last().serverClose(CLOSE.forbidden);
    vi.advanceTimersByTime(120_000);
    stream.goOnline();
    expect(sockets).toHaveLength(1);
    expect(statuses.at(-1)).toBe('forbidden');
  });

  it('pings every 20 s, and gives up on a socket that does not answer within 10 s', () => {
    const { stream, sockets, last, statuses } = setup();
    stream.start();
    const first = last();
    first.open();
    first.message({ type: 'ready', seq: 5 });
    vi.advanceTimersByTime(20_000);
    expect(first.sent).toEqual([JSON.stringify({ type: 'ping' })]);
    first.message({ type: 'pong' });
    vi.advanceTimersByTime(20_000);
    expect(first.sent).toHaveLength(2);
    // No pong this time.
    vi.advanceTimersByTime(10_000);
    expect(first.closedWith).toBe(4000);
    expect(statuses.at(-1)).toBe('down');
    vi.advanceTimersByTime(1_000);
    expect(sockets).toHaveLength(2);
    // The dead socket's late close changes nothing.
    first.serverClose(1006);
    expect(sockets).toHaveLength(2);
  });

  it('goes down at once when the browser goes offline, and reconnects at once when it is back', () => {
    const { stream, sockets, last, statuses } = setup();
    stream.start();
    last().open();
    last().message({ type: 'ready', seq: 9 });
    stream.goOffline();
    expect(statuses).toEqual(['live', 'down']);
    expect(sockets[0]?.closedWith).toBe(4000);
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
    stream.goOnline();
    expect(sockets).toHaveLength(2);
    expect(last().url).toBe('ws://test/live?since=9');
  });

  it('stop closes the socket and schedules nothing more', () => {
    const { stream, sockets, last } = setup();
    stream.start();
    last().open();
    stream.stop();
    expect(sockets[0]?.closedWith).toBe(1000);
    vi.advanceTimersByTime(120_000);
    expect(sockets).toHaveLength(1);
  });

  it('sends client messages only while live', () => {
    const { stream, last } = setup();
    stream.start();
    last().open();
    expect(stream.send({ type: 'typing', kind: 'idea' })).toBe(false);
    last().message({ type: 'ready', seq: 5 });
    expect(stream.send({ type: 'typing', kind: 'idea' })).toBe(true);
    expect(last().sent).toEqual([JSON.stringify({ type: 'typing', kind: 'idea' })]);
  });
});
