// A child process holding the benchmark's WebSocket clients, so they get their own core and their cost is
// measured apart from the server's. Driven by bench/live.ts over IPC (see protocol.ts). Each client reads
// only the marker in each frame, the same work for the Colearn stream and for the raw ceiling.

import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import { Histogram, nowMs } from './histogram.js';
import {
  type ClientRequest,
  type ConnectReply,
  type Marked,
  type PhaseStats,
  readMarker,
  readSeq,
  serve,
  type Target,
} from './protocol.js';

/** Per-socket cap on the event numbers tracked in a phase (a bit each). */
const MAX_TRACKED = 1 << 22;
const SIZE_SAMPLES = 10_000;

class Client {
  ready = false;
  open = true;
  seen = new Uint8Array(128);
  count = 0;
  lastSeq = -1;
  constructor(readonly socket: WebSocket) {}

  reset(): void {
    this.seen = new Uint8Array(128);
    this.count = 0;
    this.lastSeq = -1;
  }

  /** Records event `n`; false when it had already arrived on this socket. */
  mark(n: number): boolean {
    if (n < 0 || n >= MAX_TRACKED) return true;
    const byte = n >> 3;
    if (byte >= this.seen.length) {
      const grown = new Uint8Array(Math.max(this.seen.length * 2, byte + 1));
      grown.set(this.seen);
      this.seen = grown;
    }
    const bit = 1 << (n & 7);
    const had = ((this.seen[byte] ?? 0) & bit) !== 0;
    this.seen[byte] = (this.seen[byte] ?? 0) | bit;
    return !had;
  }

  has(n: number): boolean {
    return (((this.seen[n >> 3] ?? 0) >> (n & 7)) & 1) === 1;
  }
}

const clients: Client[] = [];
let phase = -1;
let latency = new Histogram();
let stats = emptyStats();
let sizes: number[] = [];
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();

function emptyStats() {
  return {
    deliveries: 0,
    duplicates: 0,
    outOfOrder: 0,
    lastAt: Number.NaN,
    closes: {} as Record<string, number>,
  };
}

const found: Marked = { phase: 0, n: 0, sentAt: 0 };

function onFrame(client: Client, data: WebSocket.RawData): void {
  const at = nowMs();
  const frame = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
  if (!readMarker(frame, found) || found.phase !== phase) {
    if (!client.ready && frame.length < 80 && frame.includes('"ready"')) client.ready = true;
    return;
  }
  stats.deliveries++;
  stats.lastAt = at;
  latency.record(at - found.sentAt);
  if (sizes.length < SIZE_SAMPLES) sizes.push(frame.length);
  const seq = readSeq(frame);
  if (!client.mark(found.n)) stats.duplicates++;
  else {
    client.count++;
    if (seq >= 0 && seq <= client.lastSeq) stats.outOfOrder++;
  }
  client.lastSeq = Math.max(client.lastSeq, seq);
}

function open(target: Target, timeoutMs: number): Promise<Client> {
  const socket = new WebSocket(target.url, {
    headers: target.cookie ? { cookie: target.cookie } : {},
    perMessageDeflate: false,
    handshakeTimeout: timeoutMs,
  });
  const client = new Client(socket);
  socket.on('message', (data) => onFrame(client, data));
  socket.on('close', (code) => {
    client.open = false;
    stats.closes[code] = (stats.closes[code] ?? 0) + 1;
  });
  return new Promise<Client>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('no ready message in time')), timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      socket.terminate();
      reject(error);
    };
    socket.once('unexpected-response', (_req, res) => fail(new Error(`upgrade refused: ${res.statusCode}`)));
    socket.once('error', fail);
    socket.once('close', (code) => fail(new Error(`closed with ${code} before ready`)));
    const check = () => {
      if (!client.ready) return;
      clearTimeout(timer);
      socket.off('message', check);
      socket.removeAllListeners('error');
      socket.on('error', () => {});
      resolve(client);
    };
    socket.on('message', check);
  });
}

async function connect(targets: Target[], concurrency: number, timeoutMs: number): Promise<ConnectReply> {
  const started = nowMs();
  const errors: string[] = [];
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < targets.length) {
      const target = targets[next++];
      if (!target) break;
      try {
        clients.push(await open(target, timeoutMs));
      } catch (error) {
        failed++;
        if (errors.length < 5) errors.push((error as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return { ready: clients.filter((c) => c.open).length, failed, errors, ms: nowMs() - started };
}

async function collect(sent: number, failed: number[], waitMs: number): Promise<PhaseStats> {
  const failedSet = new Set(failed);
  const expected = sent - failedSet.size;
  const deadline = nowMs() + waitMs;
  const waiting = () => clients.some((c) => c.open && c.count < expected);
  while (waiting() && nowMs() < deadline) await new Promise((r) => setTimeout(r, 50));
  let missing = 0;
  for (const client of clients) {
    if (client.count >= expected) continue;
    for (let n = 0; n < sent; n++) if (!failedSet.has(n) && !client.has(n)) missing++;
  }
  sizes.sort((a, b) => a - b);
  const result: PhaseStats = {
    ...stats,
    missing,
    latency: latency.toJSON(),
    medianBytes: sizes[Math.floor(sizes.length / 2)] ?? 0,
    loopDelayP99Ms: loop.percentile(99) / 1e6,
    loopDelayMaxMs: loop.max / 1e6,
  };
  return result;
}

async function closeAll(): Promise<void> {
  const closing = clients.filter((c) => c.open);
  for (const c of closing) c.socket.close(1000, 'bench done');
  const deadline = nowMs() + 10_000;
  while (closing.some((c) => c.open) && nowMs() < deadline) await new Promise((r) => setTimeout(r, 50));
  for (const c of closing) if (c.open) c.socket.terminate();
  clients.length = 0;
}

serve<ClientRequest>(async (request) => {
  switch (request.cmd) {
    case 'connect':
      return connect(request.targets, request.concurrency, request.timeoutMs);
    case 'start':
      phase = request.phase;
      latency = new Histogram();
      stats = emptyStats();
      sizes = [];
      for (const c of clients) c.reset();
      loop.reset();
      return null;
    case 'collect':
      if (request.phase !== phase) throw new Error(`collect for phase ${request.phase}, running ${phase}`);
      return collect(request.sent, request.failed, request.waitMs);
    case 'close':
      return closeAll();
  }
});
