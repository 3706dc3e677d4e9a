// Who else is using the machine: on a shared two-core box the other processes' load changes every figure,
// so the benchmark names the busiest ones next to its results. Reads /proc only.

import { readdirSync, readFileSync } from 'node:fs';

function cpuTicksByPid(): Map<number, number> {
  const ticks = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    } catch {
      // gone meanwhile
    }
  }
  return ticks;
}

function commandOf(pid: number): string {
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
    // Kernel threads have no command line: their name, in brackets, as ps shows them.
    if (!cmd) return `[${readFileSync(`/proc/${pid}/comm`, 'utf8').trim()}]`;
    return cmd.replace(/\S*\/node_modules\//g, '').slice(0, 70);
  } catch {
    return '?';
  }
}

/** The processes (not this one) that used more than `minCores` over `ms`, busiest first. */
export async function busyOthers(
  ms = 1_000,
  minCores = 0.1,
): Promise<{ pid: number; cores: number; cmd: string }[]> {
  const before = cpuTicksByPid();
  await new Promise((r) => setTimeout(r, ms));
  const after = cpuTicksByPid();
  const busy: { pid: number; cores: number; cmd: string }[] = [];
  for (const [pid, t] of after) {
    if (pid === process.pid) continue;
    const cores = (t - (before.get(pid) ?? t)) / 100 / (ms / 1000);
    if (cores >= minCores) busy.push({ pid, cores, cmd: commandOf(pid) });
  }
  return busy.sort((a, b) => b.cores - a.cores).slice(0, 6);
}
