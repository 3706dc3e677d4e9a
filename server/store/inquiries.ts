import type { StoredFitCheck } from '../../contract/mechanics.js';
import { DEFAULT_GATE_SETTINGS, type GateSettings } from '../../domain/mechanics/gates.js';
import type { PhasePrivacyEffect, ThinkFirstPhase } from '../../domain/mechanics/private-mode.js';
import type { Mode, Phase } from '../../domain/model.js';
import { indexInquiry } from '../search/indexer.js';
import type { Db } from './db.js';
import { newId, now } from './ids.js';
import type { InquiriesTable } from './schema.js';

export interface InquiryRecord {
  id: string;
  workspaceId: string;
  title: string;
  question: string;
  context: string;
  successCriteria: string;
  mode: Mode;
  phase: Phase;
  allowAnonymous: boolean;
  facilitatorId: string;
  createdAt: string;
  updatedAt: string;
  lastActivityAt: string;
  /** Sequence number of the newest live event; a client resumes the stream from here. */
  lastSeq: number;
  privateMode: boolean;
  leaderSpeaksLast: boolean;
  revealedAt: string | null;
  /** Phases to think first in: private mode turns on in them and ends with a reveal after them. */
  privatePhases: ThinkFirstPhase[];
  gateSettings: GateSettings;
  fitCheck: StoredFitCheck | null;
}

export interface InquirySummaryRecord extends InquiryRecord {
  facilitator: { id: string; name: string };
  participantCount: number;
  contributionCount: number;
  myContributionCount: number;
}

export interface ParticipantRecord {
  user: { id: string; name: string };
  role: 'facilitator' | 'participant';
  perspective: string | null;
}

export interface FramingInput {
  title: string;
  question: string;
  context: string;
  successCriteria: string;
  mode: Mode;
  allowAnonymous: boolean;
  privateMode: boolean;
  leaderSpeaksLast: boolean;
  privatePhases: ThinkFirstPhase[];
  gateSettings: GateSettings | null;
  fitCheck: StoredFitCheck | null;
}

const toRecord = (r: InquiriesTable): InquiryRecord => ({
  id: r.id,
  workspaceId: r.workspace_id,
  title: r.title,
  question: r.question,
  context: r.context,
  successCriteria: r.success_criteria,
  mode: r.mode,
  phase: r.phase,
  allowAnonymous: r.allow_anonymous === 1,
  facilitatorId: r.facilitator_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  lastActivityAt: r.last_activity_at,
  lastSeq: Number(r.last_seq),
  privateMode: r.private_mode === 1,
  leaderSpeaksLast: r.leader_speaks_last === 1,
  revealedAt: r.revealed_at,
  privatePhases: JSON.parse(r.private_phases || '[]') as ThinkFirstPhase[],
  gateSettings: r.gate_settings ? (JSON.parse(r.gate_settings) as GateSettings) : DEFAULT_GATE_SETTINGS,
  fitCheck: r.fit_check ? (JSON.parse(r.fit_check) as StoredFitCheck) : null,
});

/** The mechanics settings are optional when creating: an inquiry starts with them off. */
export type NewInquiryInput = Omit<
  FramingInput,
  'privateMode' | 'leaderSpeaksLast' | 'privatePhases' | 'gateSettings' | 'fitCheck'
> &
  Partial<FramingInput> & { workspaceId: string; facilitatorId: string; participantIds: readonly string[] };

/** Creates an inquiry with its facilitator and participants; call inside a transaction. */
export async function createInquiry(db: Db, input: NewInquiryInput): Promise<InquiryRecord> {
  const at = now();
  const row: InquiriesTable = {
    id: newId(),
    workspace_id: input.workspaceId,
    title: input.title,
    question: input.question,
    context: input.context,
    success_criteria: input.successCriteria,
    mode: input.mode,
    phase: 'framing',
    allow_anonymous: input.allowAnonymous ? 1 : 0,
    facilitator_id: input.facilitatorId,
    created_at: at,
    updated_at: at,
    last_activity_at: at,
    last_seq: 0,
    private_mode: input.privateMode ? 1 : 0,
    leader_speaks_last: input.leaderSpeaksLast ? 1 : 0,
    revealed_at: null,
    gate_settings: input.gateSettings ? JSON.stringify(input.gateSettings) : null,
    fit_check: input.fitCheck ? JSON.stringify(input.fitCheck) : null,
    private_phases: JSON.stringify(input.privatePhases ?? []),
  };
  await db.insertInto('inquiries').values(row).execute();
  await indexInquiry(db, row.id);
  await addParticipants(db, row.id, [input.facilitatorId, ...input.participantIds]);
  return toRecord(row);
}

export async function findInquiry(db: Db, id: string): Promise<InquiryRecord | null> {
  const row = await db.selectFrom('inquiries').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** A page of a workspace's inquiries, newest first, with the counts the home page shows. */
export async function listInquiries(
  db: Db,
  input: { workspaceId: string; viewerId: string; phase?: Phase; limit: number; cursor?: string },
): Promise<{ items: InquirySummaryRecord[]; nextCursor: string | null }> {
  let query = db
    .selectFrom('inquiries')
    .innerJoin('users', 'users.id', 'inquiries.facilitator_id')
    .selectAll('inquiries')
    .select((eb) => [
      'users.name as facilitator_name',
      eb
        .selectFrom('inquiry_participants')
        .select(eb.fn.countAll<number | string>().as('n'))
        .whereRef('inquiry_participants.inquiry_id', '=', 'inquiries.id')
        .as('participant_count'),
      eb
        .selectFrom('contributions')
        .select(eb.fn.countAll<number | string>().as('n'))
        .whereRef('contributions.inquiry_id', '=', 'inquiries.id')
        .as('contribution_count'),
      eb
        .selectFrom('contributions')
        .select(eb.fn.countAll<number | string>().as('n'))
        .whereRef('contributions.inquiry_id', '=', 'inquiries.id')
        .where('contributions.author_id', '=', input.viewerId)
        .as('my_contribution_count'),
    ])
    .where('inquiries.workspace_id', '=', input.workspaceId)
    .orderBy('inquiries.id', 'desc')
    .limit(input.limit + 1);
  if (input.phase) query = query.where('inquiries.phase', '=', input.phase);
  if (input.cursor) query = query.where('inquiries.id', '<', input.cursor);
  const rows = await query.execute();
  const page = rows.slice(0, input.limit);
  return {
    items: page.map((r) => ({
      ...toRecord(r),
      facilitator: { id: r.facilitator_id, name: r.facilitator_name },
      participantCount: Number(r.participant_count ?? 0),
      contributionCount: Number(r.contribution_count ?? 0),
      myContributionCount: Number(r.my_contribution_count ?? 0),
    })),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

export async function updateInquiry(db: Db, id: string, patch: Partial<FramingInput>): Promise<void> {
  const set: Partial<InquiriesTable> = { updated_at: now() };
  if (patch.title !== undefined) set.title = patch.title;
  if (patch.question !== undefined) set.question = patch.question;
  if (patch.context !== undefined) set.context = patch.context;
  if (patch.successCriteria !== undefined) set.success_criteria = patch.successCriteria;
  if (patch.mode !== undefined) set.mode = patch.mode;
  if (patch.allowAnonymous !== undefined) set.allow_anonymous = patch.allowAnonymous ? 1 : 0;
  if (patch.privateMode !== undefined) set.private_mode = patch.privateMode ? 1 : 0;
  if (patch.leaderSpeaksLast !== undefined) set.leader_speaks_last = patch.leaderSpeaksLast ? 1 : 0;
  if (patch.gateSettings !== undefined)
    set.gate_settings = patch.gateSettings ? JSON.stringify(patch.gateSettings) : null;
  if (patch.fitCheck !== undefined) set.fit_check = patch.fitCheck ? JSON.stringify(patch.fitCheck) : null;
  if (patch.privatePhases !== undefined) set.private_phases = JSON.stringify(patch.privatePhases);
  set.last_activity_at = set.updated_at;
  await db.updateTable('inquiries').set(set).where('id', '=', id).execute();
  await indexInquiry(db, id);
}

/** Moves an inquiry to a phase and records the move, with the override reason and what was missing. */
export async function setPhase(
  db: Db,
  input: {
    inquiryId: string;
    from: Phase;
    to: Phase;
    movedBy: string;
    overrideReason: string | null;
    missing: unknown[];
    /** What the move did to private mode (think-first phases). */
    privacy?: PhasePrivacyEffect;
  },
): Promise<void> {
  const at = now();
  await db
    .updateTable('inquiries')
    .set({ phase: input.to, updated_at: at, last_activity_at: at })
    .where('id', '=', input.inquiryId)
    .execute();
  await db
    .insertInto('phase_changes')
    .values({
      id: newId(),
      inquiry_id: input.inquiryId,
      from_phase: input.from,
      to_phase: input.to,
      moved_by: input.movedBy,
      override_reason: input.overrideReason,
      missing: JSON.stringify(input.missing),
      privacy: input.privacy ?? null,
      created_at: at,
    })
    .execute();
}

/** Private mode on or off, and what is revealed, as a phase move with think-first phases decides. */
export async function setPrivacy(
  db: Db,
  inquiryId: string,
  settings: { privateMode: boolean; revealedAt: string | null },
): Promise<void> {
  await db
    .updateTable('inquiries')
    .set({ private_mode: settings.privateMode ? 1 : 0, revealed_at: settings.revealedAt })
    .where('id', '=', inquiryId)
    .execute();
}

/** Reveals every note written so far (private mode); a reveal never moves back in time. */
export async function setRevealedAt(db: Db, inquiryId: string, at: string): Promise<void> {
  await db
    .updateTable('inquiries')
    .set({ revealed_at: at, last_activity_at: at })
    .where('id', '=', inquiryId)
    .execute();
}

export async function listPhaseChanges(db: Db, inquiryId: string) {
  const rows = await db
    .selectFrom('phase_changes')
    .selectAll()
    .where('inquiry_id', '=', inquiryId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    from: r.from_phase,
    to: r.to_phase,
    movedBy: r.moved_by,
    overrideReason: r.override_reason,
    missing: JSON.parse(r.missing) as { userId: string; needs: string[] }[],
    privacy: (r.privacy ?? null) as PhasePrivacyEffect,
    at: r.created_at,
  }));
}

export async function listParticipants(db: Db, inquiry: InquiryRecord): Promise<ParticipantRecord[]> {
  const rows = await db
    .selectFrom('inquiry_participants')
    .innerJoin('users', 'users.id', 'inquiry_participants.user_id')
    .select(['users.id', 'users.name', 'inquiry_participants.perspective'])
    .where('inquiry_participants.inquiry_id', '=', inquiry.id)
    .orderBy('inquiry_participants.joined_at')
    .orderBy('users.name')
    .execute();
  return rows.map((r) => ({
    user: { id: r.id, name: r.name },
    role: r.id === inquiry.facilitatorId ? 'facilitator' : 'participant',
    perspective: r.perspective,
  }));
}

/** Adds people to an inquiry; those already in it are left as they are. Returns who was new. */
export async function addParticipants(
  db: Db,
  inquiryId: string,
  userIds: readonly string[],
): Promise<string[]> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return [];
  const joinedAt = now();
  // RETURNING yields only the rows really inserted, so two requests racing to add one person agree on
  // which of them added it.
  const inserted = await db
    .insertInto('inquiry_participants')
    .values(
      unique.map((user_id) => ({ inquiry_id: inquiryId, user_id, perspective: null, joined_at: joinedAt })),
    )
    .onConflict((oc) => oc.columns(['inquiry_id', 'user_id']).doNothing())
    .returning('user_id')
    .execute();
  return inserted.map((r) => r.user_id);
}

/** Makes the participant set exactly these people (the facilitator always stays); returns who joined and who left. */
export async function replaceParticipants(
  db: Db,
  inquiry: InquiryRecord,
  userIds: readonly string[],
): Promise<{ joined: string[]; left: string[] }> {
  const keep = [...new Set([inquiry.facilitatorId, ...userIds])];
  const leaving = await db
    .selectFrom('inquiry_participants')
    .select('user_id')
    .where('inquiry_id', '=', inquiry.id)
    .where('user_id', 'not in', keep)
    .execute();
  const left = leaving.map((r) => r.user_id);
  if (left.length > 0) {
    await db
      .deleteFrom('inquiry_participants')
      .where('inquiry_id', '=', inquiry.id)
      .where('user_id', 'in', left)
      .execute();
  }
  return { joined: await addParticipants(db, inquiry.id, keep), left };
}

/** When someone leaves a workspace: hand their inquiries to another facilitator and drop them as participant. */
export async function releaseMemberFromInquiries(
  db: Db,
  workspaceId: string,
  userId: string,
  newFacilitatorId: string,
): Promise<{ handedOver: string[]; leftInquiries: string[] }> {
  const handed = await db
    .selectFrom('inquiries')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('facilitator_id', '=', userId)
    .execute();
  const handedOver = handed.map((r) => r.id);
  if (handedOver.length > 0) {
    await db
      .updateTable('inquiries')
      .set({ facilitator_id: newFacilitatorId, updated_at: now() })
      .where('id', 'in', handedOver)
      .execute();
    for (const id of handedOver) await addParticipants(db, id, [newFacilitatorId]);
  }
  const participating = await db
    .selectFrom('inquiry_participants')
    .innerJoin('inquiries', 'inquiries.id', 'inquiry_participants.inquiry_id')
    .select('inquiries.id')
    .where('inquiries.workspace_id', '=', workspaceId)
    .where('inquiry_participants.user_id', '=', userId)
    .execute();
  const leftInquiries = participating.map((r) => r.id);
  if (leftInquiries.length > 0) {
    await db
      .deleteFrom('inquiry_participants')
      .where('user_id', '=', userId)
      .where('inquiry_id', 'in', leftInquiries)
      .execute();
  }
  return { handedOver, leftInquiries };
}

/** Gives a participant a lens (jigsaw perspectives), or takes it away; false when they are not a participant. */
export async function setPerspective(
  db: Db,
  inquiryId: string,
  userId: string,
  perspective: string | null,
): Promise<boolean> {
  const result = await db
    .updateTable('inquiry_participants')
    .set({ perspective })
    .where('inquiry_id', '=', inquiryId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  // Who holds which lens is part of the inquiry: it has changed.
  await db.updateTable('inquiries').set({ updated_at: now() }).where('id', '=', inquiryId).execute();
  return true;
}

export async function findPerspective(db: Db, inquiryId: string, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('inquiry_participants')
    .select('perspective')
    .where('inquiry_id', '=', inquiryId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.perspective ?? null;
}
