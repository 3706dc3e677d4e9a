import type { GateStatus } from '../../contract/mechanics.js';
import { gateInto, gateMessage, moveRule } from '../../domain/mechanics/gates.js';
import { nextPhase } from '../../domain/mechanics/phases.js';
import { privacyOnPhaseMove } from '../../domain/mechanics/private-mode.js';
import type { Phase } from '../../domain/model.js';
import { loadPrivacy } from '../auth/privacy.js';
import { HttpError, notFound } from '../errors.js';
import { transact, type Writer } from '../live/transact.js';
import type { Db } from '../store/db.js';
import { loadGateFacts } from '../store/gate-facts.js';
import { now } from '../store/ids.js';
import { findInquiry, type InquiryRecord, setPhase, setPrivacy } from '../store/inquiries.js';
import { enqueueRevealedNotes, enqueueWebhooks } from '../webhooks/outbox.js';
import { notifyAboutRevealedNotes, notifyParticipants } from './notify.js';

/** Where the group stands with the gate into its next phase: what the board shows as "waiting for". */
export async function gateStatus(db: Db, inquiry: InquiryRecord): Promise<GateStatus> {
  const next = nextPhase(inquiry.phase);
  if (!next) return { next: null, met: true, missing: [], groupNeeds: [], message: null };
  const gate = gateInto(next, await loadGateFacts(db, inquiry), inquiry.gateSettings);
  return { next, ...gate, message: gate.met ? null : gateMessage(next, gate) };
}

/**
 * The facilitator moves the inquiry one phase on (when its gate is met, or with a recorded reason) or one
 * phase back. A closed gate without a reason is a 409 that says who the group is waiting for.
 */
export async function movePhase(
  writer: Writer,
  inquiry: InquiryRecord,
  input: { to: Phase; overrideReason?: string; movedBy: string },
): Promise<InquiryRecord> {
  return transact(writer, async (trx, record) => {
    // Read inside the transaction, so the gate is judged on what is committed with the move.
    const current = (await findInquiry(trx, inquiry.id)) ?? inquiry;
    const gate = gateInto(input.to, await loadGateFacts(trx, current), current.gateSettings);
    const decision = moveRule(current.phase, input.to, gate, input.overrideReason);
    if (decision.outcome === 'invalid')
      throw new HttpError(409, 'conflict', decision.message, undefined, { missing: [] });
    if (decision.outcome === 'needs_override' && input.overrideReason?.trim()) {
      // A reason was given but is too thin to record: say so next to the field, not as a closed gate.
      throw new HttpError(400, 'invalid_input', 'Say in a few words why the group moves on anyway.', [
        { path: 'body.overrideReason', message: 'Say in a few words why the group moves on anyway.' },
      ]);
    }
    if (decision.outcome === 'needs_override') {
      throw new HttpError(409, 'conflict', decision.message, undefined, { missing: decision.missing });
    }
    // Think-first phases: moving into one starts private mode, moving on from one reveals (docs/mechanics.md §4).
    const privacy = privacyOnPhaseMove(current, current.privatePhases, current.phase, input.to, now());
    const hiddenBefore = privacy.effect === 'revealed' ? await loadPrivacy(trx, current) : null;
    if (privacy.effect) await setPrivacy(trx, current.id, privacy.settings);
    await setPhase(trx, {
      inquiryId: current.id,
      from: current.phase,
      to: input.to,
      movedBy: input.movedBy,
      overrideReason: decision.overridden ? decision.reason : null,
      missing: decision.overridden ? decision.missing : [],
      privacy: privacy.effect,
    });
    const moved = await findInquiry(trx, current.id);
    if (!moved) throw notFound('Inquiry');
    // The same events as a reveal by hand (commands/reveal.ts): the inquiry, then "refetch the notes".
    await record(current.id, { type: 'inquiry.updated', data: moved });
    await enqueueWebhooks(trx, {
      workspaceId: moved.workspaceId,
      event: 'inquiry.phase_changed',
      inquiry: moved,
      data: { from: current.phase, to: input.to, overridden: decision.overridden },
    });
    if (hiddenBefore) {
      await record(current.id, { type: 'notes.revealed', data: { reason: 'revealed' } });
      const after = await loadPrivacy(trx, moved);
      await notifyAboutRevealedNotes(trx, moved, hiddenBefore, after);
      await enqueueRevealedNotes(trx, moved, hiddenBefore, after);
    }
    await notifyParticipants(trx, moved, {
      kind: 'phase_changed',
      actorId: input.movedBy,
      subjectId: null,
      summary: `${moved.title}: now ${input.to}`,
      except: input.movedBy,
    });
    return moved;
  });
}
