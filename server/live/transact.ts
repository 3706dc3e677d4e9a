import type { Db } from '../store/db.js';
import { appendEvent } from '../store/events.js';
import type { ChangeRecord, StoredEvent } from './events.js';

// A change and its event are one transaction: both are stored or neither is. Events are published only
// after the commit, so no listener ever hears of a change that was rolled back.

export interface EventPublisher {
  publish(events: readonly StoredEvent[]): Promise<void>;
}

/** What a command needs to write: the database and where to announce its events. */
export interface Writer {
  db: Db;
  events: EventPublisher;
}

export type Record = (inquiryId: string, change: ChangeRecord) => Promise<void>;

export async function transact<T>(writer: Writer, work: (trx: Db, record: Record) => Promise<T>): Promise<T> {
  const events: StoredEvent[] = [];
  const result = await writer.db.transaction().execute((trx) =>
    work(trx, async (inquiryId, change) => {
      events.push(await appendEvent(trx, inquiryId, change));
    }),
  );
  if (events.length > 0) await writer.events.publish(events);
  return result;
}

/** For scripts that write without anyone listening live (the events are still logged). */
export const noLiveListeners: EventPublisher = { publish: async () => {} };
