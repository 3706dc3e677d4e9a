// A latency histogram with bounded memory: buckets 1% wide from 0.01 ms to ~10 minutes, so a run of any
// length keeps ~1,800 counters and percentiles come out within 1%. Mergeable across processes.

const MIN_MS = 0.01;
const GROWTH = 1.01;
const BUCKETS = 1_800;
const LOG_GROWTH = Math.log(GROWTH);

export class Histogram {
  readonly counts: number[];
  total = 0;
  max = 0;

  constructor() {
    this.counts = new Array<number>(BUCKETS).fill(0);
  }

  record(ms: number): void {
    const v = Math.max(ms, MIN_MS);
    const i = Math.min(BUCKETS - 1, Math.floor(Math.log(v / MIN_MS) / LOG_GROWTH));
    this.counts[i] = (this.counts[i] ?? 0) + 1;
    this.total++;
    if (ms > this.max) this.max = ms;
  }

  merge(other: { counts: readonly number[]; max: number }): void {
    for (let i = 0; i < BUCKETS; i++) {
      const c = other.counts[i] ?? 0;
      this.counts[i] = (this.counts[i] ?? 0) + c;
      this.total += c;
    }
    this.max = Math.max(this.max, other.max);
  }

  /** The upper edge of the bucket holding the p-th percentile (NaN when empty). */
  percentile(p: number): number {
    if (this.total === 0) return Number.NaN;
    const rank = Math.ceil((p / 100) * this.total);
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i] ?? 0;
      if (seen >= rank) return Math.min(this.max, MIN_MS * GROWTH ** (i + 1));
    }
    return this.max;
  }

  toJSON(): { counts: number[]; max: number } {
    return { counts: this.counts, max: this.max };
  }
}

/** Milliseconds on the machine's monotonic clock (CLOCK_MONOTONIC), the same in every process. */
export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;
