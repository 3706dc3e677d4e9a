// npm run bench:api — loads the real server (a child process) with concurrent clients and prints its
// throughput, latency and memory next to the ceiling of the same server's plain hello-world route.
// A benchmark, not a test: it asserts nothing, it reports. Loopback only; every loop is bounded.
//
//   npm run bench:api -- [--duration 10] [--connections 32] [--walkers 8] [--notes 5000]
//                        [--postgres] [--only hello,healthz,create,list,walk] [--cpu-prof]

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { CONTRIBUTION_KINDS } from '../domain/model.js';
import {
  assertLoopback,
  type BenchDatabase,
  createBenchDatabase,
  MemoryWatch,
  machineTicks,
  processTicks,
  procStats,
  type Server,
  startServer,
  stopServer,
  ticksBetween,
} from './server-process.js';

const SCENARIOS = ['hello', 'healthz', 'create', 'list', 'walk'] as const;
type Scenario = (typeof SCENARIOS)[number];

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    walkers: { type: 'string', default: '8' },
    notes: { type: 'string', default: '5000' },
    warmup: { type: 'string', default: '2' },
    only: { type: 'string', default: SCENARIOS.join(',') },
    postgres: { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
  },
});
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const WALKERS = Number(args.walkers);
const NOTES = Number(args.notes);
const WARMUP = Number(args.warmup);
const ONLY = new Set(
  args.only.split(',').filter((s): s is Scenario => (SCENARIOS as readonly string[]).includes(s)),
);
const PAGE = 200;
for (const [name, v] of Object.entries({ DURATION, CONNECTIONS, WALKERS, NOTES, WARMUP })) {
  if (!Number.isFinite(v) || v < 0 || v > 1_000_000)
    throw new Error(`bad value for ${name.toLowerCase()}: ${v}`);
}

// ---------------------------------------------------------------- seeding through the API

const WORDS = (
  'returns supplier sizing chest fabric membrane backlog exchange churn channel web wholesale price margin ' +
  'customer cohort repeat review zip stock-out pattern grading Kestrel Fjellstad Aurora jacket season data'
).split(' ');

/** Deterministic text so runs are comparable: 60 to ~700 characters of Markdown. */
function noteBody(n: number): string {
  let x = (n * 2654435761) >>> 0;
  const next = () => {
    x = (x * 1103515245 + 12345) >>> 0;
    return x;
  };
  const words = Array.from({ length: 10 + (next() % 90) }, () => WORDS[next() % WORDS.length]);
  const list = n % 3 === 0 ? `\n\n- **${words[0]}**: ${next() % 1000}\n- ${words[1]}: ${next() % 100}%` : '';
  return `Note ${n}: ${words.join(' ')}.${list}`;
}

async function api<T>(
  base: string,
  path: string,
  init: { cookie?: string; body?: unknown; method?: string } = {},
) {
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.cookie ? { cookie: init.cookie } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
  return { res, json: (await res.json()) as T };
}

interface Seeded {
  cookie: string;
  bigInquiry: string;
  writeInquiry: string;
}

async function seed(base: string): Promise<Seeded> {
  const signup = await api<unknown>(base, '/api/auth/signup', {
    body: { email: 'bench@example.com', name: 'Bench Mark', password: 'bench-password-123' },
  });
  const cookie = signup.res.headers
    .getSetCookie()
    .find((c) => c.startsWith('colearn_session='))
    ?.split(';')[0];
  if (!cookie) throw new Error('signup set no session cookie');
  const ws = await api<{ workspace: { id: string } }>(base, '/api/workspaces', {
    cookie,
    body: { name: 'Bench' },
  });
  const inquiry = async (title: string) =>
    (
      await api<{ inquiry: { id: string } }>(base, `/api/workspaces/${ws.json.workspace.id}/inquiries`, {
        cookie,
        body: { title, question: 'How fast is the server?', allowAnonymous: true },
      })
    ).json.inquiry.id;
  const bigInquiry = await inquiry('Five thousand notes');
  const writeInquiry = await inquiry('Write target');

  const ids: string[] = [];
  let next = 0;
  const deadline = Date.now() + 10 * 60_000;
  const poster = async () => {
    while (next < NOTES && Date.now() < deadline) {
      const n = next++;
      // Every tenth note builds on an earlier one, so pages carry links like a real board.
      const target = n % 10 === 9 && ids.length > 0 ? ids[(n * 7919) % ids.length] : undefined;
      const { json } = await api<{ contribution: { id: string } }>(
        base,
        `/api/inquiries/${bigInquiry}/contributions`,
        {
          cookie,
          body: {
            kind: CONTRIBUTION_KINDS[n % CONTRIBUTION_KINDS.length],
            body: noteBody(n),
            anonymous: n % 17 === 0,
            links: target ? [{ toId: target, kind: 'builds_on' }] : [],
          },
        },
      );
      ids.push(json.contribution.id);
    }
  };
  await Promise.all(Array.from({ length: 16 }, poster));
  if (ids.length < NOTES) throw new Error(`seeding stopped at ${ids.length} notes`);
  return { cookie, bigInquiry, writeInquiry };
}

// ---------------------------------------------------------------- scenarios

interface Row {
  name: string;
  rate: number;
  unit: string;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  rssKb: number;
  /** HTTP requests completed in `seconds`, to express the server's CPU per request. */
  requests: number;
  seconds: number;
  /** CPU used during the scenario, in cores: the server, PostgreSQL, this process (the load generator), the rest. */
  cpu: { server: number; db: number; client: number; others: number };
}

async function cannon(title: string, opts: autocannon.Options, seconds: number): Promise<autocannon.Result> {
  return autocannon({ ...opts, title, connections: CONNECTIONS, duration: seconds, timeout: 30 });
}

function cannonOptions(base: string, s: Seeded, scenario: Exclude<Scenario, 'walk'>): autocannon.Options {
  const headers = { cookie: s.cookie, 'content-type': 'application/json' };
  switch (scenario) {
    case 'hello':
      return { url: `${base}/api/hello` };
    case 'healthz':
      return { url: `${base}/healthz` };
    case 'list':
      return { url: `${base}/api/inquiries/${s.bigInquiry}/contributions?limit=${PAGE}`, headers };
    case 'create': {
      let n = NOTES;
      return {
        url: base,
        requests: [
          {
            method: 'POST',
            path: `/api/inquiries/${s.writeInquiry}/contributions`,
            headers,
            setupRequest: (request) => {
              n += 1;
              const body = { kind: CONTRIBUTION_KINDS[n % CONTRIBUTION_KINDS.length], body: noteBody(n) };
              return { ...request, body: JSON.stringify(body) };
            },
          },
        ],
      };
    }
  }
}

/** Walks every page of the big inquiry, `WALKERS` at a time, and times each whole walk. */
async function walk(
  base: string,
  s: Seeded,
  seconds: number,
): Promise<Omit<Row, 'name' | 'rssKb' | 'cpu' | 'seconds'>> {
  const times: number[] = [];
  let requests = 0;
  let errors = 0;
  let non2xx = 0;
  const until = Date.now() + seconds * 1000;
  const walker = async () => {
    for (let round = 0; round < 100_000 && Date.now() < until; round++) {
      const started = performance.now();
      let cursor: string | null = null;
      let pages = 0;
      let ok = true;
      do {
        const query: string = cursor ? `&cursor=${cursor}` : '';
        const res = await fetch(`${base}/api/inquiries/${s.bigInquiry}/contributions?limit=${PAGE}${query}`, {
          headers: { cookie: s.cookie },
        }).catch(() => null);
        if (!res) {
          errors++;
          ok = false;
          break;
        }
        if (!res.ok) {
          non2xx++;
          ok = false;
          await res.arrayBuffer();
          break;
        }
        cursor = ((await res.json()) as { nextCursor: string | null }).nextCursor;
        pages++;
        requests++;
      } while (cursor && pages < 1000);
      if (ok) times.push(performance.now() - started);
    }
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: WALKERS }, walker));
  const elapsed = (performance.now() - began) / 1000;
  times.sort((a, b) => a - b);
  const pct = (p: number) =>
    times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? Number.NaN;
  return {
    rate: times.length / elapsed,
    unit: 'walks/s',
    p50: pct(50),
    p99: pct(99),
    errors,
    non2xx,
    requests,
  };
}

async function runScenario(
  server: Server,
  watch: MemoryWatch,
  database: BenchDatabase | null,
  s: Seeded,
  scenario: Scenario,
): Promise<Row> {
  const pid = server.child.pid ?? 0;
  const label: Record<Scenario, string> = {
    hello: 'GET /api/hello (ceiling)',
    healthz: 'GET /healthz (1 query)',
    create: 'POST contributions',
    list: `GET contributions, 1 page of ${PAGE}`,
    walk: `walk all ${Math.ceil(NOTES / PAGE)} pages (${WALKERS} walkers)`,
  };
  if (WARMUP > 0) {
    if (scenario === 'walk') await walk(server.base, s, WARMUP);
    else await cannon(`${scenario} warm-up`, cannonOptions(server.base, s, scenario), WARMUP);
  }
  watch.window();
  const before = procStats(pid);
  const machineBefore = machineTicks();
  const clientBefore = process.cpuUsage();
  const dbBefore = processTicks(database ? await database.backendPids() : []);
  const started = performance.now();
  let row: Omit<Row, 'name' | 'rssKb' | 'cpu' | 'seconds'>;
  if (scenario === 'walk') {
    row = await walk(server.base, s, DURATION);
  } else {
    const r = await cannon(scenario, cannonOptions(server.base, s, scenario), DURATION);
    row = {
      rate: r.requests.average,
      unit: 'req/s',
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors: r.errors,
      non2xx: r.non2xx,
      requests: r.requests.total,
    };
  }
  const seconds = (performance.now() - started) / 1000;
  const after = procStats(pid);
  const client = process.cpuUsage(clientBefore);
  const machine = machineTicks();
  // /proc counts in USER_HZ, 100 a second on Linux.
  const serverCores = before && after ? (after.cpuTicks - before.cpuTicks) / 100 / seconds : Number.NaN;
  const clientCores = (client.user + client.system) / 1e6 / seconds;
  const busyCores = (machine.busy - machineBefore.busy) / 100 / seconds;
  const dbAfter = processTicks(database ? await database.backendPids() : []);
  const dbCores = ticksBetween(dbBefore, dbAfter) / 100 / seconds;
  const cpu = {
    server: serverCores,
    db: dbCores,
    client: clientCores,
    others: Math.max(0, busyCores - serverCores - dbCores - clientCores),
  };
  const result = { name: label[scenario], ...row, seconds, rssKb: watch.window(), cpu };
  console.log(`  ${scenario}: ${fmt(result.rate)} ${result.unit}, p99 ${fmt(result.p99)} ms`);
  return result;
}

// ---------------------------------------------------------------- report

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const mb = (kb: number) => fmt(kb / 1024, 1);
/** Server CPU time per completed request: unlike req/s, it barely moves when other processes share the CPU. */
const serverMsPerRequest = (r: Row) => (r.cpu.server * r.seconds * 1000) / Math.max(1, r.requests);

function report(rows: Map<Scenario, Row>, overallKb: number, conditions: string): void {
  const header = [
    'scenario',
    'rate',
    'p50 ms',
    'p99 ms',
    'errors',
    'non-2xx',
    'peak RSS MB',
    'srv CPU ms/req',
    'CPU % srv/pg/client/other',
  ];
  const lines = [...rows.values()].map((r) => [
    r.name,
    `${fmt(r.rate)} ${r.unit}`,
    fmt(r.p50, 1),
    fmt(r.p99, 1),
    String(r.errors),
    String(r.non2xx),
    mb(r.rssKb),
    fmt(serverMsPerRequest(r), 3),
    [r.cpu.server, r.cpu.db, r.cpu.client, r.cpu.others].map((c) => fmt(c * 100)).join('/'),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const show = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(`\n${conditions}\n`);
  console.log(show(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(show(l));

  const hello = rows.get('hello');
  const create = rows.get('create');
  const list = rows.get('list');
  const ratio = hello && create ? create.rate / hello.rate : Number.NaN;
  // The same ratio from CPU per request, which other load on the machine hardly disturbs.
  const cpuRatio = hello && create ? serverMsPerRequest(hello) / serverMsPerRequest(create) : Number.NaN;
  const mark = (met: boolean | null) => (met === null ? 'not measured' : met ? 'met' : 'NOT met');
  console.log(`\noverall peak server RSS (VmHWM): ${mb(overallKb)} MB`);
  console.log('\ntargets');
  console.log(
    `  create ≥ 40% of hello-world rate : ${fmt(ratio * 100, 1)}%  ${mark(Number.isNaN(ratio) ? null : ratio >= 0.4)}` +
      `  (by server CPU per request: ${fmt(cpuRatio * 100, 1)}%)`,
  );
  console.log(
    `  list (1 page) p99 < 100 ms       : ${list ? `${fmt(list.p99, 1)} ms` : '—'}  ${mark(list ? list.p99 < 100 : null)}`,
  );
  console.log(`  server RSS < 200 MB              : ${mb(overallKb)} MB  ${mark(overallKb / 1024 < 200)}`);
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const dataDir = mkdtempSync(resolve(tmpdir(), 'colearn-bench-'));
  // Profiles outlive the run, so they go to their own directory, which is printed at the end.
  const profileDir = args['cpu-prof'] ? mkdtempSync(resolve(tmpdir(), 'colearn-bench-profile-')) : null;
  let database: BenchDatabase | null = null;
  let server: Server | null = null;
  let watch: MemoryWatch | null = null;
  const cleanup = async () => {
    watch?.stop();
    if (server) await stopServer(server);
    server = null;
    if (database)
      await database.drop().catch((e: unknown) => console.error(`could not drop the bench database: ${e}`));
    database = null;
    rmSync(dataDir, { recursive: true, force: true });
  };
  const interrupted = () => void cleanup().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  try {
    let databaseUrl: string | null = null;
    let dbLabel = 'SQLite (WAL, temp dir)';
    if (args.postgres) {
      database = await createBenchDatabase();
      databaseUrl = database.url;
      dbLabel = `PostgreSQL (fresh database ${new URL(database.url).pathname.slice(1)})`;
    } else if (process.env.DATABASE_URL) {
      assertLoopback(process.env.DATABASE_URL);
      databaseUrl = process.env.DATABASE_URL;
      dbLabel = 'PostgreSQL from DATABASE_URL (bench data is written into it)';
      console.warn('DATABASE_URL is set: the benchmark writes its users and notes into that database.');
    }
    if (databaseUrl) assertLoopback(databaseUrl);

    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    console.log(`load average before the run: ${load} (${cpus().length} cores)`);
    console.log(`starting the server on ${dbLabel}…`);
    server = await startServer(dataDir, databaseUrl, profileDir);
    const pid = server.child.pid ?? 0;
    watch = new MemoryWatch(pid);
    console.log(`seeding ${NOTES} notes through the API…`);
    const seedStart = performance.now();
    const seeded = await seed(server.base);
    console.log(
      `  seeded in ${fmt((performance.now() - seedStart) / 1000, 1)} s (${mb(watch.window())} MB peak RSS)`,
    );

    if (database) {
      // Without statistics the planner takes the 5,000-note inquiry for a few dozen rows and sorts all of
      // them for every page (4.6 ms instead of 0.3 ms); a real database has been analyzed long since.
      await database.analyze();
      console.log('  ANALYZE done (as autovacuum would after a bulk load)');
    }

    const rows = new Map<Scenario, Row>();
    for (const scenario of SCENARIOS) {
      if (ONLY.has(scenario))
        rows.set(scenario, await runScenario(server, watch, database, seeded, scenario));
    }
    const overall = Math.max(watch.overallPeakKb, procStats(pid)?.hwmKb ?? 0);
    const conditions =
      `${CONNECTIONS} connections, ${DURATION} s per scenario (+${WARMUP} s warm-up), ${NOTES} notes, ${dbLabel}; ` +
      `server: node ${process.version} ${process.env.BENCH_SOURCE === '1' ? 'server/main.ts via tsx' : 'dist-server/main.js (as npm start)'}, NODE_ENV=production, 1 process; client (autocannon) on the same ` +
      `${cpus().length}-core machine`;
    report(rows, overall, conditions);
  } finally {
    await cleanup();
    if (profileDir) console.log(`\nCPU profile of the server written to ${profileDir}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
