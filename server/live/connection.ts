import type { WebSocket } from 'ws';
import { LIVE_CLOSE, type ServerMessage } from '../../contract/live.js';
import type { Privacy } from '../auth/privacy.js';
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
  /** Events heard while the replay is read, with the rules they were heard under; null once live. */
  private pending: [StoredEvent, Privacy][] | null = [];

  constructor(
    readonly socket: WebSocket,
    readonly userId: string,
    readonly userName: string,
    readonly workspaceId: string,
    since: number,
  ) {
    this.lastSeq = since;
  }

  deliver(event: StoredEvent, audienceCache: Map<string, string>, privacy: Privacy): void {
    if (this.pending) this.pending.push([event, privacy]);
    else this.sendEvent(event, audienceCache, privacy);
  }

  /**
   * Sends the replay, then whatever arrived meanwhile, then goes live. The replay is judged by today's
   * rules: a note still hidden now is not sent, and one revealed since is.
   */
  finishReplay(replay: StoredEvent[], privacy: Privacy): void {
    for (const event of replay) this.sendEvent(event, new Map(), privacy);
    const pending = this.pending ?? [];
    this.pending = null;
    for (const [event, rules] of pending) this.sendEvent(event, new Map(), rules);
    this.send({ type: 'ready', seq: this.lastSeq });
  }

  send(message: ServerMessage): void {
    this.sendRaw(JSON.stringify(message));
  }

  close(code: number, reason: string): void {
    this.socket.close(code, reason);
  }

  private sendEvent(event: StoredEvent, audienceCache: Map<string, string>, privacy: Privacy): void {
    if (event.seq <= this.lastSeq) return;
    const audience = audienceOf(event, this.userId, privacy);
    if (audience === null) {
      // Hidden from this viewer: skipped, but counted as delivered so a resume starts after it.
      this.lastSeq = event.seq;
      return;
    }
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
