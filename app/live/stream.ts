import type { ClientMessage, ServerMessage } from '../../contract/live.js';
import { backoffDelay } from './backoff.js';

// One inquiry's live stream, without React: connects, resumes from the last `seq` it was given, keeps the
// connection honest with a heartbeat, acts on the server's close codes and comes back with backoff.
// useLiveInquiry.ts wires it to the query cache; stream.test.ts drives it with a fake socket and clock.

/** Close codes from contract/live.ts LIVE_CLOSE (not imported: that module would pull zod into the app). */
export const CLOSE = { reload: 4410, forbidden: 4403, tooSlow: 4408, goingAway: 1001 } as const;
/** Our own code when we give up on a socket that stopped answering. */
const CLOSE_HEARTBEAT = 4000;

/**
 * - `connecting`: before the stream was ever live.
 * - `live`: the replay is done; events arrive as they happen.
 * - `down`: it was live (or tried to be) and is not now; it is coming back on its own.
 * - `forbidden`: the server closed it because this person lost access; it stays closed.
 */
export type StreamStatus = 'connecting' | 'live' | 'down' | 'forbidden';

/** The part of the browser's WebSocket the stream uses. */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((e: Event) => void) | null;
  onmessage: ((e: MessageEvent) => void) | null;
  onclose: ((e: CloseEvent) => void) | null;
  onerror: ((e: Event) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}
const OPEN = 1;

export interface StreamOptions {
  /** The address for a connection that resumes after `since`. */
  url: (since: number) => string;
  /** The seq the data on screen is as of (the inquiry's `lastSeq` from its REST read). */
  since: number;
  /** Every message after the first ready has settled `seq`: events, presence, ready. */
  onMessage: (message: ServerMessage) => void;
  onStatus: (status: StreamStatus) => void;
  /**
   * 4410: our place in the log is gone. Read everything afresh and answer the `lastSeq` it is as of; the
   * stream goes on from there.
   */
  reload: () => Promise<number>;
  createSocket?: (url: string) => SocketLike;
  random?: () => number;
  /** How often we ask "are you there?" when nothing else arrives. */
  pingMs?: number;
  /** How long an answer may take before the socket is given up as dead. */
  pongTimeoutMs?: number;
}

export class LiveStream {
  private socket: SocketLike | null = null;
  private seqValue: number;
  private attempt = 0;
  private statusValue: StreamStatus = 'connecting';
  private everLive = false;
  private stopped = true;
  private offline = false;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private ping: ReturnType<typeof setInterval> | undefined;
  private deadline: ReturnType<typeof setTimeout> | undefined;
  private readonly pingMs: number;
  private readonly pongTimeoutMs: number;

  constructor(private readonly o: StreamOptions) {
    this.seqValue = o.since;
    this.pingMs = o.pingMs ?? 20_000;
    this.pongTimeoutMs = o.pongTimeoutMs ?? 10_000;
  }

  /** The last seq received: a reconnect resumes after it. */
  get seq(): number {
    return this.seqValue;
  }

  get status(): StreamStatus {
    return this.statusValue;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimers();
    this.drop(1000, 'leaving');
  }

  send(message: ClientMessage): boolean {
    const ws = this.socket;
    if (!ws || ws.readyState !== OPEN || this.statusValue !== 'live') return false;
    ws.send(JSON.stringify(message));
    return true;
  }

  /** The browser says the network is gone: the socket is as good as dead; wait for `online()`. */
  goOffline(): void {
    if (this.stopped || this.statusValue === 'forbidden') return;
    this.offline = true;
    this.clearTimers();
    this.drop(CLOSE_HEARTBEAT, 'offline');
    this.setStatus(this.everLive ? 'down' : 'connecting');
  }

  /** The network is back: try at once rather than at the end of a long backoff. */
  goOnline(): void {
    if (this.stopped || this.statusValue === 'forbidden') return;
    this.offline = false;
    if (this.socket) return;
    this.attempt = 0;
    clearTimeout(this.retry);
    this.connect();
  }

  private connect(): void {
    if (this.stopped || this.offline) return;
    clearTimeout(this.retry);
    const ws = (this.o.createSocket ?? ((url) => new WebSocket(url)))(this.o.url(this.seqValue));
    this.socket = ws;
    ws.onopen = () => {
      if (this.socket !== ws) return;
      this.startHeartbeat(ws);
    };
    ws.onmessage = (e) => {
      if (this.socket !== ws) return;
      this.heard();
      this.receive(String(e.data));
    };
    ws.onerror = () => {};
    ws.onclose = (e) => {
      if (this.socket !== ws) return;
      this.socket = null;
      this.closed(e.code);
    };
  }

  private receive(raw: string): void {
    let message: ServerMessage;
    try {
      message = JSON.parse(raw) as ServerMessage;
    } catch {
      return;
    }
    if (message.type === 'pong') return;
    if (message.type === 'ready') {
      this.seqValue = Math.max(this.seqValue, message.seq);
      this.attempt = 0;
      this.everLive = true;
      this.setStatus('live');
      this.o.onMessage(message);
      return;
    }
    if ('seq' in message) {
      // The server sends each event once and in order; a repeat (never expected) is dropped here.
      if (message.seq <= this.seqValue) return;
      this.seqValue = message.seq;
    }
    this.o.onMessage(message);
  }

  private closed(code: number): void {
    this.clearTimers();
    if (this.stopped) return;
    if (code === CLOSE.forbidden) {
      this.setStatus('forbidden');
      this.stopped = true;
      return;
    }
    this.setStatus(this.everLive ? 'down' : 'connecting');
    if (code === CLOSE.reload) {
      this.o
        .reload()
        .then((seq) => {
          this.seqValue = seq;
          if (!this.stopped && !this.socket) this.connect();
        })
        .catch(() => this.scheduleRetry());
      return;
    }
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.stopped || this.offline) return;
    const delay = backoffDelay(this.attempt, this.o.random);
    this.attempt += 1;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => this.connect(), delay);
  }

  private startHeartbeat(ws: SocketLike): void {
    clearInterval(this.ping);
    this.ping = setInterval(() => {
      if (ws.readyState !== OPEN) return;
      ws.send(JSON.stringify({ type: 'ping' } satisfies ClientMessage));
      if (this.deadline === undefined)
        this.deadline = setTimeout(() => {
          // Nothing came back: the connection is dead even if the socket does not know it yet.
          this.deadline = undefined;
          if (this.socket !== ws) return;
          this.drop(CLOSE_HEARTBEAT, 'no answer to ping');
          this.closed(CLOSE_HEARTBEAT);
        }, this.pongTimeoutMs);
    }, this.pingMs);
  }

  private heard(): void {
    clearTimeout(this.deadline);
    this.deadline = undefined;
  }

  /** Lets go of the current socket without waiting for its close handshake (which may never come). */
  private drop(code: number, reason: string): void {
    const ws = this.socket;
    this.socket = null;
    if (!ws) return;
    ws.onopen = null;
    ws.onmessage = null;
    ws.onclose = null;
    ws.onerror = null;
    try {
      ws.close(code, reason);
    } catch {
      // Already closing.
    }
  }

  private clearTimers(): void {
    clearTimeout(this.retry);
    clearInterval(this.ping);
    clearTimeout(this.deadline);
    this.retry = undefined;
    this.ping = undefined;
    this.deadline = undefined;
  }

  private setStatus(status: StreamStatus): void {
    if (this.statusValue === status) return;
    this.statusValue = status;
    this.o.onStatus(status);
  }
}
