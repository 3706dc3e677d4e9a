import * as consent from '../../domain/mechanics/consent.js';
import { type Activity, activityRefusal } from '../../domain/mechanics/phases.js';
import { loadPrivacy } from '../auth/privacy.js';
import { conflict, forbidden, HttpError, invalidField, notFound } from '../errors.js';
import { transact, type Writer } from '../live/transact.js';
import { findProposal, saveProposal } from '../store/conclusions.js';
import { findContributions } from '../store/contributions.js';
import type { Db } from '../store/db.js';
import { type InquiryRecord, listParticipants } from '../store/inquiries.js';
import { enqueueWebhooks, excerpt } from '../webhooks/outbox.js';
import { notifyParticipants } from './notify.js';

// Conclusion by consent: every change reads the proposal, applies one pure rule from
// domain/mechanics/consent.ts, and saves it only if nobody changed it meanwhile (else it tries again).

const FIELD_OF: Partial<Record<consent.ConsentProblemCode, string>> = {
  empty_text: 'body.text',
  rests_on_nothing: 'body.restsOn',
  no_reason: 'body.reason',
};

function problem(
  result: Extract<consent.ConsentResult, { ok: false }>,
  reasonField = 'body.reason',
): HttpError {
  const field = result.code === 'no_reason' ? reasonField : FIELD_OF[result.code];
  if (field) return invalidField(field, result.message);
  if (result.code === 'not_allowed') return forbidden(result.message);
  if (result.code === 'unknown_objection') return notFound('Objection');
  return conflict(result.message);
}

export interface ConsentContext {
  inquiry: InquiryRecord;
  actorId: string;
}

/** Everyone whose voice the consent needs: the participants, the facilitator included. */
export async function voicesOf(db: Db, inquiry: InquiryRecord): Promise<string[]> {
  return (await listParticipants(db, inquiry)).map((p) => p.user.id);
}

/** Outside tools hear that the group reached a conclusion: its text and how many notes it rests on. */
async function announceAdoption(trx: Db, inquiry: InquiryRecord, proposal: consent.Proposal): Promise<void> {
  const adopted = proposal.adopted;
  const version = proposal.versions.find((v) => v.version === adopted?.version);
  if (!adopted || !version) return;
  await enqueueWebhooks(trx, {
    workspaceId: inquiry.workspaceId,
    event: 'conclusion.adopted',
    inquiry,
    data: {
      conclusion: {
        version: version.version,
        excerpt: excerpt(version.text),
        restsOn: version.restsOn.length,
      },
      basis: adopted.basis,
    },
  });
}

function requirePhase(inquiry: InquiryRecord, activity: Activity): void {
  const refusal = activityRefusal(inquiry.phase, activity);
  if (refusal) throw conflict(refusal);
}

async function change(
  writer: Writer,
  inquiry: InquiryRecord,
  apply: (current: consent.Proposal | null, voices: string[]) => consent.ConsentResult,
  reasonField?: string,
  /** Runs in the same transaction once the change is saved (to notify people). */
  after?: (trx: Db, proposal: consent.Proposal) => Promise<void>,
): Promise<consent.Proposal> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const saved = await transact(writer, async (trx, record) => {
      const stored = await findProposal(trx, inquiry.id);
      const result = apply(stored?.proposal ?? null, await voicesOf(trx, inquiry));
      if (!result.ok) throw problem(result, reasonField);
      if (!(await saveProposal(trx, inquiry.id, result.proposal, stored?.revision ?? 0))) return null;
      await record(inquiry.id, { type: 'conclusion.updated', data: { inquiryId: inquiry.id } });
      await after?.(trx, result.proposal);
      return result.proposal;
    });
    if (saved) return saved;
  }
  throw conflict('Others were changing this conclusion at the same moment; try again.');
}

/** Proposes the conclusion, or a new version of it; it must rest on notes of this inquiry. */
export async function proposeConclusion(
  writer: Writer,
  { inquiry, actorId }: ConsentContext,
  draft: { text: string; restsOn: string[] },
): Promise<consent.Proposal> {
  requirePhase(inquiry, 'propose_conclusion');
  if (!(await voicesOf(writer.db, inquiry)).includes(actorId)) {
    throw forbidden('Only participants of the inquiry take part in the consent.');
  }
  const privacy = await loadPrivacy(writer.db, inquiry);
  const notes = await findContributions(writer.db, draft.restsOn);
  const found = new Set(
    notes.filter((n) => n.inquiryId === inquiry.id && privacy.canSee(actorId, n)).map((n) => n.id),
  );
  const index = draft.restsOn.findIndex((id) => !found.has(id));
  if (index >= 0) throw invalidField(`body.restsOn.${index}`, 'That note is not in this inquiry.');
  const at = new Date().toISOString();
  return change(
    writer,
    inquiry,
    (current) =>
      current
        ? consent.revise(current, { ...draft, by: actorId, at })
        : consent.propose({ ...draft, by: actorId, at }),
    undefined,
    // Every voice is asked again for each version.
    (trx) =>
      notifyParticipants(trx, inquiry, {
        kind: 'consent_needed',
        actorId,
        subjectId: null,
        summary: draft.text,
        except: actorId,
      }),
  );
}

type Response =
  | { kind: 'endorse' }
  | { kind: 'object'; reason: string; id: string }
  | { kind: 'answer'; objectionId: string; response: string }
  | { kind: 'withdraw'; objectionId: string }
  | { kind: 'stand'; objectionId: string }
  | { kind: 'adopt' };

/** A participant's answer to the proposal: endorse, object, answer an objection, settle one, or adopt. */
export async function respondToConclusion(
  writer: Writer,
  { inquiry, actorId }: ConsentContext,
  response: Response,
): Promise<consent.Proposal> {
  requirePhase(inquiry, 'respond_to_proposal');
  const at = new Date().toISOString();
  return change(
    writer,
    inquiry,
    (current, voices) => {
      if (!current)
        return { ok: false, code: 'unknown_objection', message: 'No conclusion has been proposed yet.' };
      if (response.kind !== 'answer' && response.kind !== 'adopt' && !voices.includes(actorId)) {
        return {
          ok: false,
          code: 'not_allowed',
          message: 'Only participants of the inquiry take part in the consent.',
        };
      }
      switch (response.kind) {
        case 'endorse':
          return consent.endorse(current, actorId, at);
        case 'object':
          return consent.object(current, { id: response.id, userId: actorId, reason: response.reason, at });
        case 'answer':
          return consent.answerObjection(
            current,
            { objectionId: response.objectionId, by: actorId, response: response.response, at },
            inquiry.facilitatorId,
          );
        case 'withdraw':
          return consent.withdrawObjection(current, response.objectionId, actorId, at);
        case 'stand':
          return consent.letObjectionStand(current, response.objectionId, actorId, at);
        case 'adopt':
          return consent.adopt(
            current,
            voices,
            { mode: inquiry.mode, facilitatorId: inquiry.facilitatorId },
            actorId,
            at,
          );
      }
    },
    response.kind === 'answer' ? 'body.response' : 'body.reason',
    response.kind === 'adopt' ? (trx, proposal) => announceAdoption(trx, inquiry, proposal) : undefined,
  );
}
