import type { Mode } from '../model.js';
import { countWords, recordedReason } from './text.js';

// Conclusion by consent: the group, not the manager, adopts what it concluded. Each participant endorses
// the current version or objects with a reason; an answered objection no longer blocks, because the point
// is that every concern was heard, not that everyone agrees. Everything is kept as history.
// All functions are pure: each change returns a new Proposal, ready to be stored as JSON.

export interface ProposalVersion {
  version: number;
  text: string;
  /** The contributions this conclusion rests on. */
  restsOn: string[];
  proposedBy: string;
  proposedAt: string;
}

export interface Endorsement {
  userId: string;
  version: number;
  at: string;
}

/** open → answered → withdrawn | stands_answered; an open objection may also be withdrawn directly. */
export type ObjectionStatus = 'open' | 'answered' | 'withdrawn' | 'stands_answered';

export interface Objection {
  id: string;
  userId: string;
  version: number;
  reason: string;
  raisedAt: string;
  status: ObjectionStatus;
  answer: { by: string; response: string; at: string } | null;
  /** When the objector withdrew it or let it stand. */
  settledAt: string | null;
}

export interface Adoption {
  version: number;
  by: string;
  at: string;
  /** 'consent': the group adopted it; 'facilitator': adopted on the facilitator's authority (cooperative). */
  basis: 'consent' | 'facilitator';
}

export interface Proposal {
  versions: ProposalVersion[];
  /** Endorsements of every version; only those of the current version count. */
  endorsements: Endorsement[];
  objections: Objection[];
  adopted: Adoption | null;
}

export type ConsentProblemCode =
  | 'empty_text'
  | 'rests_on_nothing'
  | 'adopted'
  | 'open_objection'
  | 'no_reason'
  | 'duplicate_id'
  | 'unknown_objection'
  | 'not_allowed'
  | 'wrong_status';

export type ConsentResult =
  | { ok: true; proposal: Proposal }
  | { ok: false; code: ConsentProblemCode; message: string };

const fail = (code: ConsentProblemCode, message: string): ConsentResult => ({ ok: false, code, message });
const done = (proposal: Proposal): ConsentResult => ({ ok: true, proposal });

export function currentVersion(p: Proposal): ProposalVersion {
  const last = p.versions.at(-1);
  if (!last) throw new Error('A proposal always has at least one version.');
  return last;
}

export interface Draft {
  text: string;
  restsOn: readonly string[];
  by: string;
  at: string;
}

function versionFrom(draft: Draft, version: number): ProposalVersion | ConsentResult {
  if (countWords(draft.text) === 0) return fail('empty_text', 'Write the conclusion first.');
  const restsOn = [...new Set(draft.restsOn)];
  if (restsOn.length === 0) return fail('rests_on_nothing', 'Link the conclusion to the notes it rests on.');
  return { version, text: draft.text.trim(), restsOn, proposedBy: draft.by, proposedAt: draft.at };
}

export function propose(draft: Draft): ConsentResult {
  const first = versionFrom(draft, 1);
  if ('ok' in first) return first;
  return done({ versions: [first], endorsements: [], objections: [], adopted: null });
}

/** A new version: everyone is asked again (endorsements reset), and the objection history stays. */
export function revise(p: Proposal, draft: Draft): ConsentResult {
  if (p.adopted) return fail('adopted', 'This conclusion is already adopted.');
  const next = versionFrom(draft, currentVersion(p).version + 1);
  if ('ok' in next) return next;
  return done({ ...p, versions: [...p.versions, next] });
}

function openObjectionsOf(p: Proposal, userId: string, version: number): Objection[] {
  return p.objections.filter((o) => o.userId === userId && o.version === version && o.status === 'open');
}

export function endorse(p: Proposal, userId: string, at: string): ConsentResult {
  if (p.adopted) return fail('adopted', 'This conclusion is already adopted.');
  const { version } = currentVersion(p);
  // Endorsing over one's own open objection would leave two contradicting answers on record.
  if (openObjectionsOf(p, userId, version).length > 0) {
    return fail('open_objection', 'Withdraw your objection before endorsing.');
  }
  if (p.endorsements.some((e) => e.userId === userId && e.version === version)) return done(p);
  return done({ ...p, endorsements: [...p.endorsements, { userId, version, at }] });
}

export interface NewObjection {
  id: string;
  userId: string;
  reason: string;
  at: string;
}

/** Objecting is always possible before adoption, and takes back the objector's endorsement. */
export function object(p: Proposal, o: NewObjection): ConsentResult {
  if (p.adopted) return fail('adopted', 'This conclusion is already adopted.');
  const reason = recordedReason(o.reason);
  if (reason === null) return fail('no_reason', 'Say why you object, so it can be answered.');
  if (p.objections.some((x) => x.id === o.id))
    return fail('duplicate_id', 'This objection is already recorded.');
  const { version } = currentVersion(p);
  const objection: Objection = {
    id: o.id,
    userId: o.userId,
    version,
    reason,
    raisedAt: o.at,
    status: 'open',
    answer: null,
    settledAt: null,
  };
  return done({
    ...p,
    endorsements: p.endorsements.filter((e) => !(e.userId === o.userId && e.version === version)),
    objections: [...p.objections, objection],
  });
}

function withObjection(
  p: Proposal,
  objectionId: string,
  change: (o: Objection) => Objection | ConsentResult,
): ConsentResult {
  if (p.adopted) return fail('adopted', 'This conclusion is already adopted.');
  const found = p.objections.find((o) => o.id === objectionId);
  if (!found) return fail('unknown_objection', 'There is no such objection.');
  const changed = change(found);
  if ('ok' in changed) return changed;
  return done({ ...p, objections: p.objections.map((o) => (o.id === objectionId ? changed : o)) });
}

export interface ObjectionAnswer {
  objectionId: string;
  by: string;
  response: string;
  at: string;
}

/** The proposer of the version objected to, or the facilitator, answers; never the objector. */
export function answerObjection(p: Proposal, a: ObjectionAnswer, facilitatorId: string): ConsentResult {
  return withObjection(p, a.objectionId, (o) => {
    const proposer = p.versions.find((v) => v.version === o.version)?.proposedBy;
    if (a.by === o.userId || (a.by !== proposer && a.by !== facilitatorId)) {
      return fail('not_allowed', 'Only the proposer or the facilitator can answer an objection.');
    }
    if (o.status !== 'open') return fail('wrong_status', 'This objection has already been answered.');
    const response = recordedReason(a.response);
    if (response === null) return fail('no_reason', 'Write an answer to the objection.');
    return { ...o, status: 'answered', answer: { by: a.by, response, at: a.at } };
  });
}

export function withdrawObjection(p: Proposal, objectionId: string, by: string, at: string): ConsentResult {
  return withObjection(p, objectionId, (o) => {
    if (by !== o.userId) return fail('not_allowed', 'Only the person who objected can withdraw it.');
    if (o.status !== 'open' && o.status !== 'answered')
      return fail('wrong_status', 'This objection is settled.');
    return { ...o, status: 'withdrawn', settledAt: at };
  });
}

/** The objector keeps the objection on record, as answered: heard, not necessarily agreed with. */
export function letObjectionStand(p: Proposal, objectionId: string, by: string, at: string): ConsentResult {
  return withObjection(p, objectionId, (o) => {
    if (by !== o.userId) return fail('not_allowed', 'Only the person who objected can let it stand.');
    if (o.status !== 'answered')
      return fail('wrong_status', 'Only an answered objection can stand as answered.');
    return { ...o, status: 'stands_answered', settledAt: at };
  });
}

export type Consent = 'endorsed' | 'objection_answered' | 'objection_withdrawn';

export interface ConsentState {
  version: number;
  /** Every participant has consented to the current version and no objection to it is open. */
  adoptable: boolean;
  consented: { userId: string; how: Consent }[];
  /** Participants who have neither endorsed nor objected to the current version. */
  waitingFor: string[];
  /** Objections to the current version still waiting for an answer. */
  openObjections: Objection[];
}

/**
 * Where the group stands on the current version. `participants` are every voice, the facilitator
 * included: the facilitator's endorsement counts as one voice, like anyone's. A person consents by
 * endorsing, or when every objection they raised to this version is answered or withdrawn.
 */
export function consentState(p: Proposal, participants: readonly string[]): ConsentState {
  const { version } = currentVersion(p);
  const voices = [...new Set(participants)];
  const consented: ConsentState['consented'] = [];
  const waitingFor: string[] = [];
  const openObjections: Objection[] = [];
  for (const userId of voices) {
    const mine = p.objections.filter((o) => o.userId === userId && o.version === version);
    const open = mine.filter((o) => o.status === 'open');
    if (open.length > 0) openObjections.push(...open);
    else if (p.endorsements.some((e) => e.userId === userId && e.version === version)) {
      consented.push({ userId, how: 'endorsed' });
    } else if (mine.length > 0) {
      const how = mine.every((o) => o.status === 'withdrawn') ? 'objection_withdrawn' : 'objection_answered';
      consented.push({ userId, how });
    } else waitingFor.push(userId);
  }
  const adoptable = voices.length > 0 && consented.length === voices.length;
  return { version, adoptable, consented, waitingFor, openObjections };
}

export interface AdoptionContext {
  mode: Mode;
  facilitatorId: string;
}

export type AdoptionDecision =
  | { allowed: true; basis: Adoption['basis'] }
  | { allowed: false; message: string; waitingFor: string[]; openObjections: Objection[] };

/**
 * Collaborative: only the group's consent adopts, and any participant may then record it; the facilitator
 * cannot adopt alone. Cooperative: the authority stays with the facilitator, who may adopt at any time
 * (open objections stay on record); nobody else may.
 */
export function mayAdopt(
  p: Proposal,
  participants: readonly string[],
  ctx: AdoptionContext,
  actorId: string,
): AdoptionDecision {
  const state = consentState(p, participants);
  const refuse = (message: string): AdoptionDecision => ({
    allowed: false,
    message,
    waitingFor: state.waitingFor,
    openObjections: state.openObjections,
  });
  if (p.adopted) return refuse('This conclusion is already adopted.');
  const isFacilitator = actorId === ctx.facilitatorId;
  if (ctx.mode === 'cooperative') {
    if (!isFacilitator) return refuse('In a cooperative inquiry the facilitator adopts the result.');
    return { allowed: true, basis: state.adoptable ? 'consent' : 'facilitator' };
  }
  if (!isFacilitator && !participants.includes(actorId))
    return refuse('Only participants can adopt a conclusion.');
  if (!participants.some((id) => id !== ctx.facilitatorId)) {
    return refuse(
      'A collaborative conclusion needs the group: at least one participant besides the facilitator.',
    );
  }
  if (state.adoptable) return { allowed: true, basis: 'consent' };
  const waiting = [
    state.waitingFor.length > 0 ? `${state.waitingFor.length} to endorse or object` : '',
    state.openObjections.length > 0 ? `${state.openObjections.length} objection(s) to answer` : '',
  ].filter(Boolean);
  return refuse(`The group adopts this conclusion by consent; still waiting for ${waiting.join(' and ')}.`);
}

export function adopt(
  p: Proposal,
  participants: readonly string[],
  ctx: AdoptionContext,
  by: string,
  at: string,
): ConsentResult {
  const decision = mayAdopt(p, participants, ctx, by);
  if (!decision.allowed) return fail(p.adopted ? 'adopted' : 'not_allowed', decision.message);
  const adoption: Adoption = { version: currentVersion(p).version, by, at, basis: decision.basis };
  return done({ ...p, adopted: adoption });
}
