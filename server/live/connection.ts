import type { WebSocket } from 'ws';
import { LIVE_CLOSE, type ServerMessage } from '../../contract/live.js';
import { audienceOf, presentEvent } from '../presenters/events.js';
import type { StoredEvent } from './events.js';
import type { Listener } from './room.js';

/** A reader this far behind is closed and resumes on reconnect, instead of growing the server's memory. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

let nextId = 0;

/** One browser tab's live stream: replay first, then live events, each once and in order. */
export class LiveConnection implements Listener {
  readonly id = `c${++nextId}`;
  alive = true;
  private lastSeq: number;
  /** Events heard while the replay is read; null once live. */
  private pending: StoredEvent[] | null = [];

  constructor(
    readonly socket: WebSocket,
    readonly userId: string,
    readonly userName: string,
    readonly workspaceId: string,
    since: number,
  ) {
    this.lastSeq = since;
  }

  deliver(event: StoredEvent, audienceCache: Map<string, string>): void {
    if (this.pending) this.pending.push(event);
    else this.sendEvent(event, audienceCache);
  }

  /** Sends the replay, then whatever arrived meanwhile, then goes live. */
  finishReplay(replay: StoredEvent[]): void {
    for (const event of replay) this.sendEvent(event, new Map());
    const pending = this.pending ?? [];
    this.pending = null;
    for (const event of pending) this.sendEvent(event, new Map());
    this.send({ type: 'ready', seq: this.lastSeq });
  }

  send(message: ServerMessage): void {
    this.sendRaw(JSON.stringify(message));
  }

  close(code: number, reason: string): void {
    this.socket.close(code, reason);
  }

  private sendEvent(event: StoredEvent, audienceCache: Map<string, string>): void {
    if (event.seq <= this.lastSeq) return;
    const audience = audienceOf(event, this.userId);
    let payload = audienceCache.get(audience);
    if (payload === undefined) {
      payload = JSON.stringify(presentEvent(event, this.userId));
      audienceCache.set(audience, payload);
    }
    this.lastSeq = event.seq;
    this.sendRaw(payload);
  }

  private sendRaw(payload: string): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.close(LIVE_CLOSE.tooSlow, 'reading too slowly; reconnect to resume');
      return;
    }
    this.socket.send(payload);
  }
}
