// The ceiling: a plain `ws` WebSocketServer in a child process of its own (like the real server), which
// broadcasts a payload of a given size to every connected client, at a steady rate or flat out. No HTTP
// request, no database, no per-recipient presentation: what the machine can do at best.

import { setImmediate as yieldToIo } from 'node:timers/promises';
import { WebSocketServer } from 'ws';
import { nowMs } from './histogram.js';
import { type RawRequest, type RawSendReply, rawPayload, serve } from './protocol.js';

const MAX_EVENTS = 10_000_000;
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
wss.on('connection', (socket) => {
  socket.on('error', () => {});
  socket.send(JSON.stringify({ type: 'ready', seq: 0 }));
});
const listening = new Promise<void>((resolve) => wss.once('listening', resolve));

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function broadcast(payload: string): void {
  for (const socket of wss.clients) if (socket.readyState === socket.OPEN) socket.send(payload);
}

async function steady(phase: number, rate: number, seconds: number, bytes: number): Promise<RawSendReply> {
  const total = Math.min(MAX_EVENTS, Math.round(rate * seconds));
  const started = nowMs();
  for (let n = 0; n < total; n++) {
    const due = started + (n * 1000) / rate;
    const wait = due - nowMs();
    if (wait > 0) await sleep(wait);
    broadcast(rawPayload(phase, n, nowMs(), bytes));
  }
  return { sent: total, seconds: (nowMs() - started) / 1000, pauses: 0 };
}

/** As fast as the clients take it: a client whose buffer passes the bound pauses the sender. */
async function flat(
  phase: number,
  seconds: number,
  bytes: number,
  maxBuffered: number,
): Promise<RawSendReply> {
  const started = nowMs();
  const until = started + seconds * 1000;
  let n = 0;
  let pauses = 0;
  const backlogged = () => {
    for (const socket of wss.clients) if (socket.bufferedAmount > maxBuffered) return true;
    return false;
  };
  while (n < MAX_EVENTS && nowMs() < until) {
    broadcast(rawPayload(phase, n++, nowMs(), bytes));
    if (backlogged()) {
      pauses++;
      while (backlogged() && nowMs() < until + 5_000) await sleep(1);
    } else {
      await yieldToIo();
    }
  }
  return { sent: n, seconds: (nowMs() - started) / 1000, pauses };
}

serve<RawRequest>(async (request) => {
  switch (request.cmd) {
    case 'listen': {
      await listening;
      const address = wss.address();
      if (typeof address !== 'object' || address === null) throw new Error('no address');
      return { port: address.port };
    }
    case 'steady':
      return steady(request.phase, request.rate, request.seconds, request.bytes);
    case 'flat':
      return flat(request.phase, request.seconds, request.bytes, request.maxBufferedBytes);
  }
});
