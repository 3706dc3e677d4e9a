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

export interface MachineTicks {
  /** Time spent running processes (user, nice, system), every process together. */
  processes: number;
  /** Interrupts and soft interrupts, which loopback TCP traffic is largely made of. */
  interrupts: number;
  /** Time the hypervisor gave to someone else. */
  steal: number;
}

/** The machine's CPU ticks (USER_HZ) from /proc/stat, split by what they were spent on. */
export function machineTicks(): MachineTicks {
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] =
    readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
  return { processes: user + nice + system, interrupts: irq + softirq, steal };
}
