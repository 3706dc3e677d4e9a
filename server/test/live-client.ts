import WebSocket from 'ws';
import type { Person } from './factories.js';
import type { TestServer } from './server.js';

// A test's view of one browser tab's live stream: every message it got, and ways to wait for more.

// any: tests read live messages loosely; the server's presenters are what is under test
type Message = { type: string; seq?: number; data?: any };

export interface Stream {
  messages: Message[];
  events(): Message[];
  waitFor(predicate: (messages: Message[]) => boolean, what: string, timeoutMs?: number): Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  send(message: unknown): void;
  close(): Promise<void>;
}

export function openStream(
  server: Pick<TestServer, 'url'>,
  person: Person,
  inquiryId: string,
  since = 0,
): Promise<Stream> {
  const url = `${server.url.replace('http', 'ws')}/api/inquiries/${inquiryId}/live?since=${since}`;
  const socket = new WebSocket(url, { headers: { cookie: person.client.cookie } });
  const messages: Message[] = [];
  const waiters = new Set<() => void>();
  socket.on('message', (raw) => {
    messages.push(JSON.parse(raw.toString()));
    for (const wake of waiters) wake();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on('close', (code, reason) => {
      resolve({ code, reason: reason.toString() });
      for (const wake of waiters) wake();
    });
  });
  const stream: Stream = {
    messages,
    events: () => messages.filter((m) => typeof m.seq === 'number' && m.type !== 'ready'),
    waitFor: (predicate, what, timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate(messages)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `timed out waiting for ${what}; got ${JSON.stringify(messages.map((m) => [m.type, m.seq]))}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    closed,
    send: (message) => socket.send(JSON.stringify(message)),
    close: async () => {
      if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING) socket.close();
      await closed;
    },
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(stream));
    socket.once('unexpected-response', (_req, res) =>
      reject(new Error(`upgrade refused: ${res.statusCode}`)),
    );
    socket.once('error', reject);
  });
}

/** Waits until the stream has finished its replay. */
export const ready = (stream: Stream) => stream.waitFor((m) => m.some((x) => x.type === 'ready'), 'ready');
