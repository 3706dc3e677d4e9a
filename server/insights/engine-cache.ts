import type { FastifyBaseLogger } from 'fastify';
import { InsightsEngine } from '../../domain/insights/engine.js';
import type { InsightChange } from '../../domain/insights/types.js';
import type { Bus } from '../live/bus.js';
import type { StoredEvent } from '../live/events.js';
import { channel } from '../live/hub.js';
import type { Db } from '../store/db.js';
import { listEventsSince } from '../store/events.js';
import { findInquiry } from '../store/inquiries.js';
import { loadInsightPeople, loadInsightSnapshot } from '../store/insights.js';

// One insights engine per inquiry in this server process: built cold from the store on first use, then fed
// the inquiry's live events from the bus (so it works the same with one instance or several on Redis), in
// sequence order. A gap is filled from the event log; when the log cannot fill it the engine is rebuilt.
// Idle engines are dropped (and unsubscribed) after a while, and the least recently used go first when
// too many are open.

export interface InsightsCacheOptions {
  /** Engines kept at most; the least recently used is dropped beyond. */
  maxEngines: number;
  /** An engine nobody asked for in this long is dropped. */
  idleMs: number;
}

const DEFAULTS: InsightsCacheOptions = { maxEngines: 200, idleMs: 15 * 60_000 };
const PAGE = 5_000;

interface Entry {
  inquiryId: string;
  engine: InsightsEngine | null;
  seq: number;
  lastUsed: number;
  /** Work on this engine, one step at a time, in order. */
  chain: Promise<void>;
  unsubscribe: Promise<() => Promise<void>>;
  dropped: boolean;
}

export interface EngineView {
  engine: InsightsEngine;
  /** The newest live event the engine includes. */
  seq: number;
  /** Whether this request had to build the engine from the store. */
  cold: boolean;
}

/** How a stored live event reads as the engine's changes (the list is empty for what it ignores). */
function changesOf(event: StoredEvent): InsightChange[] {
  const at = event.at;
  switch (event.type) {
    case 'contribution.created':
    case 'contribution.updated': {
      const c = event.data;
      return [
        {
          type: 'note.upserted',
          at,
          acknowledgedBy: c.acknowledgedBy,
          note: {
            id: c.id,
            authorId: c.authorId,
            authorName: c.anonymous ? '' : c.authorName,
            anonymous: c.anonymous,
            kind: c.kind,
            state: c.state,
            body: c.body,
            createdAt: c.createdAt,
            perspective: c.perspective,
          },
        },
      ];
    }
    case 'contribution.deleted':
      return [{ type: 'note.deleted', id: event.data.id, at }];
    case 'link.created': {
      const l = event.data;
      return [
        {
          type: 'link.added',
          at,
          link: { id: l.id, fromId: l.fromId, toId: l.toId, kind: l.kind, createdAt: l.createdAt },
        },
      ];
    }
    case 'link.deleted':
      return [{ type: 'link.removed', id: event.data.id, at }];
    case 'inquiry.updated':
      return [
        { type: 'inquiry.changed', phase: event.data.phase, facilitatorId: event.data.facilitatorId, at },
      ];
    case 'conclusion.updated':
      return [{ type: 'conclusion.proposed', at }];
    case 'participant.joined':
      return [
        {
          type: 'participant.joined',
          at,
          person: { id: event.data.user.id, name: event.data.user.name, perspective: null, joinedAt: at },
        },
      ];
    case 'participant.left':
      return [{ type: 'participant.left', userId: event.data.user.id, at }];
    default:
      return [];
  }
}

export class InsightsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly options: InsightsCacheOptions;
  private readonly timer: ReturnType<typeof setInterval>;
  /** For tests and benchmarks: how often engines were built from the store and events applied. */
  readonly stats = { coldBuilds: 0, appliedEvents: 0, evictions: 0 };

  constructor(
    private readonly db: Db,
    private readonly bus: Bus,
    private readonly log: FastifyBaseLogger,
    options: Partial<InsightsCacheOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.timer = setInterval(() => this.sweep(), Math.min(60_000, this.options.idleMs));
    this.timer.unref();
  }

  /** The inquiry's engine, including at least every event up to `lastSeq` (the caller's read of the inquiry). */
  async engineFor(inquiry: { id: string; lastSeq: number }): Promise<EngineView> {
    let entry = this.entries.get(inquiry.id);
    let cold = false;
    if (!entry || entry.dropped) {
      entry = this.open(inquiry.id);
      cold = true;
    }
    // Most recently used last: the map's order is the eviction order.
    this.entries.delete(inquiry.id);
    this.entries.set(inquiry.id, entry);
    entry.lastUsed = Date.now();
    const current = entry;
    await this.enqueue(current, () => this.catchUp(current, inquiry.lastSeq));
    this.evictBeyondLimit();
    if (!current.engine) throw new Error(`insights engine for ${inquiry.id} failed to build`);
    return { engine: current.engine, seq: current.seq, cold };
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    for (const entry of [...this.entries.values()]) await this.drop(entry);
  }

  get size(): number {
    return this.entries.size;
  }

  private open(inquiryId: string): Entry {
    const entry: Entry = {
      inquiryId,
      engine: null,
      seq: 0,
      lastUsed: Date.now(),
      chain: Promise.resolve(),
      unsubscribe: Promise.resolve(async () => {}),
      dropped: false,
    };
    // Listen first, then read: a change committed in between is heard (and skipped if already read).
    entry.unsubscribe = this.bus.subscribe(channel.events(inquiryId), (message) => {
      const event = JSON.parse(message) as StoredEvent;
      void this.enqueue(entry, () => this.advance(entry, event)).catch((error: unknown) =>
        this.log.error({ err: error, inquiryId }, 'insights engine failed to apply an event'),
      );
    });
    entry.chain = entry.unsubscribe.then(() => this.build(entry));
    this.entries.set(inquiryId, entry);
    return entry;
  }

  private enqueue(entry: Entry, work: () => Promise<void>): Promise<void> {
    const run = entry.chain.then(work);
    // A failed step must not stop the ones after it; the caller still hears of its own failure.
    entry.chain = run.catch(() => {});
    return run;
  }

  /** Reads the inquiry from the store, then replays what was committed meanwhile (replays are harmless). */
  private async build(entry: Entry): Promise<void> {
    const inquiry = await findInquiry(this.db, entry.inquiryId);
    if (!inquiry) throw new Error(`inquiry ${entry.inquiryId} not found`);
    const snapshot = await loadInsightSnapshot(this.db, inquiry);
    entry.engine = new InsightsEngine(snapshot);
    entry.seq = inquiry.lastSeq;
    this.stats.coldBuilds++;
  }

  private async catchUp(entry: Entry, target: number): Promise<void> {
    if (!entry.engine) await this.build(entry);
    while (entry.seq < target) {
      const page = await listEventsSince(this.db, entry.inquiryId, entry.seq, PAGE);
      if (page.length === 0) return;
      if ((page[0]?.seq ?? 0) !== entry.seq + 1) return this.build(entry);
      for (const event of page) await this.applyEvent(entry, event);
      if (page.length < PAGE) return;
    }
  }

  private async advance(entry: Entry, event: StoredEvent): Promise<void> {
    if (!entry.engine || entry.dropped || event.seq <= entry.seq) return;
    if (event.seq > entry.seq + 1) {
      await this.catchUp(entry, event.seq - 1);
      if (event.seq <= entry.seq) return;
      if (event.seq !== entry.seq + 1) return this.build(entry);
    }
    await this.applyEvent(entry, event);
  }

  private async applyEvent(entry: Entry, event: StoredEvent): Promise<void> {
    const engine = entry.engine;
    if (!engine || event.seq !== entry.seq + 1) return;
    for (const change of changesOf(event)) engine.apply(change);
    // A lens change is announced as the inquiry changing; the lenses themselves are read again.
    if (event.type === 'inquiry.updated')
      engine.apply({
        type: 'participants.set',
        at: event.at,
        participants: await loadInsightPeople(this.db, entry.inquiryId),
      });
    entry.seq = event.seq;
    this.stats.appliedEvents++;
  }

  private sweep(): void {
    const cutoff = Date.now() - this.options.idleMs;
    for (const entry of [...this.entries.values()]) if (entry.lastUsed < cutoff) void this.drop(entry);
  }

  private evictBeyondLimit(): void {
    while (this.entries.size > this.options.maxEngines) {
      const oldest = this.entries.values().next().value;
      if (!oldest) return;
      void this.drop(oldest);
    }
  }

  private async drop(entry: Entry): Promise<void> {
    if (entry.dropped) return;
    entry.dropped = true;
    if (this.entries.get(entry.inquiryId) === entry) this.entries.delete(entry.inquiryId);
    this.stats.evictions++;
    try {
      await (await entry.unsubscribe)();
    } catch (error) {
      this.log.warn({ err: error, inquiryId: entry.inquiryId }, 'insights engine could not unsubscribe');
    }
  }
}
