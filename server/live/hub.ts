import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';
import { ClientMessage, LIVE_CLOSE, type PresenceMessage, type PresenceUser } from '../../contract/live.js';
import { loadPrivacy, Privacy } from '../auth/privacy.js';
import type { Db } from '../store/db.js';
import { eventRange, listEventsSince } from '../store/events.js';
import { findInquiry } from '../store/inquiries.js';
import type { Bus } from './bus.js';
import { encode, LiveConnection } from './connection.js';
import type { StoredEvent } from './events.js';
import { Presence, type Snapshot } from './presence.js';
import { Room } from './room.js';

// The live side of one server instance: a room per open inquiry, fed by the bus, so whatever instance a
// change was written through, every instance's listeners get it.

export const channel = {
  events: (inquiryId: string) => `colearn:events:${inquiryId}`,
  presence: (inquiryId: string) => `colearn:presence:${inquiryId}`,
  access: 'colearn:access',
  /** A synthesis document's connections must be re-checked (its inquiry concluded). */
  documents: 'colearn:documents',
};

const TICK_MS = 2_000;
const MAX_CLIENT_MESSAGE = 1_024;
const PING_EVERY_TICKS = 10;
const REPLAY_PAGE = 5_000;

interface OpenRoom {
  room: Room<LiveConnection>;
  presence: Presence;
  workspaceId: string;
  stop: () => Promise<void>;
}

export interface Viewer {
  id: string;
  name: string;
}

export class LiveHub {
  readonly instanceId = randomUUID();
  private readonly rooms = new Map<string, OpenRoom>();
  private readonly timer: ReturnType<typeof setInterval>;
  private ticks = 0;
  private stopAccess: Promise<() => Promise<void>>;

  constructor(
    private readonly db: Db,
    private readonly bus: Bus,
    private readonly log: FastifyBaseLogger,
  ) {
    this.stopAccess = bus.subscribe(channel.access, (message) => {
      const { workspaceId, userId } = JSON.parse(message) as { workspaceId: string; userId: string };
      this.disconnectUser(workspaceId, userId);
    });
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  /** Tells every instance about events just committed. */
  async publish(events: readonly StoredEvent[]): Promise<void> {
    for (const event of events)
      await this.bus.publish(channel.events(event.inquiryId), JSON.stringify(event));
  }

  /** Tells every instance that a synthesis document's editors must be let in afresh (it became read-only). */
  async recheckDocuments(inquiryId: string): Promise<void> {
    await this.bus.publish(channel.documents, JSON.stringify({ inquiryId }));
  }

  /** Closes, on every instance, the streams of someone who just lost access to a workspace. */
  async revokeAccess(workspaceId: string, userId: string): Promise<void> {
    await this.bus.publish(channel.access, JSON.stringify({ workspaceId, userId }));
  }

  /** Runs one tab's stream: replay after `since`, then live events and presence until the socket closes. */
  async connect(
    socket: WebSocket,
    tcp: Socket,
    viewer: Viewer,
    inquiry: { id: string; workspaceId: string },
    since: number,
  ): Promise<void> {
    const open = await this.openRoom(inquiry);
    const connection = new LiveConnection(socket, tcp, viewer.id, viewer.name, inquiry.workspaceId, since);
    open.room.listeners.add(connection);
    socket.on('close', () => this.leave(inquiry.id, connection));
    socket.on('pong', () => {
      connection.alive = true;
    });
    socket.on('message', (raw: Buffer) => {
      // A client only ever sends a typing hint or a ping.
      if (raw.length <= MAX_CLIENT_MESSAGE) this.onClientMessage(open, connection, raw.toString());
    });

    const { head, oldest } = await eventRange(this.db, inquiry.id);
    if (since > head || (oldest !== null && since < oldest - 1)) {
      connection.close(LIVE_CLOSE.reload, 'history not available; reload');
      return;
    }
    const replay: StoredEvent[] = [];
    for (let from = since; ; ) {
      const page = await listEventsSince(this.db, inquiry.id, from, REPLAY_PAGE);
      replay.push(...page);
      if (page.length < REPLAY_PAGE) break;
      from = page.at(-1)?.seq ?? from;
    }
    // Judged by the rules in the database, read after the replay so they include the effect of every
    // replayed event. The room's own rules can lag: it may not have heard the newest events yet (another
    // instance wrote them), and one of those may have switched private mode on.
    const current = await findInquiry(this.db, inquiry.id);
    connection.finishReplay(replay, current ? await loadPrivacy(this.db, current) : open.room.privacy);
    open.presence.join(connection.id, viewer);
    connection.send(presenceFor(viewer.id, open.presence.users(), open.room.privacy));
  }

  /** How many streams this instance serves (for benchmarks and health). */
  get connectionCount(): number {
    let n = 0;
    for (const open of this.rooms.values()) n += open.room.listeners.size;
    return n;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    for (const [id, open] of this.rooms) {
      for (const listener of open.room.listeners) listener.close(LIVE_CLOSE.goingAway, 'server closing');
      this.rooms.delete(id);
      open.presence.stop();
      await open.stop();
    }
    await (await this.stopAccess)();
  }

  private async openRoom(inquiry: { id: string; workspaceId: string }): Promise<OpenRoom> {
    const existing = this.rooms.get(inquiry.id);
    if (existing) {
      await existing.room.ready();
      return existing;
    }
    // Listen first, then read the head: a change committed in between is heard, not missed.
    const subscriptions = [
      this.bus.subscribe(channel.events(inquiry.id), (message) =>
        room.receive(JSON.parse(message) as StoredEvent),
      ),
      this.bus.subscribe(channel.presence(inquiry.id), (message) =>
        presence.receive(JSON.parse(message) as Snapshot),
      ),
    ];
    const room = new Room<LiveConnection>(
      inquiry.id,
      {
        head: async () => (await eventRange(this.db, inquiry.id)).head,
        eventsSince: (since) => listEventsSince(this.db, inquiry.id, since, REPLAY_PAGE),
        privacy: async () => {
          const current = await findInquiry(this.db, inquiry.id);
          return current ? loadPrivacy(this.db, current) : new Privacy(null);
        },
        privacyAt: (settings, seq) => loadPrivacy(this.db, settings, seq),
      },
      Promise.all(subscriptions),
      (error) => this.log.error({ err: error, inquiryId: inquiry.id }, 'live room failed to deliver'),
    );
    const presence = new Presence(
      this.instanceId,
      (snapshot) => void this.bus.publish(channel.presence(inquiry.id), JSON.stringify(snapshot)),
      (users) => {
        // Without private rules everyone sees the same list: encode it once for the whole room.
        const shared = room.privacy.active ? null : encode({ type: 'presence', data: { users } });
        for (const listener of room.listeners) {
          if (shared) listener.sendEncoded(shared);
          else listener.send(presenceFor(listener.userId, users, room.privacy));
        }
      },
    );
    const open: OpenRoom = {
      room,
      presence,
      workspaceId: inquiry.workspaceId,
      stop: async () => {
        for (const stop of await Promise.all(subscriptions)) await stop();
      },
    };
    this.rooms.set(inquiry.id, open);
    await room.ready();
    return open;
  }

  private onClientMessage(open: OpenRoom, connection: LiveConnection, raw: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return;
    }
    const message = ClientMessage.safeParse(parsed);
    if (!message.success) return;
    connection.alive = true;
    if (message.data.type === 'ping') connection.send({ type: 'pong' });
    else open.presence.typing(connection.id, message.data.kind, message.data.anonymous ?? false);
  }

  private leave(inquiryId: string, connection: LiveConnection): void {
    const open = this.rooms.get(inquiryId);
    if (!open) return;
    open.room.listeners.delete(connection);
    open.presence.leave(connection.id);
    if (open.room.listeners.size > 0) return;
    this.rooms.delete(inquiryId);
    open.presence.flush();
    open.presence.stop();
    void open.stop();
  }

  private disconnectUser(workspaceId: string, userId: string): void {
    for (const open of this.rooms.values()) {
      if (open.workspaceId !== workspaceId) continue;
      for (const listener of open.room.listeners) {
        if (listener.userId === userId) listener.close(LIVE_CLOSE.forbidden, 'access removed');
      }
    }
  }

  private tick(): void {
    this.ticks++;
    for (const open of this.rooms.values()) open.presence.tick();
    if (this.ticks % PING_EVERY_TICKS !== 0) return;
    for (const open of this.rooms.values()) {
      for (const listener of open.room.listeners) {
        if (!listener.alive) listener.socket.terminate();
        listener.alive = false;
        listener.socket.ping();
      }
    }
  }
}

/** Presence as one viewer may see it: a typing hint is dropped where the note being typed would be hidden. */
function presenceFor(viewerId: string, users: PresenceUser[], privacy: Privacy): PresenceMessage {
  if (!privacy.active) return { type: 'presence', data: { users } };
  return {
    type: 'presence',
    data: {
      users: users.map((u) =>
        u.typing && !privacy.canSeeTyping(viewerId, u.id) ? { ...u, typing: null } : u,
      ),
    },
  };
}
