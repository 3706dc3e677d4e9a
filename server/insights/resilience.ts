import { sql } from 'kysely';
import type {
  AwayImpact,
  InquiryResilience,
  KnowledgeResilience,
  WorkspaceResilience,
} from '../../contract/insights.js';
import {
  awayFrom,
  endorsersOf,
  type Holder,
  holdersOf,
  type Subject,
  teachBackExplains,
  versionThatCounts,
  workspaceKnowledge,
} from '../../domain/insights/resilience.js';
import type { Proposal } from '../../domain/mechanics/consent.js';
import { notFound } from '../errors.js';
import type { Db } from '../store/db.js';

// Knowledge resilience read from the database with aggregate queries (distinct named authors per inquiry,
// one proposal and the teach-backs per inquiry), never by loading every note. The rules are in
// domain/insights/resilience.ts. Anonymous notes are left out in SQL, so they never make anyone a holder.
// Only current members of the workspace count: someone who left can no longer explain anything here.

type SubjectRef = { type: 'inquiry' | 'conclusion'; id: string; title: string };
type People = Map<string, string>;

const TITLE_MAX = 120;
function titleOf(text: string): string {
  const line =
    text
      .split('\n')
      .find((l) => l.trim().length > 0)
      ?.trim() ?? '';
  return line.length > TITLE_MAX ? `${line.slice(0, TITLE_MAX - 1)}…` : line;
}

async function membersOf(db: Db, workspaceId: string): Promise<People> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.name'])
    .where('memberships.workspace_id', '=', workspaceId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

const person = (people: People, id: string) => ({ id, name: people.get(id) ?? 'Former member' });
const members = (people: People, ids: Iterable<string>) => [...ids].filter((id) => people.has(id));

function present(subject: SubjectRef, holders: Holder[], people: People): KnowledgeResilience {
  return {
    subject,
    holders: holders.map((h) => ({
      user: person(people, h.userId),
      reasons: h.reasons,
      canExplain: h.canExplain,
    })),
    busFactor: holders.filter((h) => h.canExplain).length,
  };
}

interface InquiryFacts {
  named: string[];
  proposal: Proposal | null;
  teachBacks: { userId: string; teachBack: string }[];
}

/** Holders of an inquiry and of its conclusion from its facts, current members only. */
function knowledgeOf(facts: InquiryFacts, people: People) {
  const conclusionText = facts.proposal ? versionThatCounts(facts.proposal).text : undefined;
  const taughtBack = members(
    people,
    facts.teachBacks.filter((r) => teachBackExplains(r.teachBack, conclusionText)).map((r) => r.userId),
  );
  const endorsed = facts.proposal ? members(people, endorsersOf(facts.proposal)) : [];
  const proposer = facts.proposal ? [versionThatCounts(facts.proposal).proposedBy] : [];
  const inquiry = holdersOf({
    contributed: members(people, [...facts.named, ...proposer]),
    endorsed,
    taughtBack,
  });
  return { inquiry, taughtBack, endorsed, proposer, conclusionText };
}

/** The resilience part of the facilitator's console for one inquiry. */
export async function loadInquiryResilience(db: Db, inquiryId: string): Promise<InquiryResilience> {
  const inquiry = await db
    .selectFrom('inquiries')
    .select(['id', 'title', 'workspace_id', 'facilitator_id'])
    .where('id', '=', inquiryId)
    .executeTakeFirst();
  if (!inquiry) throw notFound('Inquiry');
  const [people, named, conclusion, teachBacks, participants] = await Promise.all([
    membersOf(db, inquiry.workspace_id),
    db
      .selectFrom('contributions')
      .select('author_id')
      .distinct()
      .where('inquiry_id', '=', inquiryId)
      .where('anonymous', '=', 0)
      .execute(),
    db.selectFrom('conclusions').select('proposal').where('inquiry_id', '=', inquiryId).executeTakeFirst(),
    db
      .selectFrom('reflections')
      .select(['user_id', 'teach_back'])
      .where('inquiry_id', '=', inquiryId)
      .execute(),
    db.selectFrom('inquiry_participants').select('user_id').where('inquiry_id', '=', inquiryId).execute(),
  ]);
  const proposal = conclusion ? (JSON.parse(conclusion.proposal) as Proposal) : null;
  const facts: InquiryFacts = {
    named: named.map((r) => r.author_id),
    proposal,
    teachBacks: teachBacks.map((r) => ({ userId: r.user_id, teachBack: r.teach_back })),
  };
  const known = knowledgeOf(facts, people);
  const subjects: Subject<SubjectRef>[] = [
    { subject: { type: 'inquiry', id: inquiry.id, title: inquiry.title }, holders: known.inquiry },
  ];
  if (proposal) {
    const counted = versionThatCounts(proposal);
    // Authors of the notes it rests on, under their own name; anonymous ones stay out.
    const restsOn =
      counted.restsOn.length === 0
        ? []
        : await db
            .selectFrom('contributions')
            .select('author_id')
            .distinct()
            .where('id', 'in', counted.restsOn)
            .where('anonymous', '=', 0)
            .execute();
    subjects.push({
      // One conclusion per inquiry, stored under the inquiry's id.
      subject: { type: 'conclusion', id: inquiry.id, title: titleOf(counted.text) },
      holders: holdersOf({
        contributed: members(people, [...restsOn.map((r) => r.author_id), ...known.proposer]),
        endorsed: known.endorsed,
        taughtBack: known.taughtBack,
      }),
    });
  }
  const everyone = new Set<string>([
    inquiry.facilitator_id,
    ...participants.map((p) => p.user_id),
    ...subjects.flatMap((s) => s.holders.map((h) => h.userId)),
  ]);
  const away: AwayImpact[] = members(people, everyone).map((userId) => {
    const impact = awayFrom(subjects, userId);
    return { user: person(people, userId), busFactorAfter: impact.busFactorAfter, lost: impact.lost };
  });
  const [first, ...rest] = subjects.map((s) => present(s.subject, s.holders, people));
  return { inquiry: first as KnowledgeResilience, conclusions: rest, away };
}

/** Of the (inquiry, person) pairs asked about, those where the person wrote a note under their own name. */
async function namedAuthorsAmong(db: Db, pairs: readonly [string, string][]): Promise<[string, string][]> {
  const found: [string, string][] = [];
  // Two parameters per pair; well under SQLite's and PostgreSQL's limits per statement.
  const CHUNK = 4_000;
  for (let i = 0; i < pairs.length; i += CHUNK) {
    const chunk = pairs.slice(i, i + CHUNK);
    const values = sql.join(chunk.map(([inquiryId, userId]) => sql`(${inquiryId}, ${userId})`));
    // One index probe per pair (contributions_named_authors), however many notes the inquiries hold.
    const { rows } = await sql<{ inquiry_id: string; user_id: string }>`
      with v (inquiry_id, user_id) as (values ${values})
      select v.inquiry_id, v.user_id from v
      where exists (
        select 1 from contributions c
        where c.inquiry_id = v.inquiry_id and c.author_id = v.user_id and c.anonymous = 0
      )`.execute(db);
    for (const r of rows) found.push([r.inquiry_id, r.user_id]);
  }
  return found;
}

/**
 * The workspace view for owners and facilitators: every inquiry as a topic with its bus factor and the
 * people who can explain it, single points of failure, and what each explainer's absence would cost.
 * Only explainers appear here, and contributing matters for explaining only together with endorsing, so
 * the notes are asked one question per endorser — "did they write one under their own name?" — instead
 * of being read or grouped: a few thousand index probes for a workspace of a million notes.
 */
export async function loadWorkspaceResilience(db: Db, workspaceId: string): Promise<WorkspaceResilience> {
  const inWorkspace = db.selectFrom('inquiries').select('id').where('workspace_id', '=', workspaceId);
  const [people, inquiries, conclusions, teachBacks] = await Promise.all([
    membersOf(db, workspaceId),
    db
      .selectFrom('inquiries')
      .select(['id', 'title', 'phase'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('title')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('conclusions')
      .select(['inquiry_id', 'proposal'])
      .where('inquiry_id', 'in', inWorkspace)
      .execute(),
    db
      .selectFrom('reflections')
      .select(['inquiry_id', 'user_id', 'teach_back'])
      .where('inquiry_id', 'in', inWorkspace)
      .execute(),
  ]);
  const facts = new Map<string, InquiryFacts>(
    inquiries.map((i) => [i.id, { named: [], proposal: null, teachBacks: [] }]),
  );
  const pairs: [string, string][] = [];
  for (const c of conclusions) {
    const f = facts.get(c.inquiry_id);
    if (!f) continue;
    f.proposal = JSON.parse(c.proposal) as Proposal;
    const proposer = versionThatCounts(f.proposal).proposedBy;
    for (const userId of endorsersOf(f.proposal)) {
      if (userId !== proposer && people.has(userId)) pairs.push([c.inquiry_id, userId]);
    }
  }
  for (const [inquiryId, userId] of await namedAuthorsAmong(db, pairs))
    facts.get(inquiryId)?.named.push(userId);
  for (const r of teachBacks) {
    facts.get(r.inquiry_id)?.teachBacks.push({ userId: r.user_id, teachBack: r.teach_back });
  }

  const knowledge = workspaceKnowledge(
    inquiries.map((i) => ({
      id: i.id,
      explainers: knowledgeOf(facts.get(i.id) as InquiryFacts, people)
        .inquiry.filter((h) => h.canExplain)
        .map((h) => h.userId),
    })),
  );
  const byId = new Map(inquiries.map((i) => [i.id, i]));
  const ref = (id: string): SubjectRef => ({ type: 'inquiry', id, title: byId.get(id)?.title ?? '' });
  return {
    topics: knowledge.topics.map((t) => {
      const i = byId.get(t.id) as (typeof inquiries)[number];
      return {
        inquiry: { id: i.id, title: i.title, phase: i.phase },
        busFactor: t.busFactor,
        holders: t.explainers.map((id) => person(people, id)),
      };
    }),
    singlePointsOfFailure: knowledge.singlePointsOfFailure.map((s) => ({
      user: person(people, s.userId),
      topics: s.topics,
    })),
    away: knowledge.away.map((a) => ({
      user: person(people, a.userId),
      busFactorAfter: a.busFactorAfter,
      lost: a.lost.map(ref),
    })),
  };
}
