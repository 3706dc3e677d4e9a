// npm run bench:insights — the facilitator's console for one large inquiry: 10,000 contributions and 20,000
// links (issue #5 targets: a cold full computation < 500 ms, p99 < 50 ms per update applied incrementally).
// A benchmark, not a test: it reports, it asserts nothing.
//
//   npm run bench:insights -- [--notes 10000] [--links 20000] [--people 40] [--updates 3000] [--runs 5]
//                             [--only engine,store] [--seed 1]
//
// Sections (add one by pushing to SECTIONS):
//   engine — the pure engine: cold (build + findings + participation) and per update (apply, and apply plus
//            what the next GET computes: findings and participation).
//   store  — the server's cold path: the inquiry read from a fresh SQLite database (loadInsightSnapshot) into
//            an engine, as the first GET after a restart does.

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { InsightsEngine } from '../domain/insights/engine.js';
import { DEFAULT_INSIGHT_THRESHOLDS } from '../domain/insights/rules.js';
import type { InsightChange, InsightLink, InsightNote, InsightSnapshot } from '../domain/insights/types.js';
import type { ContributionKind, LinkKind } from '../domain/model.js';
import { openDatabase } from '../server/store/db.js';
import { findInquiry } from '../server/store/inquiries.js';
import { loadInsightSnapshot } from '../server/store/insights.js';

const { values: args } = parseArgs({
  options: {
    notes: { type: 'string', default: '10000' },
    links: { type: 'string', default: '20000' },
    people: { type: 'string', default: '40' },
    updates: { type: 'string', default: '3000' },
    runs: { type: 'string', default: '5' },
    only: { type: 'string', default: 'engine,store' },
    seed: { type: 'string', default: '1' },
  },
});
const N_NOTES = Number(args.notes);
const N_LINKS = Number(args.links);
const N_PEOPLE = Number(args.people);
const N_UPDATES = Number(args.updates);
const RUNS = Number(args.runs);

// A small deterministic generator, so two runs measure the same inquiry.
let state = Number(args.seed) >>> 0 || 1;
const random = () => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 2 ** 32;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const weighted = <T>(table: readonly [T, number][]): T => {
  let r = random() * table.reduce((n, [, w]) => n + w, 0);
  for (const [v, w] of table) if ((r -= w) < 0) return v;
  return table[0]?.[0] as T;
};

const KINDS: [ContributionKind, number][] = [
  ['question', 15],
  ['hypothesis', 15],
  ['evidence', 25],
  ['assumption', 10],
  ['idea', 20],
  ['insight', 10],
  ['unknown', 5],
];
const LINKS: [LinkKind, number][] = [
  ['builds_on', 40],
  ['supports', 25],
  ['challenges', 15],
  ['answers', 15],
  ['synthesizes', 5],
];
const LENSES = ['customer', 'finance', 'operations', 'data'];
const START = Date.parse('2026-10-01T08:00:00.000Z');
const SPAN = 21 * 24 * 3_600_000;
const iso = (t: number) => new Date(t).toISOString();
const stateFor = (kind: ContributionKind) =>
  kind === 'question' ? 'open' : kind === 'hypothesis' || kind === 'assumption' ? 'untested' : null;

function generate(): InsightSnapshot {
  const people = Array.from({ length: N_PEOPLE }, (_, i) => ({
    id: randomUUID(),
    name: `Person ${i + 1}`,
    perspective: i > 0 && i <= 8 ? (LENSES[i % LENSES.length] as string) : null,
    joinedAt: iso(START),
  }));
  const notes: InsightNote[] = [];
  for (let i = 0; i < N_NOTES; i++) {
    const author = pick(people);
    const kind = weighted(KINDS);
    const anonymous = random() < 0.05;
    notes.push({
      id: randomUUID(),
      authorId: author.id,
      authorName: anonymous ? '' : author.name,
      anonymous,
      kind,
      state: stateFor(kind),
      body: `Note ${i}: something the team wrote down while exploring the problem.`,
      createdAt: iso(START + (SPAN * i) / N_NOTES),
      perspective: author.perspective,
    });
  }
  const questions = notes.filter((n) => n.kind === 'question');
  const links: InsightLink[] = [];
  for (let i = 0; i < N_LINKS; i++) {
    const kind = weighted(LINKS);
    const from = pick(notes);
    const to = kind === 'answers' ? pick(questions) : pick(notes);
    if (from.id === to.id) continue;
    links.push({
      id: randomUUID(),
      fromId: from.id,
      toId: to.id,
      kind,
      createdAt: iso(Math.max(Date.parse(from.createdAt), Date.parse(to.createdAt))),
    });
  }
  const acknowledgements = Array.from({ length: N_NOTES / 2 }, () => {
    const n = pick(notes);
    return { contributionId: n.id, authorId: n.authorId, userId: pick(people).id, at: n.createdAt };
  })
    .filter((a) => a.userId !== a.authorId)
    .map(({ authorId: _, ...a }) => a);
  return {
    inquiryId: randomUUID(),
    createdAt: iso(START),
    phase: 'challenging',
    facilitatorId: people[0]?.id as string,
    activeSince: iso(START),
    conclusionProposed: false,
    participants: people,
    notes,
    links,
    acknowledgements,
  };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}
/** CPU time (user + system) in ms: less distorted than wall time on a machine busy with other work. */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const ms = (v: number) => `${v.toFixed(v < 10 ? 3 : 1)} ms`;
const row = (label: string, value: string) => console.log(`  ${label.padEnd(44)} ${value}`);

/** Changes like a busy room's: new notes (some linked), links made and removed, states, thanks, deletions. */
function randomChange(
  engine: InsightsEngine,
  snapshot: InsightSnapshot,
  ids: string[],
  links: string[],
  t: number,
): InsightChange {
  const at = iso(t);
  const kind = weighted<string>([
    ['note', 30],
    ['link', 30],
    ['unlink', 10],
    ['state', 10],
    ['ack', 10],
    ['delete', 5],
    ['join', 5],
  ]);
  const person = pick(snapshot.participants);
  switch (kind) {
    case 'note': {
      const k = weighted(KINDS);
      const id = randomUUID();
      ids.push(id);
      return {
        type: 'note.upserted',
        at,
        note: {
          id,
          authorId: person.id,
          authorName: person.name,
          anonymous: false,
          kind: k,
          state: stateFor(k),
          body: 'A new note',
          createdAt: at,
          perspective: person.perspective,
        },
      };
    }
    case 'link': {
      const id = randomUUID();
      links.push(id);
      const k = weighted(LINKS.filter(([l]) => l !== 'answers'));
      return {
        type: 'link.added',
        at,
        link: { id, fromId: pick(ids), toId: pick(ids), kind: k, createdAt: at },
      };
    }
    case 'unlink':
      return { type: 'link.removed', at, id: pick(links) };
    case 'state':
    case 'ack': {
      const note = engine.note(pick(ids));
      if (!note) return { type: 'conclusion.proposed', at };
      if (kind === 'state')
        return {
          type: 'note.upserted',
          at,
          note: {
            ...note,
            state:
              note.kind === 'question'
                ? 'answered'
                : note.kind === 'assumption' || note.kind === 'hypothesis'
                  ? 'supported'
                  : null,
          },
        };
      return { type: 'note.upserted', at, note, acknowledgedBy: [person.id] };
    }
    case 'delete':
      return { type: 'note.deleted', at, id: pick(ids) };
    default:
      return {
        type: 'participant.joined',
        at,
        person: { id: randomUUID(), name: 'Newcomer', perspective: null, joinedAt: at },
      };
  }
}

async function engineSection(snapshot: InsightSnapshot): Promise<void> {
  console.log(
    `\nengine — one inquiry of ${snapshot.notes.length} notes, ${snapshot.links.length} links, ${snapshot.acknowledgements.length} thanks, ${snapshot.participants.length} people`,
  );
  const now = START + SPAN + 3_600_000;
  const t = DEFAULT_INSIGHT_THRESHOLDS;
  const cold: { build: number; findings: number; participation: number; total: number; cpu: number }[] = [];
  let findingsCount = 0;
  for (let i = 0; i < RUNS; i++) {
    const cpuBefore = cpu();
    const a = performance.now();
    const engine = new InsightsEngine(snapshot);
    const b = performance.now();
    findingsCount = engine.findings(now, t).length;
    const c = performance.now();
    engine.participation();
    const d = performance.now();
    cold.push({ build: b - a, findings: c - b, participation: d - c, total: d - a, cpu: cpu() - cpuBefore });
  }
  const sortedTotal = cold.map((c) => c.total).sort((x, y) => x - y);
  const median = (key: 'build' | 'findings' | 'participation') =>
    percentile(
      cold.map((c) => c[key]).sort((x, y) => x - y),
      50,
    );
  row('cold: build the engine (median)', ms(median('build')));
  row('cold: findings (median)', `${ms(median('findings'))}  (${findingsCount} findings)`);
  row('cold: participation (median)', ms(median('participation')));
  row(
    `cold: full computation, median / worst of ${RUNS}`,
    `${ms(percentile(sortedTotal, 50))} / ${ms(sortedTotal.at(-1) ?? 0)}   (target < 500 ms)`,
  );
  const sortedCpu = cold.map((c) => c.cpu).sort((x, y) => x - y);
  row('cold: CPU time, median / worst', `${ms(percentile(sortedCpu, 50))} / ${ms(sortedCpu.at(-1) ?? 0)}`);

  const engine = new InsightsEngine(snapshot);
  engine.findings(now, t);
  engine.participation();
  const ids = snapshot.notes.map((n) => n.id);
  const links = snapshot.links.map((l) => l.id);
  const applyOnly: number[] = [];
  const withConsole: number[] = [];
  const withConsoleCpu: number[] = [];
  let clock = START + SPAN;
  for (let i = 0; i < N_UPDATES; i++) {
    clock += 1_000;
    const change = randomChange(engine, snapshot, ids, links, clock);
    const cpuBefore = cpu();
    const a = performance.now();
    engine.apply(change);
    const b = performance.now();
    engine.findings(clock, t);
    engine.participation();
    const c = performance.now();
    applyOnly.push(b - a);
    withConsole.push(c - a);
    withConsoleCpu.push(cpu() - cpuBefore);
  }
  withConsoleCpu.sort((x, y) => x - y);
  applyOnly.sort((x, y) => x - y);
  withConsole.sort((x, y) => x - y);
  row(
    `per update: apply, p50 / p99 / max (${N_UPDATES})`,
    `${ms(percentile(applyOnly, 50))} / ${ms(percentile(applyOnly, 99))} / ${ms(applyOnly.at(-1) ?? 0)}`,
  );
  row('per update: apply + findings + participation,', '');
  row(
    '  p50 / p99 / max',
    `${ms(percentile(withConsole, 50))} / ${ms(percentile(withConsole, 99))} / ${ms(withConsole.at(-1) ?? 0)}   (target p99 < 50 ms)`,
  );
  row(
    '  CPU time, p50 / p99',
    `${ms(percentile(withConsoleCpu, 50))} / ${ms(percentile(withConsoleCpu, 99))}`,
  );
}

async function storeSection(snapshot: InsightSnapshot): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'colearn-bench-insights-'));
  try {
    const database = await openDatabase({ kind: 'sqlite', file: join(dir, 'bench.sqlite') });
    const db = database.db;
    const at = iso(START);
    const workspaceId = randomUUID();
    await db.insertInto('workspaces').values({ id: workspaceId, name: 'Bench', created_at: at }).execute();
    await db
      .insertInto('users')
      .values(
        snapshot.participants.map((p, i) => ({
          id: p.id,
          email: `p${i}@bench.example`,
          name: p.name,
          password_hash: 'x',
          created_at: at,
        })),
      )
      .execute();
    await db
      .insertInto('inquiries')
      .values({
        id: snapshot.inquiryId,
        workspace_id: workspaceId,
        title: 'Bench',
        question: 'Why?',
        context: '',
        success_criteria: '',
        mode: 'collaborative',
        phase: snapshot.phase,
        allow_anonymous: 1,
        facilitator_id: snapshot.facilitatorId,
        created_at: at,
        updated_at: at,
        last_activity_at: at,
        last_seq: 0,
        private_mode: 0,
        leader_speaks_last: 0,
        revealed_at: null,
        gate_settings: null,
        fit_check: null,
        private_phases: '[]',
      })
      .execute();
    await db
      .insertInto('inquiry_participants')
      .values(
        snapshot.participants.map((p) => ({
          inquiry_id: snapshot.inquiryId,
          user_id: p.id,
          perspective: p.perspective,
          joined_at: p.joinedAt,
        })),
      )
      .execute();
    const chunk = <T>(list: T[], size: number) =>
      Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));
    await db.transaction().execute(async (trx) => {
      for (const part of chunk(snapshot.notes, 500))
        await trx
          .insertInto('contributions')
          .values(
            part.map((n) => ({
              id: n.id,
              inquiry_id: snapshot.inquiryId,
              author_id: n.authorId,
              kind: n.kind,
              body: n.body,
              confidence: 'leaning' as const,
              state: n.state,
              anonymous: n.anonymous ? 1 : 0,
              created_at: n.createdAt,
              updated_at: n.createdAt,
              perspective: n.perspective,
            })),
          )
          .execute();
      for (const part of chunk(snapshot.links, 500))
        await trx
          .insertInto('links')
          .values(
            part.map((l) => ({
              id: l.id,
              inquiry_id: snapshot.inquiryId,
              from_id: l.fromId,
              to_id: l.toId,
              kind: l.kind,
              created_by: snapshot.facilitatorId,
              anonymous: 0,
              created_at: l.createdAt,
            })),
          )
          .execute();
      const seen = new Set<string>();
      const acks = snapshot.acknowledgements.filter((a) => {
        const key = `${a.contributionId}|${a.userId}`;
        return seen.has(key) ? false : (seen.add(key), true);
      });
      for (const part of chunk(acks, 500))
        await trx
          .insertInto('acknowledgements')
          .values(
            part.map((a) => ({ contribution_id: a.contributionId, user_id: a.userId, created_at: a.at })),
          )
          .execute();
    });
    console.log(
      `\nstore — the same inquiry read from SQLite into a new engine (the first GET after a restart)`,
    );
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const a = performance.now();
      const inquiry = await findInquiry(db, snapshot.inquiryId);
      if (!inquiry) throw new Error('bench inquiry missing');
      const engine = new InsightsEngine(await loadInsightSnapshot(db, inquiry));
      engine.findings(START + SPAN, DEFAULT_INSIGHT_THRESHOLDS);
      engine.participation();
      times.push(performance.now() - a);
    }
    times.sort((x, y) => x - y);
    row(
      `cold from the store, median / worst of ${RUNS}`,
      `${ms(percentile(times, 50))} / ${ms(times.at(-1) ?? 0)}`,
    );
    await database.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const SECTIONS: Record<string, (snapshot: InsightSnapshot) => Promise<void>> = {
  engine: engineSection,
  store: storeSection,
};

console.log(
  `bench:insights — os.cpus().length = ${cpus().length} (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, ` +
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (wall times stretch when other work shares the cores; CPU times much less)`,
);
// How fast this machine does the engine's basic operation right now: with other work on the cores, map
// lookups slow down far more than plain arithmetic, and every figure below with them.
{
  const keys = Array.from({ length: 20_000 }, () => randomUUID());
  const map = new Map<string, number>();
  const before = cpu();
  for (const k of keys) map.set(k, 1);
  let sum = 0;
  for (let r = 0; r < 9; r++) for (const k of keys) sum += map.get(k) ?? 0;
  row(
    'calibration: 200,000 Map operations, CPU',
    `${ms(cpu() - before)} (${sum === 180_000 ? 'ok' : 'bad'})`,
  );
}
const snapshot = generate();
for (const name of String(args.only).split(',')) {
  const section = SECTIONS[name.trim()];
  if (!section) throw new Error(`no section ${name}; have ${Object.keys(SECTIONS).join(', ')}`);
  await section(snapshot);
}
