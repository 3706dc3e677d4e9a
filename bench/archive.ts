// npm run bench:archive — a whole workspace to one archive and back (issue #6 target: 100,000 notes exported
// in < 10 s with flat memory, streamed). A benchmark, not a test: it reports, it asserts nothing.
//
//   npm run bench:archive -- [--notes 100000] [--inquiries 100] [--small 10000] [--only sqlite,postgres]
//
// For each database: a fresh one (a temp SQLite file, or a PostgreSQL database dropped after), seeded in
// bulk SQL with one workspace of --inquiries inquiries holding --notes notes (every note links to the one
// before it; one in ten is anonymous, one in five acknowledged). The real server (buildApp) streams the
// archive over HTTP into a temp file, while memory is sampled every 20 ms. The same is done first with
// --small notes: "flat" means the export's peak heap above the idle baseline is about the same for both
// sizes, i.e. it does not grow with the workspace. Then the archive is imported into a second fresh
// database (importWorkspaceArchive, one transaction) and timed.

import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { v7 } from 'uuid';
import { buildApp } from '../server/app.js';
import { importWorkspaceArchive } from '../server/archive/import.js';
import { type Config, loadConfig } from '../server/config.js';
import { type Db, openDatabase } from '../server/store/db.js';
import { createSession } from '../server/store/sessions.js';
import { freshDatabase } from '../server/test/databases.js';

const { values: args } = parseArgs({
  options: {
    notes: { type: 'string', default: '100000' },
    small: { type: 'string', default: '10000' },
    inquiries: { type: 'string', default: '100' },
    only: { type: 'string', default: 'sqlite,postgres' },
  },
});
const INQUIRIES = Number(args.inquiries);
const PEOPLE = 20;
const PORT = 3222;

const MiB = 1024 * 1024;
const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
/** A change in memory, signed: RSS may fall when V8 gives memory back during the run. */
const delta = (bytes: number) => `${bytes < 0 ? '−' : '+'}${mib(Math.abs(bytes))}`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function insertAll(db: Db, table: 'contributions' | 'links' | 'acknowledgements', rows: object[]) {
  // 500 rows × ≤ 11 columns stays under both databases' limits on bound parameters.
  for (let i = 0; i < rows.length; i += 500) {
    // biome-ignore lint/suspicious/noExplicitAny: one bulk insert for three tables; the rows match them
    await db
      .insertInto(table)
      .values(rows.slice(i, i + 500) as any)
      .execute();
  }
}

/** One workspace: PEOPLE members, INQUIRIES inquiries, `notes` notes spread evenly, each linked to the last. */
async function seed(db: Db, notes: number): Promise<{ workspaceId: string; ownerId: string }> {
  const at = new Date().toISOString();
  const workspaceId = v7();
  const people = Array.from({ length: PEOPLE }, (_, i) => ({
    id: v7(),
    email: `bench.${i}.${workspaceId.slice(-8)}@example.com`,
    name: `Person ${i}`,
    password_hash: '',
    created_at: at,
  }));
  const ownerId = (people[0] as { id: string }).id;
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('users').values(people).execute();
    await trx.insertInto('workspaces').values({ id: workspaceId, name: 'Bench', created_at: at }).execute();
    await trx
      .insertInto('memberships')
      .values(
        people.map((p, i) => ({
          workspace_id: workspaceId,
          user_id: p.id,
          role: i === 0 ? 'owner' : i < 3 ? 'facilitator' : 'member',
          created_at: at,
        })),
      )
      .execute();
    const perInquiry = Math.ceil(notes / INQUIRIES);
    let written = 0;
    for (let q = 0; q < INQUIRIES && written < notes; q++) {
      const inquiryId = v7();
      await trx
        .insertInto('inquiries')
        .values({
          id: inquiryId,
          workspace_id: workspaceId,
          title: `Inquiry ${q}`,
          question: `Why does thing ${q} happen?`,
          context: '',
          success_criteria: '',
          mode: 'collaborative',
          phase: 'exploring',
          allow_anonymous: 1,
          facilitator_id: (people[1] as { id: string }).id,
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
      await trx
        .insertInto('inquiry_participants')
        .values(
          people
            .slice(3)
            .map((p) => ({ inquiry_id: inquiryId, user_id: p.id, perspective: null, joined_at: at })),
        )
        .execute();
      const count = Math.min(perInquiry, notes - written);
      const contributions = Array.from({ length: count }, (_, i) => ({
        id: v7(),
        inquiry_id: inquiryId,
        author_id: (people[3 + (i % (PEOPLE - 3))] as { id: string }).id,
        kind: i % 3 === 0 ? 'hypothesis' : i % 3 === 1 ? 'evidence' : 'question',
        body: `Note ${i} of inquiry ${q}: returns went up after the supplier change, at least in the spring months we looked at.`,
        confidence: 'leaning',
        state: i % 3 === 0 ? 'untested' : i % 3 === 2 ? 'open' : null,
        anonymous: i % 10 === 0 ? 1 : 0,
        created_at: at,
        updated_at: at,
        perspective: null,
      }));
      await insertAll(trx, 'contributions', contributions);
      const links = contributions.slice(1).map((c, i) => ({
        id: v7(),
        inquiry_id: inquiryId,
        from_id: c.id,
        to_id: (contributions[i] as { id: string }).id,
        kind: 'builds_on',
        created_by: c.author_id,
        anonymous: c.anonymous,
        created_at: at,
      }));
      await insertAll(trx, 'links', links);
      const acknowledgements = contributions
        .filter((_, i) => i % 5 === 1)
        .map((c) => ({ contribution_id: c.id, user_id: (people[2] as { id: string }).id, created_at: at }));
      await insertAll(trx, 'acknowledgements', acknowledgements);
      written += count;
    }
  });
  return { workspaceId, ownerId };
}

const gc = () => (globalThis as { gc?: () => void }).gc?.();

function baseline() {
  gc();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed + m.external + m.arrayBuffers };
}

interface Sampler {
  stop(): { rss: number; heap: number };
}

/**
 * Peak RSS and heap (used + external + array buffers) while running, read every 20 ms. With `live`, a full
 * GC runs before each reading (every 200 ms): the peak is then what the export holds, not garbage V8 has
 * not collected yet — the figure that shows whether memory grows with the workspace.
 */
function sample(live = false): Sampler {
  let rss = 0;
  let heap = 0;
  const read = () => {
    if (live) gc();
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed + m.external + m.arrayBuffers);
  };
  read();
  const timer = setInterval(read, live ? 200 : 20);
  return {
    stop: () => {
      clearInterval(timer);
      read();
      return { rss, heap };
    },
  };
}

interface ExportFigures {
  notes: number;
  ms: number;
  /** CPU time of this process (server and HTTP client) during the export. */
  cpuMs: number;
  bytes: number;
  base: { rss: number; heap: number };
  peak: { rss: number; heap: number };
  /** A second export of the same workspace, with a GC before each reading. */
  live: { rss: number; heap: number };
}

async function exportOnce(
  kind: 'sqlite' | 'postgres',
  notes: number,
  dir: string,
): Promise<ExportFigures & { file: string }> {
  const fresh = await freshDatabase(kind);
  const config: Config = {
    ...loadConfig({ NODE_ENV: 'test', DATA_DIR: join(dir, `data-${notes}`) }),
    database: fresh.config,
  };
  const database = await openDatabase(config.database);
  const { workspaceId, ownerId } = await seed(database.db, notes);
  const { app } = await buildApp(config, database);
  await app.listen({ port: PORT, host: '127.0.0.1' });
  const token = await createSession(database.db, ownerId, 3600_000);
  const file = join(dir, `archive-${kind}-${notes}.tar.gz`);
  const download = async (to: string) => {
    const response = await fetch(`http://127.0.0.1:${PORT}/api/workspaces/${workspaceId}/archive`, {
      headers: { cookie: `colearn_session=${token}` },
    });
    if (response.status !== 200 || !response.body) throw new Error(`export answered ${response.status}`);
    // biome-ignore lint/suspicious/noExplicitAny: the DOM and Node typings of ReadableStream differ
    await pipeline(Readable.fromWeb(response.body as any), createWriteStream(to));
  };
  try {
    const base = baseline();
    const sampler = sample();
    const cpu = process.cpuUsage();
    const started = performance.now();
    await download(file);
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const peak = sampler.stop();
    const liveBase = baseline();
    const liveSampler = sample(true);
    await download(`${file}.again`);
    const live = liveSampler.stop();
    rmSync(`${file}.again`, { force: true });
    return {
      notes,
      ms,
      cpuMs: (used.user + used.system) / 1000,
      bytes: statSync(file).size,
      base,
      peak,
      live: { rss: live.rss - liveBase.rss, heap: live.heap - liveBase.heap },
      file,
    };
  } finally {
    await app.close();
    await database.close();
    await fresh.drop();
  }
}

async function importOnce(kind: 'sqlite' | 'postgres', file: string) {
  const fresh = await freshDatabase(kind);
  const database = await openDatabase(fresh.config);
  try {
    const base = baseline();
    const sampler = sample();
    const started = performance.now();
    const result = await importWorkspaceArchive(database.db, createReadStream(file));
    const ms = performance.now() - started;
    return {
      ms,
      base,
      peak: sampler.stop(),
      records: Object.values(result.counts).reduce((a, b) => a + b, 0),
    };
  } finally {
    await database.close();
    await fresh.drop();
  }
}

async function main(): Promise<void> {
  if (!(globalThis as { gc?: unknown }).gc) {
    console.log('(run with NODE_OPTIONS=--expose-gc for steadier baselines; the npm script does)');
  }
  console.log(
    `bench:archive — ${cpus().length} cores, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, ${INQUIRIES} inquiries, ${PEOPLE} people`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'colearn-bench-archive-'));
  try {
    for (const kind of args.only.split(',') as ('sqlite' | 'postgres')[]) {
      for (const notes of [Number(args.small), Number(args.notes)]) {
        const seedStart = performance.now();
        const e = await exportOnce(kind, notes, dir);
        const total = performance.now() - seedStart;
        console.log(
          `\n${kind}, ${notes.toLocaleString('en')} notes (+ links, acknowledgements; seed and server start ${seconds(total - e.ms)})`,
        );
        console.log(
          `  export over HTTP: ${seconds(e.ms)}, archive ${mib(e.bytes)} — ${Math.round(notes / (e.ms / 1000)).toLocaleString('en')} notes/s`,
        );
        console.log(
          `  CPU time of the process (server and client) during it: ${seconds(e.cpuMs)} — the rest of the wall time is other processes on the machine`,
        );
        console.log(
          `  memory during export: heap+external peak ${delta(e.peak.heap - e.base.heap)} over ${mib(e.base.heap)} idle (garbage included); RSS peak ${delta(e.peak.rss - e.base.rss)} over ${mib(e.base.rss)}`,
        );
        console.log(
          `  live memory (GC before each reading, second export): heap+external peak ${delta(e.live.heap)}, RSS peak ${delta(e.live.rss)}`,
        );
        const i = await importOnce(kind, e.file);
        console.log(
          `  import (one transaction, into an empty database): ${seconds(i.ms)} for ${i.records.toLocaleString('en')} records; heap+external peak ${delta(i.peak.heap - i.base.heap)}, RSS peak ${delta(i.peak.rss - i.base.rss)}`,
        );
        rmSync(e.file, { force: true });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
