import { useQueryClient } from '@tanstack/react-query';
import { type MutableRefObject, useCallback, useEffect, useRef, useState } from 'react';
import type { PresenceUser, ServerMessage } from '../../contract/live.js';
import type { ContributionKind } from '../../domain/model.js';
import { keys } from '../api/queries.js';

// The live stream of one inquiry (WebSocket /api/inquiries/:id/live). Events only tell the board *that*
// something changed; the data is refetched through REST, so the stream and the 4-second poll can never
// disagree. Presence ("who is here, who is writing what") exists only on the stream.

const PING_MS = 25_000;
/** Close codes from contract/live.ts LIVE_CLOSE (not imported: that module would pull zod into the app). */
const CLOSE_FORBIDDEN = 4403;
const CLOSE_RELOAD = 4410;
const TYPING_REPEAT_MS = 3_000;
const BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 20_000];

function liveUrl(inquiryId: string, since: number): string {
  const proto = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${proto}//${window.location.host}/api/inquiries/${encodeURIComponent(inquiryId)}/live?since=${since}`;
}

export interface Live {
  connected: boolean;
  present: PresenceUser[];
  /** Tells the others what kind of note I am writing (never when it is anonymous). */
  typing: (kind: ContributionKind | null, anonymous: boolean) => void;
}

/**
 * @param startSeq the inquiry's `lastSeq` from its REST read; the stream starts after it.
 * @param up set to true while the stream is open, so polling can slow down.
 */
export function useLiveInquiry(
  inquiryId: string,
  startSeq: number | undefined,
  up: MutableRefObject<boolean>,
): Live {
  const qc = useQueryClient();
  const [connected, setConnected] = useState(false);
  const [present, setPresent] = useState<PresenceUser[]>([]);
  const socket = useRef<WebSocket | null>(null);
  const lastTyping = useRef<{ kind: ContributionKind | null; anonymous: boolean; at: number }>({
    kind: null,
    anonymous: false,
    at: 0,
  });
  const ready = startSeq !== undefined;
  const seqRef = useRef<number | undefined>(startSeq);
  if (seqRef.current === undefined) seqRef.current = startSeq;

  useEffect(() => {
    if (!ready || typeof WebSocket === 'undefined') return;
    let stopped = false;
    let attempt = 0;
    let retry: number | undefined;
    let ping: number | undefined;
    let refetch: number | undefined;
    const pending = new Set<'board' | 'inquiry'>();

    const schedule = (what: 'board' | 'inquiry') => {
      pending.add(what);
      if (refetch !== undefined) return;
      refetch = window.setTimeout(() => {
        refetch = undefined;
        if (pending.has('board'))
          void qc.invalidateQueries({ queryKey: keys.contributions(inquiryId), exact: true });
        if (pending.has('inquiry'))
          void qc.invalidateQueries({ queryKey: keys.inquiry(inquiryId), exact: true });
        pending.clear();
      }, 120);
    };

    const connect = () => {
      const ws = new WebSocket(liveUrl(inquiryId, seqRef.current ?? 0));
      socket.current = ws;
      ws.onmessage = (e) => {
        let msg: ServerMessage | { type: 'notes.revealed'; seq: number };
        try {
          msg = JSON.parse(String(e.data)) as ServerMessage;
        } catch {
          return;
        }
        if ('seq' in msg && typeof msg.seq === 'number')
          seqRef.current = Math.max(seqRef.current ?? 0, msg.seq);
        switch (msg.type) {
          case 'ready':
            attempt = 0;
            up.current = true;
            setConnected(true);
            break;
          case 'presence':
            setPresent(msg.data.users);
            break;
          case 'pong':
            break;
          case 'inquiry.updated':
          case 'participant.joined':
          case 'participant.left':
            schedule('inquiry');
            break;
          case 'commitments.changed':
            void qc.invalidateQueries({ queryKey: keys.commitments(inquiryId) });
            void qc.invalidateQueries({ queryKey: keys.people(inquiryId) });
            schedule('inquiry');
            break;
          case 'subtasks.changed':
            void qc.invalidateQueries({ queryKey: keys.subtasks(inquiryId) });
            schedule('inquiry');
            break;
          default:
            // Notes, links, reveals: the board changed.
            schedule('board');
            schedule('inquiry');
        }
      };
      ws.onopen = () => {
        ping = window.setInterval(
          () => ws.readyState === ws.OPEN && ws.send(JSON.stringify({ type: 'ping' })),
          PING_MS,
        );
      };
      ws.onclose = (e) => {
        window.clearInterval(ping);
        up.current = false;
        setConnected(false);
        setPresent([]);
        if (stopped || e.code === CLOSE_FORBIDDEN) return;
        if (e.code === CLOSE_RELOAD) {
          // Our place in the log is gone: read everything afresh, then follow from there.
          void Promise.all([
            qc.refetchQueries({ queryKey: keys.inquiry(inquiryId), exact: true }),
            qc.refetchQueries({ queryKey: keys.contributions(inquiryId), exact: true }),
          ]).then(() => {
            seqRef.current = qc.getQueryData<{ inquiry: { lastSeq: number } }>(
              keys.inquiry(inquiryId),
            )?.inquiry.lastSeq;
            if (!stopped) retry = window.setTimeout(connect, 0);
          });
          return;
        }
        const delay = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)] ?? 20_000;
        attempt += 1;
        retry = window.setTimeout(connect, delay);
      };
    };

    connect();
    return () => {
      stopped = true;
      window.clearTimeout(retry);
      window.clearTimeout(refetch);
      window.clearInterval(ping);
      up.current = false;
      socket.current?.close(1000);
      socket.current = null;
    };
  }, [inquiryId, ready, qc, up]);

  const typing = useCallback((kind: ContributionKind | null, anonymous: boolean) => {
    const ws = socket.current;
    if (!ws || ws.readyState !== ws.OPEN) return;
    const last = lastTyping.current;
    const now = Date.now();
    if (
      last.kind === kind &&
      last.anonymous === anonymous &&
      (kind === null || now - last.at < TYPING_REPEAT_MS)
    )
      return;
    lastTyping.current = { kind, anonymous, at: now };
    ws.send(JSON.stringify({ type: 'typing', kind, anonymous }));
  }, []);

  return { connected, present, typing };
}
