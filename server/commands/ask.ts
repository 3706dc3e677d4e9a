import type { Finding } from '../../contract/insights.js';
import type { Writer } from '../live/transact.js';
import type { ContributionRecord } from '../store/contributions.js';
import type { InquiryRecord } from '../store/inquiries.js';
import { insertAsked } from '../store/insights.js';
import type { UserRecord } from '../store/users.js';
import { postContribution } from './contribute.js';

/**
 * The facilitator asks a finding's suggested question: it is posted as their `question` note (with its
 * @mention, live event and notifications, like any note), replying to the note the finding is about, and
 * recorded so the console can follow whether it was answered.
 */
export async function askFinding(
  writer: Writer,
  inquiry: InquiryRecord,
  asker: UserRecord,
  finding: Finding,
  aboutNoteId: string | null,
): Promise<{ contribution: ContributionRecord; askedAt: string }> {
  let askedAt = '';
  const { contribution } = await postContribution(
    writer,
    inquiry,
    asker,
    {
      kind: 'question',
      body: finding.question,
      confidence: 'leaning',
      anonymous: false,
      links: aboutNoteId ? [{ toId: aboutNoteId, kind: 'builds_on' }] : [],
    },
    async (trx, made) => {
      const record = await insertAsked(trx, {
        inquiryId: inquiry.id,
        rule: finding.rule,
        findingId: finding.id,
        promptId: finding.promptId,
        contributionId: made.contribution.id,
        askedBy: asker.id,
      });
      askedAt = record.askedAt;
    },
  );
  return { contribution, askedAt };
}
