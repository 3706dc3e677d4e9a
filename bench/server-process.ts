// The server under load as a child process: start it on a free loopback port, watch its memory and CPU
// through /proc, stop it; and a throw-away PostgreSQL database for a run. Used by bench/api.ts.

import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import pg from 'pg';
import { buildServerIfStale } from '../scripts/build-server.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
const PG_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

// ---------------------------------------------------------------- the server, its memory and CPU

export interface ProcStats {
  rssKb: number;
  hwmKb: number;
  cpuTicks: number;
}

export function procStats(pid: number): ProcStats | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    // utime and stime are fields 14 and 15; the command name before them may contain spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { rssKb: kb('VmRSS'), hwmKb: kb('VmHWM'), cpuTicks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

/** Busy and total CPU ticks of the whole machine, to tell how much of it other processes took. */
export function machineTicks(): { busy: number; total: number } {
  const cpu =
    readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
  const total = cpu.reduce((a, b) => a + b, 0);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  return { busy: total - idle, total };
}

/** CPU ticks of each of these processes (PostgreSQL backends); ended ones are left out. */
export function processTicks(pids: readonly number[]): Map<number, number> {
  const ticks = new Map<number, number>();
  for (const pid of pids) {
    const stats = procStats(pid);
    if (stats) ticks.set(pid, stats.cpuTicks);
  }
  return ticks;
}

/** Ticks spent between two readings; a backend that started in between counts from zero. */
export function ticksBetween(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, ticks] of after) sum += ticks - (before.get(pid) ?? 0);
  return sum;
}

/** Samples the server's RSS every 100 ms; `window()` gives the peak since the last call. */
export class MemoryWatch {
  private timer: NodeJS.Timeout;
  private peakKb = 0;
  overallPeakKb = 0;
  constructor(private readonly pid: number) {
    this.timer = setInterval(() => this.sample(), 100);
    this.timer.unref();
  }
  private sample(): void {
    const s = procStats(this.pid);
    if (!s) return;
    this.peakKb = Math.max(this.peakKb, s.rssKb);
    this.overallPeakKb = Math.max(this.overallPeakKb, s.rssKb, s.hwmKb);
  }
  window(): number {
    this.sample();
    const peak = this.peakKb;
    this.peakKb = 0;
    return peak;
  }
  stop(): void {
    clearInterval(this.timer);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface Server {
  child: ChildProcess;
  base: string;
  output: string[];
}

export async function startServer(
  dataDir: string,
  databaseUrl: string | null,
  profileDir: string | null,
): Promise<Server> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
  };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  // What `npm start` runs: the compiled server (compiled first if stale); BENCH_SOURCE=1 runs the
  // TypeScript sources through tsx instead, as `npm run dev` and the tests do.
  const source = process.env.BENCH_SOURCE === '1';
  const nodeArgs = source ? ['--import', 'tsx'] : [];
  if (profileDir) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${profileDir}`);
  const entry = source ? resolve(ROOT, 'server/main.ts') : await buildServerIfStale();
  const child = spawn(process.execPath, [...nodeArgs, entry], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString().split('\n').filter(Boolean));
    output.splice(0, Math.max(0, output.length - 50));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, base, output };
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not start:\n${output.join('\n')}`);
}

export async function stopServer(server: Server): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timeout = sleep(10_000).then(() => 'timeout' as const);
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

// ---------------------------------------------------------------- PostgreSQL: a fresh database per run

export function assertLoopback(url: string): void {
  if (!LOOPBACK.has(new URL(url).hostname))
    throw new Error(`refusing a non-loopback database: ${new URL(url).hostname}`);
}

export interface BenchDatabase {
  url: string;
  /** The PostgreSQL backends serving this database now, to count the database's CPU. */
  backendPids(): Promise<number[]>;
  /** Gathers planner statistics, as autovacuum does within a minute or so of a bulk load. */
  analyze(): Promise<void>;
  drop(): Promise<void>;
}

export async function createBenchDatabase(): Promise<BenchDatabase> {
  const name = `colearn_bench_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    backendPids: async () => {
      const client = new pg.Client({ connectionString: PG_ADMIN_URL });
      await client.connect();
      const { rows } = await client.query<{ pid: number }>(
        'SELECT pid FROM pg_stat_activity WHERE datname = $1',
        [name],
      );
      await client.end();
      return rows.map((r) => r.pid);
    },
    analyze: async () => {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      await client.query('ANALYZE');
      await client.end();
    },
    drop: async () => {
      const client = new pg.Client({ connectionString: PG_ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
