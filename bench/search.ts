// npm run bench:search — the library's full-text search over a large workspace (issue #6 target: p95 < 25 ms
// per search). A benchmark, not a test: it reports, it asserts nothing.
//
//   npm run bench:search -- [--notes 1000000] [--inquiries 1000] [--db sqlite,postgres] [--runs 40] [--seed 1]
//                           [--window 1000]  (how many of the newest matches are ranked and counted)
//
// Seeds with bulk SQL (not the API): 90% of the notes in one big workspace, the rest in four small ones;
// some notes anonymous, a tenth of the inquiries in private mode and a tenth with leader-speaks-last. Note
// text draws from a 6,000-word vocabulary with a Zipf distribution, so there are very common and very rare
// words; 1% of notes carry the phrase "supplier change". The index is then built in bulk
// (rebuildSearchIndex), and each case is searched through the store (SearchEngine.search) as a member of
// the big workspace, plus a few through HTTP (app.inject) for a sanity figure. SQLite in a temp dir;
// PostgreSQL in a fresh database, dropped at the end.

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { CONTRIBUTION_KINDS, type ContributionKind, initialState, PHASES } from '../domain/model.js';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { SearchEngine, type SearchInput, WINDOW } from '../server/search/engine.js';
import { rebuildSearchIndex } from '../server/search/indexer.js';
import { type OpenDatabase, openDatabase } from '../server/store/db.js';
import { hashToken, newToken } from '../server/store/ids.js';

const { values: args } = parseArgs({
  options: {
    notes: { type: 'string', default: '1000000' },
    inquiries: { type: 'string', default: '1000' },
    db: { type: 'string', default: 'sqlite,postgres' },
    runs: { type: 'string', default: '40' },
    seed: { type: 'string', default: '1' },
    window: { type: 'string', default: String(WINDOW) },
  },
});
const N_NOTES = Number(args.notes);
const N_INQUIRIES = Number(args.inquiries);
const RUNS = Number(args.runs);
const TARGET_P95_MS = 25;
const POSTGRES_ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

// A small deterministic generator (mulberry32), so every run searches the same text.
let state = Number(args.seed) >>> 0;
function random(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

// Pseudo-words built from syllables: no English suffixes, so both stemmers leave them whole.
const SYLLABLES = 'ka lo mi ru ne ta vo si pa du ge fo hi zu ba ro'.split(' ');
function makeVocabulary(size: number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    const n = 2 + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += pick(SYLLABLES);
    words.add(w);
  }
  return [...words];
}
const VOCABULARY = makeVocabulary(6_000);
// Zipf (s = 1): rank r is drawn with probability proportional to 1/r, by inverting the cumulative sum.
const CUMULATIVE = (() => {
  let sum = 0;
  return VOCABULARY.map((_, r) => {
    sum += 1 / (r + 1);
    return sum;
  });
})();
function zipfWord(): string {
  const x = random() * (CUMULATIVE.at(-1) ?? 1);
  let lo = 0;
  let hi = CUMULATIVE.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((CUMULATIVE[mid] ?? 0) < x) lo = mid + 1;
    else hi = mid;
  }
  return VOCABULARY[lo] as string;
}
function noteBody(): string {
  const n = 10 + Math.floor(random() * 30);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(zipfWord());
  if (random() < 0.01) words.splice(Math.floor(random() * n), 0, 'supplier', 'change');
  return `${words.join(' ')}.`;
}

const COMMON = VOCABULARY[0] as string;
const RARE = VOCABULARY[4_000] as string;
const CASES: { name: string; input: Partial<SearchInput> }[] = [
  { name: 'common term', input: { q: COMMON } },
  { name: 'rare term', input: { q: RARE } },
  { name: 'two words', input: { q: `${VOCABULARY[20]} ${VOCABULARY[300]}` } },
  { name: 'phrase', input: { q: '"supplier change"' } },
  { name: 'typing (prefix)', input: { q: `${VOCABULARY[40]} ${(VOCABULARY[150] as string).slice(0, 4)}` } },
  { name: 'browse by filter', input: { q: '', kind: 'question' } },
  { name: 'term + filters', input: { q: VOCABULARY[50], kind: 'evidence', phase: 'exploring' } },
];

interface Seeded {
  viewerId: string;
  bigWorkspaceId: string;
  seedMs: number;
  indexMs: number;
}

const iso = (ms: number) => new Date(ms).toISOString();
const START = Date.parse('2025-01-01T00:00:00.000Z');
const SPAN = 330 * 24 * 3600 * 1000;

/** Rows of every table, generated in order; `write` stores a batch of one table. */
async function seed(
  write: (table: string, rows: Record<string, unknown>[]) => Promise<void>,
): Promise<Omit<Seeded, 'indexMs' | 'seedMs'>> {
  state = Number(args.seed) >>> 0; // both databases get the same text
  const workspaces = Array.from({ length: 5 }, () => randomUUID());
  const bigWorkspaceId = workspaces[0] as string;
  const people = Array.from({ length: 200 }, (_, i) => ({
    id: randomUUID(),
    email: `person${i}@bench.example`,
    name: `Person ${i}`,
    password_hash: 'x',
    created_at: iso(START),
  }));
  await write('users', people);
  await write(
    'workspaces',
    workspaces.map((id, i) => ({ id, name: `Workspace ${i}`, created_at: iso(START) })),
  );
  // 120 people in the big workspace, 20 in each small one.
  const membersOf = (w: number) =>
    w === 0 ? people.slice(0, 120) : people.slice(100 + w * 20, 120 + w * 20);
  const memberships: Record<string, unknown>[] = [];
  workspaces.forEach((workspaceId, w) => {
    membersOf(w).forEach((p, i) =>
      memberships.push({
        workspace_id: workspaceId,
        user_id: p.id,
        role: i === 0 ? 'owner' : i < 10 ? 'facilitator' : 'member',
        created_at: iso(START),
      }),
    );
  });
  await write('memberships', memberships);
  const viewerId = (people[50] as { id: string }).id;

  const inquiries: { id: string; w: number; participants: string[]; created: number }[] = [];
  const inquiryRows: Record<string, unknown>[] = [];
  const participantRows: Record<string, unknown>[] = [];
  for (let n = 0; n < N_INQUIRIES; n++) {
    const w = n % 10 === 9 ? 1 + (Math.floor(n / 10) % 4) : 0;
    const members = membersOf(w);
    const facilitator = members[1 + Math.floor(random() * 9)] as { id: string };
    const participants = [facilitator.id, ...Array.from({ length: 8 }, () => pick(members).id)];
    const unique = [...new Set(participants)];
    const created = START + (n / N_INQUIRIES) * SPAN;
    const id = randomUUID();
    const privateMode = random() < 0.1;
    inquiries.push({ id, w, participants: unique, created });
    inquiryRows.push({
      id,
      workspace_id: workspaces[w],
      title: `${zipfWord()} ${zipfWord()} ${zipfWord()}`,
      question: noteBody(),
      context: noteBody(),
      success_criteria: '',
      mode: 'collaborative',
      phase: pick(PHASES),
      allow_anonymous: 1,
      facilitator_id: facilitator.id,
      created_at: iso(created),
      updated_at: iso(created),
      last_activity_at: iso(created),
      last_seq: 0,
      private_mode: privateMode ? 1 : 0,
      leader_speaks_last: random() < 0.1 ? 1 : 0,
      revealed_at: privateMode && random() < 0.5 ? iso(created + SPAN / 20) : null,
      gate_settings: null,
      fit_check: null,
      private_phases: '[]',
    });
    for (const userId of unique)
      participantRows.push({ inquiry_id: id, user_id: userId, perspective: null, joined_at: iso(created) });
  }
  await write('inquiries', inquiryRows);
  await write('inquiry_participants', participantRows);

  const BATCH = 5_000;
  let batch: Record<string, unknown>[] = [];
  // Notes are written in time order (as a real library grows), each inquiry active for a while.
  for (let n = 0; n < N_NOTES; n++) {
    const at = START + (n / N_NOTES) * SPAN;
    const open = Math.min(N_INQUIRIES, Math.floor((n / N_NOTES) * N_INQUIRIES) + 1);
    const inquiry = inquiries[
      open - 1 - Math.floor(random() * Math.min(open, 60))
    ] as (typeof inquiries)[number];
    const kind = pick(CONTRIBUTION_KINDS) as ContributionKind;
    batch.push({
      id: randomUUID(),
      inquiry_id: inquiry.id,
      author_id: pick(inquiry.participants),
      kind,
      body: noteBody(),
      confidence: 'leaning',
      state: initialState(kind),
      anonymous: random() < 0.05 ? 1 : 0,
      created_at: iso(at),
      updated_at: iso(at),
      perspective: random() < 0.2 ? pick(['customer', 'finance', 'operations']) : null,
    });
    if (batch.length === BATCH) {
      await write('contributions', batch);
      batch = [];
    }
  }
  if (batch.length > 0) await write('contributions', batch);
  return { viewerId, bigWorkspaceId };
}

async function seedSqlite(file: string): Promise<Seeded> {
  const { default: Database } = await import('better-sqlite3');
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = OFF');
  const statements = new Map<string, ReturnType<typeof raw.prepare>>();
  const t0 = performance.now();
  const seeded = await seed(async (table, rows) => {
    const columns = Object.keys(rows[0] ?? {});
    const key = `${table}:${columns.join(',')}`;
    let insert = statements.get(key);
    if (!insert) {
      insert = raw.prepare(
        `insert into ${table} (${columns.join(',')}) values (${columns.map((c) => `@${c}`).join(',')})`,
      );
      statements.set(key, insert);
    }
    const statement = insert;
    raw.transaction(() => {
      for (const row of rows) statement.run(row);
    })();
  });
  raw.close();
  return { ...seeded, seedMs: performance.now() - t0, indexMs: 0 };
}

async function seedPostgres(url: string): Promise<Seeded> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const t0 = performance.now();
  try {
    return {
      ...(await seed(async (table, rows) => {
        const columns = Object.keys(rows[0] ?? {});
        // One statement per batch: each column as an array, unnested into rows.
        const { rows: types } = await client.query<{ column_name: string; data_type: string }>(
          `select column_name, data_type from information_schema.columns where table_name = $1`,
          [table],
        );
        const typeOf = new Map(types.map((t) => [t.column_name, t.data_type]));
        const arrays = columns.map((c) => rows.map((r) => r[c] ?? null));
        const casts = columns.map(
          (c, i) => `$${i + 1}::${typeOf.get(c) === 'integer' ? 'integer' : 'text'}[]`,
        );
        await client.query(
          `insert into ${table} (${columns.join(',')}) select * from unnest(${casts.join(',')})`,
          arrays,
        );
      })),
      seedMs: performance.now() - t0,
      indexMs: 0,
    };
  } finally {
    await client.end();
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

interface Row {
  database: string;
  name: string;
  /** This process's CPU time per search: with SQLite nearly all the work, whatever else loads the machine. */
  cpu: number;
  p50: number;
  p95: number;
  total: number;
  exact: boolean;
}

async function measure(database: OpenDatabase, seeded: Seeded, label: string): Promise<Row[]> {
  const engine = new SearchEngine(database.db, database.kind, { window: Number(args.window) });
  const rows: Row[] = [];
  for (const c of CASES) {
    const input: SearchInput = { q: '', sort: 'relevance', limit: 20, ...c.input } as SearchInput;
    let last = await engine.search(seeded.bigWorkspaceId, seeded.viewerId, input);
    for (let i = 0; i < 3; i++) last = await engine.search(seeded.bigWorkspaceId, seeded.viewerId, input);
    const times: number[] = [];
    const cpu = process.cpuUsage();
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      last = await engine.search(seeded.bigWorkspaceId, seeded.viewerId, input);
      times.push(performance.now() - t);
    }
    const used = process.cpuUsage(cpu);
    times.sort((a, b) => a - b);
    rows.push({
      database: label,
      name: c.name,
      cpu: (used.user + used.system) / 1000 / RUNS,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      total: last.total,
      exact: last.totalIsExact,
    });
  }
  return rows;
}

/** A few searches through the whole server (routing, auth, validation, serialization), in process. */
async function measureHttp(
  database: OpenDatabase,
  seeded: Seeded,
  dataDir: string,
): Promise<{ p50: number; p95: number }> {
  const config = {
    ...loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }),
    database: { kind: 'sqlite' as const, file: ':memory:' },
  };
  const { app } = await buildApp({ ...config, logLevel: 'warn' }, database);
  const token = newToken();
  await database.db
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      user_id: seeded.viewerId,
      created_at: new Date().toISOString(),
      expires_at: new Date(Date.now() + 3_600_000).toISOString(),
    })
    .execute();
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const c = CASES[i % CASES.length] as (typeof CASES)[number];
    const query = new URLSearchParams(Object.entries(c.input).map(([k, v]) => [k, String(v)]));
    const t = performance.now();
    const reply = await app.inject({
      method: 'GET',
      url: `/api/workspaces/${seeded.bigWorkspaceId}/search?${query}`,
      cookies: { colearn_session: token },
    });
    times.push(performance.now() - t);
    if (reply.statusCode !== 200) throw new Error(`HTTP ${reply.statusCode}: ${reply.body}`);
  }
  await app.close();
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function indexSize(database: OpenDatabase): Promise<string> {
  const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
  if (database.kind === 'sqlite') {
    const { rows } = await sql<{ name: string; bytes: number }>`
      select name, sum(pgsize) as bytes from dbstat
      where name like 'search_fts%' or name like 'search_entries%' or name = 'contributions' group by name`.execute(
      database.db,
    );
    const fts = rows.filter((r) => r.name.startsWith('search_fts')).reduce((s, r) => s + Number(r.bytes), 0);
    const entries = rows
      .filter((r) => r.name.startsWith('search_entries'))
      .reduce((s, r) => s + Number(r.bytes), 0);
    const notes = rows.find((r) => r.name === 'contributions');
    return `FTS5 shadow tables ${mb(fts)}; search_entries with its indexes ${mb(entries)}; contributions ${mb(Number(notes?.bytes ?? 0))}`;
  }
  const { rows } = await sql<{ gin: string; tsv: string; total: string; notes: string }>`
    select pg_relation_size('search_entries_tsv') as gin,
      (select sum(pg_column_size(tsv)) from search_entries) as tsv,
      pg_total_relation_size('search_entries') as total,
      pg_total_relation_size('contributions') as notes`.execute(database.db);
  const r = rows[0];
  return `GIN index ${mb(Number(r?.gin))}; tsvector column ${mb(Number(r?.tsv))}; search_entries in all ${mb(Number(r?.total))}; contributions ${mb(Number(r?.notes))}`;
}

async function run(kind: 'sqlite' | 'postgres'): Promise<{ rows: Row[]; notes: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'colearn-bench-search-'));
  let drop = async () => {};
  let config: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  if (kind === 'sqlite') config = { kind, file: join(dir, 'bench.db') };
  else {
    const name = `bench_search_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(POSTGRES_ADMIN_URL);
    url.pathname = `/${name}`;
    config = { kind, url: url.toString() };
    drop = async () => {
      const again = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    };
  }
  try {
    // Migrate first (empty), then seed in bulk, then build the index in bulk as a rebuild would.
    const migrated = await openDatabase(config);
    await migrated.close();
    const seeded =
      kind === 'sqlite'
        ? await seedSqlite(config.kind === 'sqlite' ? config.file : '')
        : await seedPostgres(config.kind === 'postgres' ? config.url : '');
    const database = await openDatabase(config);
    const t = performance.now();
    await rebuildSearchIndex(database.db);
    if (kind === 'postgres') await sql`analyze`.execute(database.db);
    else await sql`analyze`.execute(database.db);
    seeded.indexMs = performance.now() - t;
    const rows = await measure(database, seeded, kind);
    const http = await measureHttp(database, seeded, dir);
    const notes = [
      `${kind}: seeded ${N_NOTES.toLocaleString('en')} notes in ${(seeded.seedMs / 1000).toFixed(1)} s; index built in ${(seeded.indexMs / 1000).toFixed(1)} s`,
      `${kind}: ${await indexSize(database)}`,
      `${kind}: through HTTP (inject, mixed cases): p50 ${http.p50.toFixed(1)} ms, p95 ${http.p95.toFixed(1)} ms`,
    ];
    await database.close();
    return { rows, notes };
  } finally {
    // BENCH_KEEP=1 leaves the databases behind for a closer look (EXPLAIN); otherwise both are removed.
    if (process.env.BENCH_KEEP) console.log(`kept: ${JSON.stringify(config)}`);
    else {
      await drop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

const loadBefore = loadavg()[0] ?? 0;
console.log(
  `Search benchmark: ${N_NOTES.toLocaleString('en')} notes in ${N_INQUIRIES} inquiries, ${RUNS} runs per case; ` +
    `${cpus().length} cores, load ${loadavg()[0]?.toFixed(2)}`,
);
console.log(`common "${COMMON}", rare "${RARE}"`);
const all: Row[] = [];
const notes: string[] = [];
for (const kind of (args.db ?? '').split(',') as ('sqlite' | 'postgres')[]) {
  const result = await run(kind);
  all.push(...result.rows);
  notes.push(...result.notes);
  for (const note of result.notes) console.log(note);
  // Each database's figures as soon as they are known (the full table follows at the end).
  for (const r of result.rows)
    console.log(`${kind} ${r.name}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms`);
}
console.log('');
console.log('| database | case | p50 ms | p95 ms | CPU ms (this process) | total | exact | p95 < 25 ms |');
console.log('|---|---|---:|---:|---:|---:|---|---|');
for (const r of all) {
  console.log(
    `| ${r.database} | ${r.name} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.cpu.toFixed(1)} | ${r.total} | ${r.exact ? 'yes' : 'no'} | ${r.p95 < TARGET_P95_MS ? 'met' : 'MISSED'} |`,
  );
}
console.log('');
for (const note of notes) console.log(note);
console.log(
  `Load average (1 min) at the start ${loadBefore.toFixed(2)}, at the end ${(loadavg()[0] ?? 0).toFixed(2)} on ${cpus().length} cores.`,
);
