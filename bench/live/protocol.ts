// What the benchmark's processes say to each other: the marker each benchmark event carries (phase,
// number, send time), and the IPC requests between bench/live.ts and its client and ceiling children.

import type { ChildProcess } from 'node:child_process';

// ---------------------------------------------------------------- the marker inside every payload

const MARK = 'BENCH#';
const MARK_BYTES = Buffer.from(MARK);
const HASH = 0x23;

/** `BENCH#<phase>#<n>#<send time, monotonic ms>#`: a note body or raw payload starts with this. */
export const marker = (phase: number, n: number, sentAt: number): string =>
  `${MARK}${phase}#${n}#${sentAt.toFixed(3)}#`;

export interface Marked {
  phase: number;
  n: number;
  sentAt: number;
}

/** Finds the marker in a received frame without parsing the JSON around it (the same cost for both servers). */
export function readMarker(frame: Buffer, into: Marked): boolean {
  const at = frame.indexOf(MARK_BYTES);
  if (at < 0) return false;
  let i = at + MARK_BYTES.length;
  const fields: number[] = [];
  for (let f = 0; f < 3; f++) {
    const end = frame.indexOf(HASH, i);
    if (end < 0) return false;
    fields.push(Number(frame.toString('latin1', i, end)));
    i = end + 1;
  }
  const [phase, n, sentAt] = fields as [number, number, number];
  if (!Number.isFinite(phase) || !Number.isInteger(n) || !Number.isFinite(sentAt)) return false;
  into.phase = phase;
  into.n = n;
  into.sentAt = sentAt;
  return true;
}

const SEQ_PREFIX = Buffer.from('{"seq":');

/** The `seq` a frame starts with (both servers put it first), or -1. */
export function readSeq(frame: Buffer): number {
  if (frame.compare(SEQ_PREFIX, 0, SEQ_PREFIX.length, 0, SEQ_PREFIX.length) !== 0) return -1;
  let seq = 0;
  let i = SEQ_PREFIX.length;
  for (; i < frame.length && i < SEQ_PREFIX.length + 16; i++) {
    const digit = (frame[i] ?? 0) - 0x30;
    if (digit < 0 || digit > 9) break;
    seq = seq * 10 + digit;
  }
  return i > SEQ_PREFIX.length ? seq : -1;
}

/** The ceiling's payload: shaped like a live event, padded to exactly `bytes` bytes. */
export function rawPayload(phase: number, n: number, sentAt: number, bytes: number): string {
  const head = `{"seq":${n + 1},"type":"contribution.created","at":"${new Date().toISOString()}","data":{"body":"${marker(phase, n, sentAt)} `;
  const tail = '"}}';
  return head + 'x'.repeat(Math.max(0, bytes - head.length - tail.length)) + tail;
}

// ---------------------------------------------------------------- client child

export interface Target {
  url: string;
  cookie: string | null;
}

export interface PhaseStats {
  deliveries: number;
  duplicates: number;
  /** Events whose `seq` was not above the previous one on the same socket (duplicates excluded). */
  outOfOrder: number;
  /** Expected (socket, event) pairs that never arrived before the wait ended. */
  missing: number;
  lastAt: number;
  latency: { counts: number[]; max: number };
  /** The median byte size of the marked frames. */
  medianBytes: number;
  /** Close codes seen during the phase, with counts. */
  closes: Record<string, number>;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

export type ClientRequest =
  | { cmd: 'connect'; targets: Target[]; concurrency: number; timeoutMs: number }
  | { cmd: 'start'; phase: number }
  | { cmd: 'collect'; phase: number; sent: number; failed: number[]; waitMs: number }
  | { cmd: 'close' };

export interface ConnectReply {
  ready: number;
  failed: number;
  errors: string[];
  ms: number;
}

// ---------------------------------------------------------------- ceiling child

export type RawRequest =
  | { cmd: 'listen' }
  | { cmd: 'steady'; phase: number; rate: number; seconds: number; bytes: number }
  | { cmd: 'flat'; phase: number; seconds: number; bytes: number; maxBufferedBytes: number };

export interface RawSendReply {
  sent: number;
  seconds: number;
  /** Times the flat-out sender paused because some client's buffer was full. */
  pauses: number;
}

// ---------------------------------------------------------------- request/response over IPC

type Envelope = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/** The parent's side: one request at a time or many, each answered once, each with a deadline. */
export class Rpc {
  private next = 0;
  private readonly waiting = new Map<number, (e: Envelope) => void>();

  constructor(readonly child: ChildProcess) {
    child.on('message', (m) => {
      const envelope = m as Envelope;
      this.waiting.get(envelope.id)?.(envelope);
    });
    child.once('exit', (code, signal) => {
      for (const [id, done] of this.waiting)
        done({ id, ok: false, error: `child exited (${code ?? signal}) before answering` });
    });
  }

  call<T>(request: ClientRequest | RawRequest, timeoutMs: number): Promise<T> {
    const id = ++this.next;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`${request.cmd}: no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(id, (envelope) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        if (envelope.ok) resolve(envelope.value as T);
        else reject(new Error(`${request.cmd}: ${envelope.error}`));
      });
      this.child.send({ id, request });
    });
  }
}

/** The child's side: answers each request with what `handle` returns or throws. */
export function serve<R>(handle: (request: R) => Promise<unknown>): void {
  process.on('message', (m) => {
    const { id, request } = m as { id: number; request: R };
    handle(request).then(
      (value) => process.send?.({ id, ok: true, value }),
      (error: unknown) => process.send?.({ id, ok: false, error: String(error) }),
    );
  });
  // The parent going away (even killed) ends the child: no orphans.
  process.on('disconnect', () => process.exit(0));
}
