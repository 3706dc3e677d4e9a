import { type Privacy, privacyAfter } from '../auth/privacy.js';
import type { InquiryRecord } from '../store/inquiries.js';
import type { StoredEvent } from './events.js';

// One inquiry's live room on this instance: it puts the events it hears in sequence order, with no gaps
// and no repeats, and hands each to every listener. Events may arrive out of order or not at all (two
// instances publish independently; a publish can be lost), so a gap is filled from the log.

export interface Listener {
  readonly userId: string;
  /** Called in sequence order, once per event, for every event after the listener joined. */
  deliver(event: StoredEvent, audienceCache: Map<string, Buffer>, privacy: Privacy): void;
}

export interface RoomDeps {
  /** The newest sequence number committed for the inquiry. */
  head(): Promise<number>;
  /** Committed events after `since`, in order. */
  eventsSince(since: number): Promise<StoredEvent[]>;
  /** Who may see which notes now (private mode, leader speaks last). */
  privacy(): Promise<Privacy>;
  /** The same, with these settings, as of the event numbered `seq`: read when the rules switch on. */
  privacyAt(inquiry: InquiryRecord, seq: number): Promise<Privacy>;
}

export class Room<L extends Listener = Listener> {
  readonly listeners = new Set<L>();
  private head = 0;
  /** The visibility rules as of `head`, kept current by the events themselves. */
  privacy!: Privacy;
  private chain: Promise<void>;

  constructor(
    readonly inquiryId: string,
    private readonly deps: RoomDeps,
    subscribed: Promise<unknown>,
    private readonly onError: (error: unknown) => void,
  ) {
    // The head is read only once the bus subscription is live: every later commit then reaches us.
    this.chain = subscribed.then(async () => {
      this.head = await deps.head();
      this.privacy = await deps.privacy();
    });
  }

  /** Resolves when the room knows its head and hears the bus. */
  ready(): Promise<void> {
    return this.chain;
  }

  /** Takes an event from the bus; processing is serialised so delivery order is the sequence order. */
  receive(event: StoredEvent): void {
    this.chain = this.chain.then(() => this.advanceTo(event)).catch(this.onError);
  }

  private async advanceTo(event: StoredEvent): Promise<void> {
    if (event.seq <= this.head) return;
    if (event.seq > this.head + 1) {
      for (const missed of await this.deps.eventsSince(this.head)) {
        if (missed.seq >= event.seq) break;
        await this.dispatch(missed);
      }
    }
    if (event.seq === this.head + 1) await this.dispatch(event);
  }

  private async dispatch(event: StoredEvent): Promise<void> {
    if (event.seq !== this.head + 1) return;
    this.head = event.seq;
    const audienceCache = new Map<string, Buffer>();
    for (const listener of this.listeners) listener.deliver(event, audienceCache, this.privacy);
    // While nothing was hidden the room kept no participants nor posters; when a setting switches the
    // rules on, read them as of this event. Awaited inside the chain, so no later event overtakes.
    this.privacy =
      event.type === 'inquiry.updated' && !this.privacy.active && privacyAfter(this.privacy, event).active
        ? await this.deps.privacyAt(event.data, event.seq)
        : privacyAfter(this.privacy, event);
  }
}
