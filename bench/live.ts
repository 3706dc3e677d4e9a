// npm run bench:live — many clients follow one inquiry live while writers post notes; prints delivered
// events/s, post-to-delivery latency and server memory, next to a raw `ws` broadcast of the same payload
// size to the same number of clients (the ceiling). A benchmark, not a test: it reports, it asserts
// nothing. Loopback only; every loop is bounded by count and time; every child is stopped at the end.
//
//   npm run bench:live -- [--clients 200,1000] [--instances 1,2] [--rate 50] [--duration 15]
//                         [--warmup 3] [--quiet-wait 10] [--flat-duration 5] [--flat-writers 16] [--writers 4] [--readers 20]
//                         [--body 200] [--client-procs 1] [--cpu-prof]
//
// Processes: this one (orchestration and the HTTP writers), the server(s), the clients (a child of
// their own, so the server has a core to itself as far as two cores allow) and the ceiling server.

import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { CONTRIBUTION_KINDS } from '../domain/model.js';
import { Histogram, nowMs } from './live/histogram.js';
import { busyOthers, machineTicks } from './live/machine.js';
import {
  type ConnectReply,
  marker,
  type PhaseStats,
  type RawSendReply,
  Rpc,
  type Target,
} from './live/protocol.js';
import { seed } from './live/seed.js';
import {
  createBenchDatabase,
  MemoryWatch,
  procStats,
  type Server,
  sleep,
  startServer,
  stopServer,
} from './server-process.js';

const { values: args } = parseArgs({
  options: {
    clients: { type: 'string', default: '200,1000' },
    instances: { type: 'string', default: '1,2' },
    rate: { type: 'string', default: '50' },
    duration: { type: 'string', default: '15' },
    'flat-duration': { type: 'string', default: '5' },
    'flat-writers': { type: 'string', default: '16' },
    warmup: { type: 'string', default: '3' },
    'quiet-wait': { type: 'string', default: '10' },
    writers: { type: 'string', default: '4' },
    readers: { type: 'string', default: '20' },
    body: { type: 'string', default: '200' },
    'client-procs': { type: 'string', default: '1' },
    'connect-concurrency': { type: 'string', default: '50' },
    'cpu-prof': { type: 'boolean', default: false },
  },
});

function numbers(name: string, raw: string, min: number, max: number): number[] {
  const list = raw.split(',').map(Number);
  for (const v of list)
    if (!Number.isFinite(v) || v < min || v > max) throw new Error(`--${name}: ${v} is not in ${min}…${max}`);
  return list;
}
const one = (name: string, raw: string, min: number, max: number) => numbers(name, raw, min, max)[0] ?? min;

const CLIENTS = numbers('clients', args.clients, 1, 10_000);
const INSTANCES = numbers('instances', args.instances, 1, 2);
const RATES = numbers('rate', args.rate, 1, 2_000);
const DURATION = one('duration', args.duration, 1, 600);
const FLAT_DURATION = one('flat-duration', args['flat-duration'], 0, 120);
const FLAT_WRITERS = one('flat-writers', args['flat-writers'], 1, 256);
const WARMUP = one('warmup', args.warmup, 0, 60);
const QUIET_WAIT = one('quiet-wait', args['quiet-wait'], 0, 600);
const WRITERS = one('writers', args.writers, 1, 50);
const READERS = one('readers', args.readers, 1, 500);
const BODY = one('body', args.body, 40, 20_000);
const CLIENT_PROCS = one('client-procs', args['client-procs'], 1, 8);
const CONNECT_CONCURRENCY = one('connect-concurrency', args['connect-concurrency'], 1, 1_000);

/** Writers give up on a post that has not been answered in this long. */
const POST_TIMEOUT_MS = 10_000;
/** Posts in flight at once in the steady phase; a post due beyond this counts as not sent. */
const MAX_IN_FLIGHT = 500;
/** How long clients may take to receive the last events after the writers stop. */
const DRAIN_MS = 15_000;
/** The ceiling pauses while any client has more than this waiting in its socket buffer. */
const RAW_MAX_BUFFERED = 1024 * 1024;
const MAX_FLAT_POSTS = 1_000_000;
const HERE = import.meta.dirname;

// Children inherit this environment: the bench signs up a few dozen accounts from one address, and no
// Redis unless a scenario asks for it (server-process.ts passes process.env through to the server).
process.env.AUTH_REQUESTS_PER_MINUTE = '100000';
delete process.env.REDIS_URL;
const REDIS_URL = 'redis://127.0.0.1:6379';

// ---------------------------------------------------------------- everything to stop at the end

const children = new Set<ChildProcess>();
const servers = new Set<Server>();
const tempDirs = new Set<string>();
const databases = new Set<() => Promise<void>>();

async function cleanup(): Promise<void> {
  await Promise.all([...servers].map((s) => stopServer(s).catch(() => s.child.kill('SIGKILL'))));
  servers.clear();
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children.clear();
  for (const drop of databases)
    await drop().catch((e: unknown) => console.error(`could not drop a bench database: ${e}`));
  databases.clear();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

function forkChild(file: string, profile: string | null = null): Rpc {
  const child = fork(resolve(HERE, 'live', file), [], {
    execArgv: ['--import', 'tsx', ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(child);
  return new Rpc(child);
}

async function stopChild(rpc: Rpc): Promise<void> {
  const { child } = rpc;
  if (child.exitCode !== null || child.signalCode !== null) return void children.delete(child);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.disconnect();
  if ((await Promise.race([exited, sleep(5_000).then(() => 'late' as const)])) === 'late') {
    child.kill('SIGKILL');
    await exited;
  }
  children.delete(child);
}

// ---------------------------------------------------------------- measuring

interface Cores {
  server: number;
  clients: number;
  bench: number;
  /** Other processes. */
  others: number;
  /** Interrupts and soft interrupts (much of loopback TCP), and time stolen by the hypervisor. */
  interrupts: number;
  steal: number;
  seconds: number;
}

/** CPU used between start and stop, in cores: the server(s), the clients' process(es), this one, the rest. */
function cpuMeter(serverPids: number[], clientPids: number[]): { stop(): Cores } {
  const ticks = (pids: number[]) => pids.reduce((sum, pid) => sum + (procStats(pid)?.cpuTicks ?? 0), 0);
  const s0 = ticks(serverPids);
  const c0 = ticks(clientPids);
  const m0 = machineTicks();
  const b0 = process.cpuUsage();
  const t0 = nowMs();
  return {
    stop() {
      const seconds = (nowMs() - t0) / 1000;
      // /proc counts in USER_HZ, 100 a second on Linux.
      const server = (ticks(serverPids) - s0) / 100 / seconds;
      const clients = (ticks(clientPids) - c0) / 100 / seconds;
      const b = process.cpuUsage(b0);
      const bench = (b.user + b.system) / 1e6 / seconds;
      const m = machineTicks();
      const cores = (ticks: number) => ticks / 100 / seconds;
      return {
        server,
        clients,
        bench,
        others: Math.max(0, cores(m.processes - m0.processes) - server - clients - bench),
        interrupts: cores(m.interrupts - m0.interrupts),
        steal: cores(m.steal - m0.steal),
        seconds,
      };
    },
  };
}

/** A steady reading of a process's RSS: the median of five samples over half a second. */
async function settledRssKb(pid: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    samples.push(procStats(pid)?.rssKb ?? 0);
    await sleep(100);
  }
  return samples.sort((a, b) => a - b)[2] ?? 0;
}

// ---------------------------------------------------------------- the clients, in their own process(es)

class ClientPool {
  readonly rpcs: Rpc[];
  constructor(procs: number) {
    this.rpcs = Array.from({ length: procs }, () => forkChild('clients.ts'));
  }
  get pids(): number[] {
    return this.rpcs.map((r) => r.child.pid ?? 0);
  }
  /** Opens the streams, a share in each client process, and says how that went. */
  async connect(targets: Target[]): Promise<void> {
    const shares = this.rpcs.map((_, p) => targets.filter((_t, i) => i % this.rpcs.length === p));
    const replies = await Promise.all(
      this.rpcs.map((rpc, p) =>
        rpc.call<ConnectReply>(
          {
            cmd: 'connect',
            targets: shares[p] ?? [],
            concurrency: Math.ceil(CONNECT_CONCURRENCY / this.rpcs.length),
            timeoutMs: 30_000,
          },
          300_000,
        ),
      ),
    );
    const ready = replies.reduce((s, r) => s + r.ready, 0);
    const failed = replies.reduce((s, r) => s + r.failed, 0);
    const seconds = Math.max(...replies.map((r) => r.ms)) / 1000;
    const errors = replies.flatMap((r) => r.errors).join('; ');
    console.log(
      `  ${ready}/${targets.length} streams ready in ${seconds.toFixed(1)} s${failed ? `, ${failed} failed: ${errors}` : ''}`,
    );
  }
  async start(phase: number): Promise<void> {
    await Promise.all(this.rpcs.map((rpc) => rpc.call({ cmd: 'start', phase }, 10_000)));
  }
  async collect(phase: number, sent: number, failed: number[]): Promise<PhaseStats & { hist: Histogram }> {
    const all = await Promise.all(
      this.rpcs.map((rpc) =>
        rpc.call<PhaseStats>({ cmd: 'collect', phase, sent, failed, waitMs: DRAIN_MS }, DRAIN_MS + 120_000),
      ),
    );
    const hist = new Histogram();
    const closes: Record<string, number> = {};
    for (const s of all) {
      hist.merge(s.latency);
      for (const [code, n] of Object.entries(s.closes)) closes[code] = (closes[code] ?? 0) + n;
    }
    const sum = (f: (s: PhaseStats) => number) => all.reduce((a, s) => a + f(s), 0);
    const finite = (xs: number[]) => xs.filter(Number.isFinite);
    return {
      deliveries: sum((s) => s.deliveries),
      duplicates: sum((s) => s.duplicates),
      outOfOrder: sum((s) => s.outOfOrder),
      missing: sum((s) => s.missing),
      lastAt: Math.max(...finite(all.map((s) => s.lastAt))),
      latency: hist.toJSON(),
      hist,
      medianBytes: all[0]?.medianBytes ?? 0,
      closes,
      loopDelayP99Ms: Math.max(...all.map((s) => s.loopDelayP99Ms)),
      loopDelayMaxMs: Math.max(...all.map((s) => s.loopDelayMaxMs)),
    };
  }
  async close(): Promise<void> {
    await Promise.all(this.rpcs.map((rpc) => rpc.call({ cmd: 'close' }, 30_000).catch(() => {})));
    await Promise.all(this.rpcs.map(stopChild));
  }
}

// ---------------------------------------------------------------- the writers (HTTP posts)

const FILLER =
  'Returns went up after the supplier change; the chest seam grading differs between the two batches and ' +
  'the membrane supplier changed in March, so the size charts no longer match what customers expect. ';

function noteBody(phase: number, n: number, sentAt: number): string {
  const head = `${marker(phase, n, sentAt)} `;
  return head + FILLER.repeat(Math.ceil(BODY / FILLER.length)).slice(0, Math.max(1, BODY - head.length));
}

interface WriteResult {
  sent: number;
  /** Notes not known to be stored: refused, failed or unanswered posts. */
  failed: number[];
  /** Posts not started because too many were still in flight. */
  notSent: number;
  statuses: Record<string, number>;
  post: Histogram;
  startedAt: number;
  seconds: number;
}

class Writers {
  private phase = 0;
  constructor(
    private readonly bases: string[],
    private readonly inquiryId: string,
    private readonly cookies: string[],
  ) {}

  private async post(n: number, result: WriteResult): Promise<void> {
    const cookie = this.cookies[n % this.cookies.length] ?? '';
    const base = this.bases[n % this.bases.length] ?? '';
    const sentAt = nowMs();
    const body = JSON.stringify({
      kind: CONTRIBUTION_KINDS[n % CONTRIBUTION_KINDS.length],
      body: noteBody(this.phase, n, sentAt),
    });
    let status = 'error';
    try {
      const res = await fetch(`${base}/api/inquiries/${this.inquiryId}/contributions`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(POST_TIMEOUT_MS),
      });
      await res.arrayBuffer();
      status = String(res.status);
    } catch (error) {
      // Timed out: the note may still be stored and delivered later; it is left out of "missing".
      status = (error as Error).name === 'TimeoutError' ? 'unanswered' : 'error';
    }
    result.post.record(nowMs() - sentAt);
    result.statuses[status] = (result.statuses[status] ?? 0) + 1;
    if (status !== '201') result.failed.push(n);
  }

  private fresh(phase: number): WriteResult {
    this.phase = phase;
    return {
      sent: 0,
      failed: [],
      notSent: 0,
      statuses: {},
      post: new Histogram(),
      startedAt: nowMs(),
      seconds: 0,
    };
  }

  /** Posts at `rate` a second for `seconds`, on schedule whether or not earlier posts were answered. */
  async steady(phase: number, rate: number, seconds: number): Promise<WriteResult> {
    const result = this.fresh(phase);
    const total = Math.round(rate * seconds);
    const inFlight = new Set<Promise<void>>();
    for (let n = 0; n < total; n++) {
      const wait = result.startedAt + (n * 1000) / rate - nowMs();
      if (wait > 0) await sleep(wait);
      result.sent++;
      if (inFlight.size >= MAX_IN_FLIGHT) {
        result.notSent++;
        result.failed.push(n);
        continue;
      }
      const p = this.post(n, result).finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
    await Promise.all(inFlight);
    result.seconds = (nowMs() - result.startedAt) / 1000;
    return result;
  }

  /** `width` writers post back to back for `seconds`: as many notes as the server takes. */
  async flat(phase: number, width: number, seconds: number): Promise<WriteResult> {
    const result = this.fresh(phase);
    const until = result.startedAt + seconds * 1000;
    const writer = async () => {
      while (nowMs() < until && result.sent < MAX_FLAT_POSTS) await this.post(result.sent++, result);
    };
    await Promise.all(Array.from({ length: width }, writer));
    result.seconds = (nowMs() - result.startedAt) / 1000;
    return result;
  }
}

// ---------------------------------------------------------------- one scenario

interface Row {
  label: string;
  sent: number;
  failed: number;
  /** Of the failed, posts that got no answer in time (the note may still have been stored). */
  unanswered: number;
  deliveries: number;
  expected: number;
  /** Deliveries per second, from the first send to the last delivery. */
  deliveredPerSec: number;
  p50: number;
  p99: number;
  max: number;
  missing: number;
  duplicates: number;
  outOfOrder: number;
  postP99: number;
  /** Server CPU time per event delivered to everyone (all instances together). */
  serverMsPerEvent: number;
  /** Deliveries per second of server CPU: the efficiency, less sensitive to other load than delivered/s. */
  perCpuSecond: number;
  peakRssKb: number;
  cpu: Cores;
  clientLoopP99: number;
  closes: Record<string, number>;
  bytes: number;
}

interface Memory {
  baselineKb: number;
  withClientsKb: number;
  peakKb: number;
  perClientKb: number;
}

interface Side {
  rows: Row[];
  memory: Memory;
  flat: Row | null;
  steady: Map<number, Row>;
}

interface Scenario {
  clients: number;
  instances: number;
  db: string;
  /** Load average and the busiest other processes just before the scenario. */
  machine: string;
  colearn: Side;
  ceiling: Side;
  ceilingReused: boolean;
}

let nextPhase = 1;

function toRow(
  label: string,
  stats: PhaseStats & { hist: Histogram },
  w: {
    sent: number;
    failed: number;
    unanswered: number;
    startedAt: number;
    seconds: number;
    postP99: number;
  },
  clients: number,
  peakRssKb: number,
  cpu: Cores,
): Row {
  const window = (stats.lastAt - w.startedAt) / 1000;
  return {
    label,
    sent: w.sent,
    failed: w.failed,
    unanswered: w.unanswered,
    deliveries: stats.deliveries,
    expected: (w.sent - w.failed) * clients,
    deliveredPerSec: window > 0 ? stats.deliveries / window : Number.NaN,
    p50: stats.hist.percentile(50),
    p99: stats.hist.percentile(99),
    max: stats.hist.max,
    missing: stats.missing,
    duplicates: stats.duplicates,
    outOfOrder: stats.outOfOrder,
    postP99: w.postP99,
    serverMsPerEvent: (cpu.server * cpu.seconds * 1000) / Math.max(1, w.sent - w.failed),
    perCpuSecond: stats.deliveries / (cpu.server * cpu.seconds),
    peakRssKb,
    cpu,
    clientLoopP99: stats.loopDelayP99Ms,
    closes: stats.closes,
    bytes: stats.medianBytes,
  };
}

async function colearnSide(clients: number, instances: number, pg: string | null): Promise<Side> {
  const started: Server[] = [];
  const dataDirs: string[] = [];
  for (let i = 0; i < instances; i++) {
    const dataDir = mkdtempSync(resolve(tmpdir(), 'colearn-bench-live-'));
    tempDirs.add(dataDir);
    dataDirs.push(dataDir);
    const server = await startServer(dataDir, pg, profileDir);
    servers.add(server);
    started.push(server);
  }
  const pids = started.map((s) => s.child.pid ?? 0);
  const watches = pids.map((pid) => new MemoryWatch(pid));
  const bases = started.map((s) => s.base);
  try {
    const kinds = CONTRIBUTION_KINDS;
    const seeded = await seed(bases[0] ?? '', { writers: WRITERS, readers: READERS }, (i) => ({
      kind: kinds[i % kinds.length] ?? 'idea',
      body: `Warm-up note from writer ${i}.`,
    }));
    console.log(
      `  seeded ${WRITERS} writer + ${READERS} reader accounts, 1 inquiry, in ${seeded.seconds.toFixed(1)} s`,
    );
    await sleep(1_000);
    const baselineKb = (await Promise.all(pids.map(settledRssKb))).reduce((a, b) => a + b, 0);

    const pool = new ClientPool(CLIENT_PROCS);
    try {
      const targets: Target[] = Array.from({ length: clients }, (_, i) => ({
        url: `${(bases[i % bases.length] ?? '').replace('http', 'ws')}/api/inquiries/${seeded.inquiryId}/live?since=${seeded.lastSeq}`,
        cookie: seeded.readers[i % seeded.readers.length] ?? null,
      }));
      await pool.connect(targets);
      await sleep(2_000); // presence batches settle
      const withClientsKb = (await Promise.all(pids.map(settledRssKb))).reduce((a, b) => a + b, 0);
      for (const w of watches) w.window();

      const writers = new Writers(bases, seeded.inquiryId, seeded.writers);
      const rows: Row[] = [];
      const steady = new Map<number, Row>();
      const measure = async (label: string, write: (phase: number) => Promise<WriteResult>): Promise<Row> => {
        const phase = nextPhase++;
        await pool.start(phase);
        const cpu = cpuMeter(pids, pool.pids);
        const w = await write(phase);
        const stats = await pool.collect(phase, w.sent, w.failed);
        const cores = cpu.stop();
        const peak = watches.reduce((sum, watch) => sum + watch.window(), 0);
        const row = toRow(
          label,
          stats,
          {
            ...w,
            failed: w.failed.length,
            unanswered: w.statuses.unanswered ?? 0,
            postP99: w.post.percentile(99),
          },
          clients,
          peak,
          cores,
        );
        const statusNote = Object.entries(w.statuses)
          .filter(([s]) => s !== '201')
          .map(([s, n]) => `${n}×${s}`)
          .join(', ');
        console.log(
          `  ${label}: ${fmt(row.deliveredPerSec)} deliveries/s, p50 ${fmt(row.p50, 1)} ms, p99 ${fmt(row.p99, 1)} ms` +
            `, post p50 ${fmt(w.post.percentile(50), 1)} / p99 ${fmt(row.postP99, 1)} ms` +
            (statusNote ? `, failed posts: ${statusNote}` : '') +
            (w.notSent ? `, ${w.notSent} not sent (too many in flight)` : ''),
        );
        return row;
      };
      const first = RATES[0] ?? 50;
      if (WARMUP > 0) await measure(`warm-up, ${first} notes/s`, (p) => writers.steady(p, first, WARMUP));
      for (const rate of RATES) {
        const row = await measure(`Colearn, ${rate} notes/s`, (p) => writers.steady(p, rate, DURATION));
        rows.push(row);
        steady.set(rate, row);
      }
      const flat =
        FLAT_DURATION > 0
          ? await measure(`Colearn, flat out (${FLAT_WRITERS} writers)`, (p) =>
              writers.flat(p, FLAT_WRITERS, FLAT_DURATION),
            )
          : null;
      if (flat) rows.push(flat);
      const peakKb = Math.max(...rows.map((r) => r.peakRssKb));
      return {
        rows,
        steady,
        flat,
        memory: { baselineKb, withClientsKb, peakKb, perClientKb: (withClientsKb - baselineKb) / clients },
      };
    } finally {
      await pool.close();
    }
  } finally {
    for (const w of watches) w.stop();
    for (const s of started) {
      await stopServer(s);
      servers.delete(s);
    }
    // The scenario's data directories go as soon as its servers have stopped, not at the end of the run.
    for (const dir of dataDirs) {
      rmSync(dir, { recursive: true, force: true });
      tempDirs.delete(dir);
    }
  }
}

async function ceilingSide(clients: number, bytes: number): Promise<Side> {
  const raw = forkChild('raw-server.ts', profileDir && resolve(profileDir, 'raw-ws'));
  const pid = raw.child.pid ?? 0;
  const watch = new MemoryWatch(pid);
  try {
    const { port } = await raw.call<{ port: number }>({ cmd: 'listen' }, 30_000);
    await sleep(1_000);
    const baselineKb = await settledRssKb(pid);
    const pool = new ClientPool(CLIENT_PROCS);
    try {
      await pool.connect(
        Array.from({ length: clients }, () => ({ url: `ws://127.0.0.1:${port}/`, cookie: null })),
      );
      await sleep(2_000);
      const withClientsKb = await settledRssKb(pid);
      watch.window();
      const rows: Row[] = [];
      const steady = new Map<number, Row>();
      const measure = async (label: string, send: (phase: number) => Promise<RawSendReply>): Promise<Row> => {
        const phase = nextPhase++;
        await pool.start(phase);
        const cpu = cpuMeter([pid], pool.pids);
        const startedAt = nowMs();
        const sent = await send(phase);
        const stats = await pool.collect(phase, sent.sent, []);
        const row = toRow(
          label,
          stats,
          {
            sent: sent.sent,
            failed: 0,
            unanswered: 0,
            startedAt,
            seconds: sent.seconds,
            postP99: Number.NaN,
          },
          clients,
          watch.window(),
          cpu.stop(),
        );
        console.log(
          `  ${label}: ${fmt(row.deliveredPerSec)} deliveries/s, p50 ${fmt(row.p50, 1)} ms, p99 ${fmt(row.p99, 1)} ms` +
            (sent.pauses ? ` (${sent.pauses} pauses for full client buffers)` : ''),
        );
        return row;
      };
      const timeout = (s: number) => (s + 60) * 1000;
      const steadily = (rate: number, seconds: number) => (phase: number) =>
        raw.call<RawSendReply>({ cmd: 'steady', phase, rate, seconds, bytes }, timeout(seconds));
      const first = RATES[0] ?? 50;
      if (WARMUP > 0) await measure(`warm-up, ${first} events/s`, steadily(first, WARMUP));
      for (const rate of RATES) {
        const row = await measure(`raw ws, ${rate} events/s`, steadily(rate, DURATION));
        rows.push(row);
        steady.set(rate, row);
      }
      const flat =
        FLAT_DURATION > 0
          ? await measure('raw ws, flat out', (phase) =>
              raw.call(
                { cmd: 'flat', phase, seconds: FLAT_DURATION, bytes, maxBufferedBytes: RAW_MAX_BUFFERED },
                timeout(FLAT_DURATION),
              ),
            )
          : null;
      if (flat) rows.push(flat);
      const peakKb = Math.max(...rows.map((r) => r.peakRssKb));
      return {
        rows,
        steady,
        flat,
        memory: { baselineKb, withClientsKb, peakKb, perClientKb: (withClientsKb - baselineKb) / clients },
      };
    } finally {
      await pool.close();
    }
  } finally {
    watch.stop();
    await stopChild(raw);
  }
}

// ---------------------------------------------------------------- report

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const mb = (kb: number) => fmt(kb / 1024, 1);
const pct = (n: number) => `${fmt(n * 100)}%`;

function table(header: string[], lines: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const show = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [show(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(show)].join('\n');
}

function report(s: Scenario): void {
  const where = s.instances === 1 ? '1 instance' : `${s.instances} instances + Redis`;
  console.log(`\n=== ${s.clients} clients, ${where}, ${s.db}`);
  console.log(`  ${s.machine}`);
  const rows = [...s.colearn.rows, ...s.ceiling.rows];
  console.log(
    table(
      [
        'run',
        'events',
        'deliveries',
        'delivered/s',
        'p50 ms',
        'p99 ms',
        'max ms',
        'missing',
        'dup',
        'order',
        'post p99',
        'srv ms/event',
        'deliv/CPU-s',
        'peak RSS MB',
        'CPU srv/cli/bench/other/irq',
        'cli lag p99',
        'bytes',
      ],
      rows.map((r) => [
        r.label,
        `${r.sent - r.failed}${r.failed ? ` (+${r.failed} failed, ${r.unanswered} of them unanswered)` : ''}`,
        `${r.deliveries}/${r.expected}`,
        fmt(r.deliveredPerSec),
        fmt(r.p50, 1),
        fmt(r.p99, 1),
        fmt(r.max, 0),
        String(r.missing),
        String(r.duplicates),
        String(r.outOfOrder),
        fmt(r.postP99, 1),
        fmt(r.serverMsPerEvent, 2),
        fmt(r.perCpuSecond),
        mb(r.peakRssKb),
        [r.cpu.server, r.cpu.clients, r.cpu.bench, r.cpu.others, r.cpu.interrupts].map(pct).join('/'),
        fmt(r.clientLoopP99, 1),
        String(r.bytes),
      ]),
    ),
  );
  const shared = rows.filter((r) => r.cpu.others + r.cpu.steal >= 0.25);
  if (shared.length > 0)
    console.log(
      `  shared machine: other processes (and hypervisor steal) took ${shared.map((r) => `${fmt(r.cpu.others, 2)} (${fmt(r.cpu.steal, 2)}) cores during "${r.label}"`).join(', ')}`,
    );
  const closes = rows.filter((r) => Object.keys(r.closes).length > 0);
  for (const r of closes) console.log(`  sockets closed during "${r.label}": ${JSON.stringify(r.closes)}`);
  const m = (side: Side) =>
    `baseline ${mb(side.memory.baselineKb)} MB, with ${s.clients} clients ${mb(side.memory.withClientsKb)} MB ` +
    `→ ${fmt(side.memory.perClientKb, 1)} KB per client; peak under load ${mb(side.memory.peakKb)} MB`;
  console.log(
    `  memory, Colearn${s.instances > 1 ? ` (sum of ${s.instances} instances)` : ''}: ${m(s.colearn)}`,
  );
  console.log(`  memory, raw ws: ${m(s.ceiling)}`);
  if (s.ceilingReused)
    console.log('  (raw ws rows reused from the one-instance run with the same clients above)');
}

function targets(all: Scenario[]): void {
  const mark = (met: boolean | null) => (met === null ? 'not measured' : met ? 'met' : 'NOT met');
  console.log('\ntargets (stated for 1,000 clients on one instance; other scenarios shown for comparison)');
  for (const s of all) {
    const where = s.instances === 1 ? '1 instance' : `${s.instances} instances`;
    const at50 = s.colearn.steady.get(50);
    const ratio =
      s.colearn.flat && s.ceiling.flat
        ? s.colearn.flat.deliveredPerSec / s.ceiling.flat.deliveredPerSec
        : null;
    const lost = s.colearn.rows.reduce((a, r) => a + r.missing + r.duplicates + r.outOfOrder, 0);
    console.log(
      `  ${s.clients} clients, ${where}${s.clients === 1000 && s.instances === 1 ? '  ← the target' : ''}`,
    );
    console.log(
      `    p99 post-to-delivery ≤ 100 ms at 50 notes/s : ${at50 ? `${fmt(at50.p99, 1)} ms` : '—'}  ${mark(at50 ? at50.p99 <= 100 : null)}`,
    );
    console.log(
      `    flat-out delivered/s ≥ 50% of raw ws flat-out: ${
        ratio === null
          ? '—'
          : `${fmt(s.colearn.flat?.deliveredPerSec ?? Number.NaN)} vs ${fmt(s.ceiling.flat?.deliveredPerSec ?? Number.NaN)} = ${fmt(ratio * 100, 1)}%`
      }  ${mark(ratio === null ? null : ratio >= 0.5)}`,
    );
    const colearnCpu = s.colearn.flat?.perCpuSecond ?? Number.NaN;
    const rawCpu = s.ceiling.flat?.perCpuSecond ?? Number.NaN;
    console.log(
      `      per second of server CPU (less sensitive to other load): ${fmt(colearnCpu)} vs ${fmt(rawCpu)} = ${fmt((colearnCpu / rawCpu) * 100, 1)}%`,
    );
    console.log(
      `    server memory ≤ 100 KB per connected client  : ${fmt(s.colearn.memory.perClientKb, 1)} KB  ${mark(s.colearn.memory.perClientKb <= 100)}`,
    );
    console.log(`    no missing or duplicate deliveries           : ${lost} ${mark(lost === 0)}`);
  }
}

// ---------------------------------------------------------------- main

/** Waits up to --quiet-wait seconds for other processes to use under a third of a core, then says who is busy. */
async function describeMachine(): Promise<string> {
  const until = nowMs() + QUIET_WAIT * 1000;
  let others = await busyOthers();
  for (let i = 0; i < 600 && nowMs() < until && others.reduce((a, o) => a + o.cores, 0) >= 0.33; i++)
    others = await busyOthers();
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const list = others.map((o) => `${o.cores.toFixed(2)} ${o.cmd}`).join('; ');
  return `before: load average ${load}; other busy processes (cores): ${list || 'none'}`;
}

/** Null when Redis answers a PING; otherwise why the several-instance scenarios cannot run. */
async function redisUnavailable(): Promise<string | null> {
  const client = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 2_000,
    retryStrategy: () => null,
  });
  try {
    await client.connect();
    await client.ping();
    return null;
  } catch (error) {
    return `Redis is not reachable at ${REDIS_URL}: ${(error as Error).message}`;
  } finally {
    client.disconnect();
  }
}

/** A fresh PostgreSQL database for the several-instance scenarios, or why they cannot run. */
async function sharedDatabase(): Promise<{ url: string } | string> {
  const redis = await redisUnavailable();
  if (redis) return redis;
  try {
    const database = await createBenchDatabase();
    databases.add(database.drop);
    return database;
  } catch (error) {
    return `PostgreSQL is not reachable: ${(error as Error).message}`;
  }
}

const profileDir = args['cpu-prof'] ? mkdtempSync(resolve(tmpdir(), 'colearn-bench-live-profile-')) : null;

async function main(): Promise<void> {
  // Ctrl-C reaches this process twice (from the terminal and relayed by tsx): clean up once, and let
  // neither signal cut the clean-up short.
  let stopping = false;
  const interrupted = () => {
    if (stopping) return;
    stopping = true;
    void cleanup().finally(() => process.exit(130));
  };
  process.on('SIGINT', interrupted);
  process.on('SIGTERM', interrupted);
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const conditions =
    `${cpus().length} cores (load average before the run: ${load}), node ${process.version}; ` +
    `server: ${process.env.BENCH_SOURCE === '1' ? 'node --import tsx server/main.ts' : 'node dist-server/main.js (as npm start)'}, NODE_ENV=production, LOG_LEVEL=warn; ` +
    `clients: ${CLIENT_PROCS} child process(es) of their own (ws package, no compression); ` +
    `writers: HTTP posts from the bench process, ${WRITERS} writer accounts, notes of ${BODY} characters; ` +
    `readers share ${READERS} accounts (each WebSocket is its own connection, whoever it belongs to); ` +
    `up to ${QUIET_WAIT} s of waiting for other load to calm before each scenario; steady phases ${DURATION} s at ${RATES.join(', ')} notes/s after ${WARMUP} s of warm-up; flat out ${FLAT_DURATION} s with ${FLAT_WRITERS} ` +
    'writers back to back; raw ws: a plain WebSocketServer in a child process broadcasting the same byte size.';
  console.log(conditions);
  const results: Scenario[] = [];
  const ceilings = new Map<number, Side>();
  try {
    for (const instances of INSTANCES) {
      for (const clients of CLIENTS) {
        let pg: string | null = null;
        let db = 'SQLite (temp DATA_DIR)';
        if (instances > 1) {
          const database = await sharedDatabase();
          if (typeof database === 'string') {
            console.log(`\n--- ${clients} clients, ${instances} instances: skipped (${database})`);
            continue;
          }
          pg = database.url;
          db = `PostgreSQL (fresh ${new URL(pg).pathname.slice(1)}), REDIS_URL=${REDIS_URL}`;
          process.env.REDIS_URL = REDIS_URL;
        }
        console.log(`\n--- ${clients} clients, ${instances} instance(s), ${db}`);
        const machine = await describeMachine();
        console.log(`  ${machine}`);
        try {
          const side = await colearnSide(clients, instances, pg);
          const bytes = side.rows[0]?.bytes || 600;
          let ceiling = ceilings.get(clients);
          const reused =
            ceiling !== undefined && Math.abs((ceiling.rows[0]?.bytes ?? 0) - bytes) <= bytes * 0.05;
          if (!ceiling || !reused) {
            console.log(`  raw ws ceiling, ${clients} clients, ${bytes}-byte frames:`);
            ceiling = await ceilingSide(clients, bytes);
            ceilings.set(clients, ceiling);
          }
          results.push({ clients, instances, db, machine, colearn: side, ceiling, ceilingReused: reused });
        } finally {
          delete process.env.REDIS_URL;
          if (instances > 1) {
            for (const drop of databases)
              await drop().catch((e: unknown) => console.error(`drop failed: ${e}`));
            databases.clear();
          }
        }
      }
    }
    console.log(`\n${conditions}`);
    for (const s of results) report(s);
    targets(results);
    console.log(
      '\n"delivered/s" counts (event, client) deliveries per second from the first send to the last delivery; ' +
        "latency is from just before the HTTP post (Colearn) or the broadcast call (raw ws) to the client's " +
        '"message" event, on the machine\'s monotonic clock. "dup" counts duplicate deliveries, "order" deliveries whose seq was not above the previous one. ' +
        '"srv ms/event" is server CPU time per event (all instances). CPU "other" is every other process (PostgreSQL and Redis included, in the two-instance runs), "irq" interrupts and soft interrupts. "cli lag p99" is the clients\' event-loop delay: high values mean the client side is the bottleneck.',
    );
  } finally {
    await cleanup();
    if (profileDir) console.log(`\nCPU profiles of the server(s) written to ${profileDir}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
