import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import { LIVE_CLOSE, type ServerMessage } from '../../contract/live.js';
import type { Privacy } from '../auth/privacy.js';
import { audienceOf, presentEvent } from '../presenters/events.js';
import type { StoredEvent } from './events.js';
import type { Listener } from './room.js';

/** A reader this far behind is closed and resumes on reconnect, instead of growing the server's memory. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

let nextId = 0;

// Fan-out batching: a socket written to is corked until the end of this event-loop turn, and every socket
// corked in the turn is uncorked together. The frames one client gets in a turn (several events when the
// room catches up, an event plus presence) then leave in one write instead of a syscall each, which is
// what fan-out to a thousand clients spends most of its time on. Corked bytes count in `bufferedAmount`,
// so the slow-reader check sees them; order is unchanged (a socket's writes stay in order).
const corked = new Set<Socket>();

function corkForThisTurn(socket: Socket): void {
  if (corked.has(socket)) return;
  if (corked.size === 0) setImmediate(uncorkAll);
  socket.cork();
  corked.add(socket);
}

function uncorkAll(): void {
  // Emptied first: a socket corked again while these flush is then due at the next turn, not lost.
  const batch = [...corked];
  corked.clear();
  for (const socket of batch) socket.uncork();
}

/** A message as sent on the wire: UTF-8 encoded once, then the same bytes go to every recipient. */
export const encode = (message: ServerMessage): Buffer => Buffer.from(JSON.stringify(message));

/** One browser tab's live stream: replay first, then live events, each once and in order. */
export class LiveConnection implements Listener {
  readonly id = `c${++nextId}`;
  alive = true;
  private lastSeq: number;
  /** Events heard while the replay is read, with the rules they were heard under; null once live. */
  private pending: [StoredEvent, Privacy][] | null = [];

  constructor(
    readonly socket: WebSocket,
    /** The TCP connection under `socket`, corked while a turn's frames are queued. */
    private readonly tcp: Socket,
    readonly userId: string,
    readonly userName: string,
    readonly workspaceId: string,
    since: number,
  ) {
    this.lastSeq = since;
  }

  deliver(event: StoredEvent, audienceCache: Map<string, Buffer>, privacy: Privacy): void {
    if (this.pending) this.pending.push([event, privacy]);
    else this.sendEvent(event, audienceCache, privacy);
  }

  /**
   * Sends the replay, then whatever arrived meanwhile, then goes live. The replay is judged by today's
   * rules (`privacy`, read after the replay): a note still hidden now is not sent, and one revealed since is.
   */
  finishReplay(replay: StoredEvent[], privacy: Privacy): void {
    for (const event of replay) this.sendEvent(event, new Map(), privacy);
    const pending = this.pending ?? [];
    this.pending = null;
    for (const [event, rules] of pending) this.sendEvent(event, new Map(), rules);
    this.send({ type: 'ready', seq: this.lastSeq });
  }

  send(message: ServerMessage): void {
    this.sendRaw(encode(message));
  }

  /** Sends a message already encoded with `encode`, so one built for many recipients is encoded once. */
  sendEncoded(payload: Buffer): void {
    this.sendRaw(payload);
  }

  close(code: number, reason: string): void {
    this.socket.close(code, reason);
  }

  private sendEvent(event: StoredEvent, audienceCache: Map<string, Buffer>, privacy: Privacy): void {
    if (event.seq <= this.lastSeq) return;
    const audience = audienceOf(event, this.userId, privacy);
    if (audience === null) {
      // Hidden from this viewer: skipped, but counted as delivered so a resume starts after it.
      this.lastSeq = event.seq;
      return;
    }
    let payload = audienceCache.get(audience);
    if (payload === undefined) {
      payload = encode(presentEvent(event, this.userId));
      audienceCache.set(audience, payload);
    }
    this.lastSeq = event.seq;
    this.sendRaw(payload);
  }

  private sendRaw(payload: Buffer): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.close(LIVE_CLOSE.tooSlow, 'reading too slowly; reconnect to resume');
      return;
    }
    corkForThisTurn(this.tcp);
    // A text frame, as a string would be: the bytes are UTF-8 JSON.
    this.socket.send(payload, { binary: false });
  }
}
