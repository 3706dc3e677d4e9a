import { loadPrivacy } from '../auth/privacy.js';
import { notFound } from '../errors.js';
import { transact, type Writer } from '../live/transact.js';
import { now } from '../store/ids.js';
import { findInquiry, type InquiryRecord, setRevealedAt } from '../store/inquiries.js';
import { enqueueRevealedNotes } from '../webhooks/outbox.js';
import { notifyAboutRevealedNotes } from './notify.js';

/** The facilitator ends private mode for every note written so far; later notes stay private until the next reveal. */
export async function revealNotes(writer: Writer, inquiry: InquiryRecord): Promise<InquiryRecord> {
  return transact(writer, async (trx, record) => {
    const current = (await findInquiry(trx, inquiry.id)) ?? inquiry;
    const before = await loadPrivacy(trx, current);
    await setRevealedAt(trx, inquiry.id, now());
    const updated = await findInquiry(trx, inquiry.id);
    if (!updated) throw notFound('Inquiry');
    await record(inquiry.id, { type: 'inquiry.updated', data: updated });
    await record(inquiry.id, { type: 'notes.revealed', data: { reason: 'revealed' } });
    const after = await loadPrivacy(trx, updated);
    await notifyAboutRevealedNotes(trx, updated, before, after);
    await enqueueRevealedNotes(trx, updated, before, after);
    return updated;
  });
}
