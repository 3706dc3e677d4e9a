import { randomBytes } from 'node:crypto';
import { checkLink, type ExistingLink } from '../domain/links.js';
import type { Proposal } from '../domain/mechanics/consent.js';
import { initialState, isValidState } from '../domain/model.js';
import { hashPassword } from '../server/auth/password.js';
import { indexContribution } from '../server/search/indexer.js';
import { insertCommitment } from '../server/store/commitments.js';
import { saveProposal, saveReflection } from '../server/store/conclusions.js';
import { type ContributionRecord, insertContribution, insertLink } from '../server/store/contributions.js';
import type { Db } from '../server/store/db.js';
import { newId } from '../server/store/ids.js';
import { createInquiry } from '../server/store/inquiries.js';
import {
  createUser,
  EmailTakenError,
  findCredentials,
  findUserById,
  type UserRecord,
} from '../server/store/users.js';
import { addMember, createWorkspace } from '../server/store/workspaces.js';
import {
  DEMO_DOMAIN,
  DEMO_INQUIRIES,
  DEMO_PEOPLE,
  DEMO_WORKSPACE_NAME,
  type DemoInquiry,
  type DemoNote,
  MAIN_INQUIRY_KEY,
  type PersonKey,
} from './demo-story.js';

// The demo workspace: Aurora Outdoor Co. working out why its Aurora line loses customers (the story is in
// demo-story.ts). `npm run demo` creates the shared copy whose logins are printed; POST /api/demo gives a
// signed-in newcomer a private copy of their own.

const emailOf = (key: PersonKey, tag?: string) => `${key}${tag ? `+${tag}` : ''}@${DEMO_DOMAIN}`;

/** The shared demo's logins, as `npm run demo` and the server's start-up banner print them. */
export const DEMO_LOGINS: {
  password: string;
  people: { email: string; name: string; role: string; title: string }[];
} = {
  password: 'colearn-demo-aurora',
  people: DEMO_PEOPLE.map((p) => ({ email: emailOf(p.key), name: p.name, role: p.role, title: p.title })),
};

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const FACILITATOR_EMAIL = emailOf('maya');

/** True when the shared demo workspace (the one whose logins are printed) exists. */
export async function hasDemoWorkspace(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
    .select('memberships.workspace_id')
    .where('users.email', '=', FACILITATOR_EMAIL)
    .where('workspaces.name', '=', DEMO_WORKSPACE_NAME)
    .limit(1)
    .execute();
  return row.length > 0;
}

interface CastMember {
  key: PersonKey;
  email: string;
  name: string;
  /** Set when the account does not exist yet and has to be created with this hash. */
  passwordHash: string | null;
}

/**
 * The shared demo's accounts, reused when they exist. Hashing happens here, before any transaction, so an
 * embedded database is never held for the ~50 ms each argon2 hash takes.
 */
async function sharedCast(db: Db): Promise<CastMember[]> {
  const cast: CastMember[] = [];
  for (const person of DEMO_PEOPLE) {
    const email = emailOf(person.key);
    const existing = await findCredentials(db, email);
    cast.push({
      key: person.key,
      email,
      name: person.name,
      passwordHash: existing ? null : await hashPassword(DEMO_LOGINS.password),
    });
  }
  return cast;
}

/**
 * Fresh accounts for one private copy, with random passwords nobody is told: the shared demo password is
 * public, so a copy in which a newcomer may type real notes must not be readable by signing in as Maya.
 */
async function privateCast(): Promise<CastMember[]> {
  const tag = randomBytes(5).toString('hex');
  const cast: CastMember[] = [];
  for (const person of DEMO_PEOPLE) {
    const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
    cast.push({ key: person.key, email: emailOf(person.key, tag), name: person.name, passwordHash });
  }
  return cast;
}

async function ensureAccounts(
  db: Db,
  cast: CastMember[],
  createdAt: string,
): Promise<Record<PersonKey, UserRecord>> {
  const people: Partial<Record<PersonKey, UserRecord>> = {};
  for (const member of cast) {
    let user = (await findCredentials(db, member.email))?.user ?? null;
    if (!user) {
      const passwordHash = member.passwordHash ?? (await hashPassword(DEMO_LOGINS.password));
      user = await createUser(db, { email: member.email, name: member.name, passwordHash }).catch(
        async (error: unknown) => {
          // Someone created it between our look-up and now: use theirs.
          const found = error instanceof EmailTakenError ? await findCredentials(db, member.email) : null;
          if (!found) throw error;
          return found.user;
        },
      );
      await db.updateTable('users').set({ created_at: createdAt }).where('id', '=', user.id).execute();
    }
    people[member.key] = user;
  }
  return people as Record<PersonKey, UserRecord>;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** When a note's state was settled: the latest note that supports, challenges or answers it. */
function settledAt(note: DemoNote, notes: readonly DemoNote[]): number {
  let h = note.h;
  for (const other of notes) {
    for (const [kind, to] of other.links ?? []) {
      if (to === note.key && kind !== 'builds_on' && kind !== 'synthesizes') h = Math.max(h, other.h + 0.5);
    }
  }
  return h;
}

async function seedInquiry(
  db: Db,
  workspaceId: string,
  story: DemoInquiry,
  people: Record<PersonKey, UserRecord>,
  clock: number,
): Promise<string> {
  const start = clock - story.startedDaysAgo * DAY;
  const at = (h: number) => iso(Math.min(start + h * HOUR, clock - 60_000));
  const inquiry = await createInquiry(db, {
    workspaceId,
    facilitatorId: people[story.facilitator].id,
    participantIds: story.participants.map((key) => people[key].id),
    title: story.title,
    question: story.question,
    context: story.context,
    successCriteria: story.successCriteria,
    mode: story.mode,
    allowAnonymous: story.allowAnonymous,
  });
  await db
    .updateTable('inquiry_participants')
    .set({ joined_at: at(0) })
    .where('inquiry_id', '=', inquiry.id)
    .execute();
  for (const [key, perspective] of Object.entries(story.perspectives ?? {})) {
    await db
      .updateTable('inquiry_participants')
      .set({ perspective })
      .where('inquiry_id', '=', inquiry.id)
      .where('user_id', '=', people[key as PersonKey].id)
      .execute();
  }

  const byKey = new Map<string, ContributionRecord>();
  const made: ExistingLink[] = [];
  let lastH = 0;
  for (const note of story.notes) {
    if (note.h < lastH) throw new Error(`demo note ${story.key}/${note.key} is out of order`);
    lastH = note.h;
    const author = people[note.by];
    const state = note.state ?? initialState(note.kind);
    if (!isValidState(note.kind, state))
      throw new Error(`demo note ${note.key}: a ${note.kind} cannot be ${state}`);
    const contribution = await insertContribution(db, {
      inquiryId: inquiry.id,
      authorId: author.id,
      authorName: author.name,
      kind: note.kind,
      body: note.body,
      confidence: note.confidence,
      state,
      anonymous: note.anonymous ?? false,
    });
    await db
      .updateTable('contributions')
      .set({ created_at: at(note.h), updated_at: at(settledAt(note, story.notes)) })
      .where('id', '=', contribution.id)
      .execute();
    await indexContribution(db, contribution.id);
    for (const [kind, toKey] of note.links ?? []) {
      const to = byKey.get(toKey);
      if (!to) throw new Error(`demo note ${note.key} links to ${toKey}, which does not come before it`);
      const problem = checkLink(contribution, to, kind, made);
      if (problem) throw new Error(`demo link ${note.key} ${kind} ${toKey}: ${problem.message}`);
      const link = await insertLink(db, {
        inquiryId: inquiry.id,
        fromId: contribution.id,
        toId: to.id,
        kind,
        createdBy: author.id,
        anonymous: contribution.anonymous,
      });
      made.push(link);
      await db
        .updateTable('links')
        .set({ created_at: at(note.h) })
        .where('id', '=', link.id)
        .execute();
    }
    byKey.set(note.key, contribution);
  }

  if (story.outcome) await seedOutcome(db, inquiry.id, story, people, byKey, at);

  const lastActivity = at(Math.max(0, ...story.notes.map((n) => settledAt(n, story.notes))));
  await db
    .updateTable('inquiries')
    .set({ phase: story.phase, created_at: at(0), updated_at: at(0.5), last_activity_at: lastActivity })
    .where('id', '=', inquiry.id)
    .execute();
  // The move into `concluded` is on record, as a real one is: the library dates a conclusion by it.
  if (story.phase === 'concluded') {
    const lastH = Math.max(
      story.outcome?.adoptedAtH ?? 0,
      ...story.notes.map((n) => settledAt(n, story.notes)),
    );
    await db
      .insertInto('phase_changes')
      .values({
        id: newId(),
        inquiry_id: inquiry.id,
        from_phase: 'reflecting',
        to_phase: 'concluded',
        moved_by: people[story.facilitator].id,
        override_reason: null,
        missing: '[]',
        privacy: null,
        created_at: at(lastH + 24),
      })
      .execute();
  }
  return inquiry.id;
}

/** A concluded inquiry's ending: the adopted conclusion, its endorsements, reflections and commitments. */
async function seedOutcome(
  db: Db,
  inquiryId: string,
  story: DemoInquiry,
  people: Record<PersonKey, { id: string }>,
  notes: Map<string, ContributionRecord>,
  at: (hours: number) => string,
): Promise<void> {
  const outcome = story.outcome;
  if (!outcome) return;
  const facilitator = people[story.facilitator].id;
  const restsOn = outcome.restsOn.map((key) => {
    const note = notes.get(key);
    if (!note) throw new Error(`demo conclusion of ${story.key} rests on ${key}, which is not a note`);
    return note.id;
  });
  const proposedAt = at(outcome.adoptedAtH - 4);
  const proposal: Proposal = {
    versions: [{ version: 1, text: outcome.conclusion, restsOn, proposedBy: facilitator, proposedAt }],
    endorsements: outcome.endorsedBy.map((key, i) => ({
      userId: people[key].id,
      version: 1,
      at: at(outcome.adoptedAtH - 3 + i),
    })),
    objections: [],
    adopted: {
      version: 1,
      by: facilitator,
      at: at(outcome.adoptedAtH),
      basis: story.mode === 'collaborative' ? 'consent' : 'facilitator',
    },
  };
  if (!(await saveProposal(db, inquiryId, proposal, 0)))
    throw new Error(`demo conclusion of ${story.key} exists`);
  for (const [key, r] of Object.entries(outcome.reflections)) {
    await saveReflection(db, inquiryId, { userId: people[key as PersonKey].id, ...r });
  }
  for (const c of outcome.commitments) {
    const id = await insertCommitment(db, {
      inquiryId,
      text: c.text,
      ownerId: people[c.owner].id,
      dueDate: new Date(Date.now() + c.dueInDays * 24 * 3600_000).toISOString().slice(0, 10),
      createdBy: facilitator,
    });
    if (c.status !== 'open')
      await db.updateTable('commitments').set({ status: c.status }).where('id', '=', id).execute();
  }
}

/**
 * Creates a demo workspace with its inquiries, notes and links, in one transaction.
 * Without `ownerId`: the shared demo, with the accounts of DEMO_LOGINS (created, or reused when they exist).
 * With `ownerId`: a private copy owned by that user, peopled by fresh accounts nobody can sign in as.
 */
export async function createDemoWorkspace(
  db: Db,
  options: { ownerId?: string } = {},
): Promise<{ workspaceId: string; inquiryId: string }> {
  const cast = options.ownerId ? await privateCast() : await sharedCast(db);
  const clock = Date.now();
  const founded = iso(clock - 45 * DAY);
  return db.transaction().execute(async (trx) => {
    const people = await ensureAccounts(trx, cast, founded);
    const workspace = await createWorkspace(trx, DEMO_WORKSPACE_NAME, people.henrik.id);
    for (const person of DEMO_PEOPLE) await addMember(trx, workspace.id, people[person.key].id, person.role);
    await trx.updateTable('workspaces').set({ created_at: founded }).where('id', '=', workspace.id).execute();
    await trx
      .updateTable('memberships')
      .set({ created_at: founded })
      .where('workspace_id', '=', workspace.id)
      .execute();
    if (options.ownerId) {
      if (!(await findUserById(trx, options.ownerId))) throw new Error(`no user ${options.ownerId}`);
      await addMember(trx, workspace.id, options.ownerId, 'owner');
    }

    let inquiryId = '';
    for (const story of DEMO_INQUIRIES) {
      const id = await seedInquiry(trx, workspace.id, story, people, clock);
      if (story.key === MAIN_INQUIRY_KEY) inquiryId = id;
    }
    return { workspaceId: workspace.id, inquiryId };
  });
}
