// npm run bench:resilience — the workspace knowledge-resilience view (GET /api/workspaces/:id/resilience)
// over 1,000 inquiries and 1,000,000 contributions, timed cold in a fresh process, with its peak memory.
// Targets (issue #5): < 3 s cold, < 1 GB. A benchmark, not a test: it reports, it asserts nothing.
//
//   npm run bench:resilience -- [--inquiries 1000] [--contributions 1000000] [--members 300] [--postgres]
//                               [--warm 3]
//
// Seeding writes straight into a fresh database (SQLite file in a temp dir, or a new PostgreSQL database)
// in bulk transactions; the measurement then runs in a child process that has never touched the data:
// it opens the database, runs loadWorkspaceResilience once (cold) and a few times more (warm), and reports
// its own peak RSS. The operating system's page cache is not dropped (that needs root): "cold" means a
// fresh process, fresh connections and fresh statement caches.

import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import type { Database } from '../server/config.js';
import { loadWorkspaceResilience } from '../server/insights/resilience.js';
import { openDatabase } from '../server/store/db.js';

export interface ResilienceBenchOptions {
  inquiries: number;
  contributions: number;
  members: number;
  /** Warm runs after the cold one. */
  warm: number;
  postgres: boolean;
  /** Keep the seeded SQLite file and print its path (for profiling); delete it yourself. */
  keep: boolean;
}
const DEFAULTS: ResilienceBenchOptions = {
  inquiries: 1000,
  contributions: 1_000_000,
  members: 300,
  warm: 3,
  postgres: false,
  keep: false,
};
let opts: ResilienceBenchOptions = DEFAULTS;

const POSTGRES_ADMIN = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

// ---------------------------------------------------------------- the measuring child

async function measure(config: Database, workspaceId: string, warmRuns: number) {
  const database = await openDatabase(config);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const view = await loadWorkspaceResilience(database.db, workspaceId);
  const cold = performance.now() - t0;
  // This process's own CPU time: on a shared, busy machine the wall time also counts the wait for a core.
  const cpu = process.cpuUsage(cpu0);
  const coldCpuMs = (cpu.user + cpu.system) / 1000;
  const warm: number[] = [];
  for (let i = 0; i < warmRuns; i++) {
    const t = performance.now();
    await loadWorkspaceResilience(database.db, workspaceId);
    warm.push(performance.now() - t);
  }
  const bytes = Buffer.byteLength(JSON.stringify(view));
  await database.close();
  const result = {
    coldMs: cold,
    coldCpuMs,
    warmMs: warm,
    topics: view.topics.length,
    singlePointsOfFailure: view.singlePointsOfFailure.length,
    away: view.away.length,
    payloadBytes: bytes,
    // maxRSS is in kilobytes: the whole process's peak, Node and tsx included.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

// ---------------------------------------------------------------- seeding

/** A small deterministic generator, so every run seeds the same shape. */
let seed = 42;
const random = () => {
  seed = (seed * 16807) % 2147483647;
  return (seed - 1) / 2147483646;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const AT = '2026-11-01T09:00:00.000Z';
const KINDS = ['question', 'hypothesis', 'evidence', 'assumption', 'idea', 'insight', 'unknown'] as const;
const WORDS =
  'returns supplier sizing fabric churn channel wholesale price margin customers delivery chart smaller orders exchange'.split(
    ' ',
  );
const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');

type Row = Record<string, string | number | null>;
interface Sink {
  insert(table: string, rows: Row[]): Promise<void>;
  close(): Promise<void>;
}

function sqliteSink(file: string): Sink {
  const db = new SqliteDatabase(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    async insert(table, rows) {
      const first = rows[0];
      if (!first) return;
      const columns = Object.keys(first);
      const key = `${table}:${columns.join(',')}`;
      let statement = statements.get(key);
      if (!statement) {
        statement = db.prepare(
          `insert into ${table} (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`,
        );
        statements.set(key, statement);
      }
      const run = statement;
      db.transaction((batch: Row[]) => {
        for (const row of batch) run.run(row);
      })(rows);
    },
    async close() {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.exec('analyze');
      db.close();
    },
  };
}

function postgresSink(url: string): Sink {
  const client = new pg.Client({ connectionString: url });
  const connected = client.connect();
  return {
    async insert(table, rows) {
      await connected;
      const first = rows[0];
      if (!first) return;
      const columns = Object.keys(first);
      // One statement per batch: each column as an array, unnested back into rows.
      const arrays = columns.map((c) => rows.map((r) => r[c] ?? null));
      const types = columns.map((c) => (typeof first[c] === 'number' ? 'int[]' : 'text[]'));
      await client.query(
        `insert into ${table} (${columns.join(', ')}) select * from unnest(${types.map((t, i) => `$${i + 1}::${t}`).join(', ')})`,
        arrays,
      );
    },
    async close() {
      await connected;
      await client.query('analyze');
      await client.end();
    },
  };
}

interface Seeded {
  workspaceId: string;
  contributions: number;
  conclusions: number;
  teachBacks: number;
}

async function seedInto(sink: Sink): Promise<Seeded> {
  const workspaceId = randomUUID();
  const users = Array.from({ length: opts.members }, (_, i) => ({
    id: randomUUID(),
    email: `member${i}@bench.example`,
    name: `Member ${i}`,
    password_hash: 'not-a-real-hash',
    created_at: AT,
  }));
  await sink.insert('users', users);
  await sink.insert('workspaces', [{ id: workspaceId, name: 'Bench Ltd', created_at: AT }]);
  const facilitators = users.slice(0, Math.max(1, Math.floor(opts.members / 20)));
  await sink.insert(
    'memberships',
    users.map((u, i) => ({
      workspace_id: workspaceId,
      user_id: u.id,
      role: i === 0 ? 'owner' : facilitators.includes(u) ? 'facilitator' : 'member',
      created_at: AT,
    })),
  );

  const perInquiry = Math.floor(opts.contributions / opts.inquiries);
  let contributions = 0;
  let conclusions = 0;
  let teachBacks = 0;
  let batch: Row[] = [];
  const flush = async () => {
    await sink.insert('contributions', batch);
    contributions += batch.length;
    batch = [];
  };
  for (let q = 0; q < opts.inquiries; q++) {
    const inquiryId = randomUUID();
    const facilitator = pick(facilitators);
    const team = new Set([facilitator.id]);
    while (team.size < 8) team.add(pick(users).id);
    const people = [...team];
    await sink.insert('inquiries', [
      {
        id: inquiryId,
        workspace_id: workspaceId,
        title: `Inquiry ${q}: ${sentence(4)}`,
        question: `Why ${sentence(6)}?`,
        context: '',
        success_criteria: '',
        mode: 'collaborative',
        phase: pick(['exploring', 'challenging', 'synthesizing', 'reflecting', 'concluded']),
        allow_anonymous: 1,
        facilitator_id: facilitator.id,
        created_at: AT,
        updated_at: AT,
        last_activity_at: AT,
      },
    ]);
    await sink.insert(
      'inquiry_participants',
      people.map((userId) => ({ inquiry_id: inquiryId, user_id: userId, perspective: null, joined_at: AT })),
    );
    const count = q === opts.inquiries - 1 ? opts.contributions - contributions - batch.length : perInquiry;
    const ids: string[] = [];
    for (let c = 0; c < count; c++) {
      const id = randomUUID();
      ids.push(id);
      // Most inquiries hear from everyone; one in ten rests on a single named voice.
      const author = q % 10 === 0 ? (c % 2 === 0 ? facilitator.id : pick(people)) : pick(people);
      batch.push({
        id,
        inquiry_id: inquiryId,
        author_id: author,
        kind: pick(KINDS),
        body: sentence(12),
        confidence: 'leaning',
        state: null,
        anonymous: random() < 0.1 ? 1 : 0,
        created_at: AT,
        updated_at: AT,
        perspective: null,
      });
      if (batch.length >= 10_000) await flush();
    }
    // Four in five inquiries have a conclusion; in one in ten only the facilitator endorsed it.
    if (q % 5 !== 4) {
      const endorsers = q % 10 === 0 ? [facilitator.id] : people.filter(() => random() < 0.5);
      const proposal = {
        versions: [
          {
            version: 1,
            text: `Conclusion ${q}: ${sentence(20)}`,
            restsOn: ids.slice(0, 5),
            proposedBy: facilitator.id,
            proposedAt: AT,
          },
        ],
        endorsements: endorsers.map((userId) => ({ userId, version: 1, at: AT })),
        objections: [],
        adopted: null,
      };
      await sink.insert('conclusions', [
        { inquiry_id: inquiryId, proposal: JSON.stringify(proposal), revision: 1, updated_at: AT },
      ]);
      conclusions++;
      if (q % 10 !== 0) {
        const reflectors = people.filter(() => random() < 0.4);
        await sink.insert(
          'reflections',
          reflectors.map((userId) => ({
            inquiry_id: inquiryId,
            user_id: userId,
            learned: sentence(5),
            still_unclear: sentence(5),
            keep: sentence(3),
            change: sentence(3),
            teach_back: sentence(random() < 0.8 ? 30 : 8),
            updated_at: AT,
          })),
        );
        teachBacks += reflectors.length;
      }
    }
  }
  await flush();
  return { workspaceId, contributions, conclusions, teachBacks };
}

// ---------------------------------------------------------------- run

function runChild(target: string, workspaceId: string) {
  const tsx = resolve(import.meta.dirname, '../node_modules/.bin/tsx');
  const out = spawnSync(
    tsx,
    [
      resolve(import.meta.dirname, 'insights-resilience.ts'),
      '--measure',
      target,
      '--workspace',
      workspaceId,
      '--warm',
      String(opts.warm),
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const line = out.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`the measuring process failed:\n${out.stdout}\n${out.stderr}`);
  return JSON.parse(line.slice('RESULT '.length)) as {
    coldMs: number;
    coldCpuMs: number;
    warmMs: number[];
    topics: number;
    singlePointsOfFailure: number;
    away: number;
    payloadBytes: number;
    peakRssMb: number;
  };
}

function report(
  kind: string,
  seeded: Seeded,
  seedMs: number,
  sizeNote: string,
  r: ReturnType<typeof runChild>,
) {
  const ok = (v: boolean) => (v ? 'within target' : 'OVER TARGET');
  console.log(
    `\n== workspace resilience view on ${kind} (${cpus().length} cores, ${cpus()[0]?.model ?? '?'})`,
  );
  console.log(
    `seeded ${opts.inquiries.toLocaleString()} inquiries, ${seeded.contributions.toLocaleString()} contributions, ${seeded.conclusions} conclusions, ${seeded.teachBacks} teach-backs, ${opts.members} members in ${(seedMs / 1000).toFixed(1)} s${sizeNote}`,
  );
  console.log(`cold (fresh process): ${r.coldMs.toFixed(0)} ms  — target < 3000 ms: ${ok(r.coldMs < 3000)}`);
  console.log(
    `  of which this process on a CPU: ${r.coldCpuMs.toFixed(0)} ms (the database server's own time is not in it); load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} while measuring`,
  );
  console.log(`warm: ${r.warmMs.map((m) => `${m.toFixed(0)} ms`).join(', ')}`);
  console.log(
    `peak RSS of the measuring process: ${r.peakRssMb.toFixed(0)} MB — target < 1024 MB: ${ok(r.peakRssMb < 1024)}`,
  );
  console.log(
    `result: ${r.topics} topics, ${r.singlePointsOfFailure} single points of failure, ${r.away} away impacts, ${(r.payloadBytes / 1024).toFixed(0)} KiB of JSON`,
  );
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'colearn-bench-resilience-'));
  const cleanups: (() => Promise<void> | void)[] = opts.keep
    ? [() => console.log(`kept ${dir}`)]
    : [() => rmSync(dir, { recursive: true, force: true })];
  const cleanup = async () => {
    for (const c of cleanups.reverse()) await c();
  };
  process.once('SIGINT', () => {
    void cleanup().finally(() => process.exit(130));
  });
  try {
    let config: Database;
    if (opts.postgres) {
      const name = `colearn_bench_resilience_${process.pid}`;
      const admin = new pg.Client({ connectionString: POSTGRES_ADMIN });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(POSTGRES_ADMIN);
      url.pathname = `/${name}`;
      config = { kind: 'postgres', url: url.toString() };
      cleanups.push(async () => {
        const c = new pg.Client({ connectionString: POSTGRES_ADMIN });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      });
    } else {
      config = { kind: 'sqlite', file: join(dir, 'bench.sqlite') };
    }
    // The schema, as the server makes it.
    await (await openDatabase(config)).close();
    const t0 = performance.now();
    const sink = config.kind === 'sqlite' ? sqliteSink(config.file) : postgresSink(config.url);
    const seeded = await seedInto(sink);
    await sink.close();
    const seedMs = performance.now() - t0;
    const size =
      config.kind === 'sqlite' ? `, ${(statSync(config.file).size / 1024 / 1024).toFixed(0)} MB file` : '';
    const result = runChild(config.kind === 'sqlite' ? config.file : config.url, seeded.workspaceId);
    report(config.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL', seeded, seedMs, size, result);
  } finally {
    await cleanup();
  }
}

/**
 * Seeds a fresh database and times the workspace resilience view cold in a child process; prints the
 * figures. Another bench (bench/insights.ts) may call this for its resilience section.
 */
export async function benchResilience(options: Partial<ResilienceBenchOptions> = {}): Promise<void> {
  opts = { ...DEFAULTS, ...options };
  for (const [name, v] of Object.entries({
    inquiries: opts.inquiries,
    contributions: opts.contributions,
    members: opts.members,
  })) {
    if (!Number.isInteger(v) || v < 1 || v > 10_000_000) throw new Error(`bad value for ${name}: ${v}`);
  }
  seed = 42;
  await main();
}

// Run directly (npm run bench:resilience), or as the measuring child (--measure).
if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  const { values: args } = parseArgs({
    options: {
      inquiries: { type: 'string', default: String(DEFAULTS.inquiries) },
      contributions: { type: 'string', default: String(DEFAULTS.contributions) },
      members: { type: 'string', default: String(DEFAULTS.members) },
      warm: { type: 'string', default: String(DEFAULTS.warm) },
      postgres: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      // Internal: the child process that measures.
      measure: { type: 'string' },
      workspace: { type: 'string' },
    },
  });
  if (args.measure) {
    const config: Database = args.measure.startsWith('postgres://')
      ? { kind: 'postgres', url: args.measure }
      : { kind: 'sqlite', file: args.measure };
    await measure(config, args.workspace ?? '', Number(args.warm));
    process.exit(0);
  }
  await benchResilience({
    inquiries: Number(args.inquiries),
    contributions: Number(args.contributions),
    members: Number(args.members),
    warm: Number(args.warm),
    postgres: args.postgres,
    keep: args.keep,
  });
}
