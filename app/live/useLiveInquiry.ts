import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { type MutableRefObject, useCallback, useEffect, useRef, useState } from 'react';
import type { InquiryDetail } from '../../contract/inquiries.js';
import type { PresenceUser, ServerMessage } from '../../contract/live.js';
import type { ContributionKind } from '../../domain/model.js';
import type { Board } from '../api/endpoints.js';
import { helpKeys } from '../api/help.js';
import { notificationKeys } from '../api/notifications.js';
import { keys } from '../api/queries.js';
import { understandingKey } from '../api/understanding.js';
import { applyBoardEvents, type BoardEvent, isBoardEvent } from './board.js';
import { LiveStream, type StreamStatus } from './stream.js';

// The live stream of one inquiry (WebSocket /api/inquiries/:id/live), wired to the query cache:
// - notes and links are applied to the board's cached data in place (board.ts), so others' notes appear
//   without a refetch; my own optimistic notes are reconciled with their events;
// - everything else the stream says is a reason to refetch: the keys each event invalidates are listed in
//   app/live/README.md (panels of later screens read them, e.g. ['conclusion', id], ['reflections', id]);
// - presence ("who is here, who is writing what") exists only on the stream.

/** Query keys that live events invalidate, for the panels that read them. */
export const liveKeys = {
  conclusion: (inquiryId: string) => ['conclusion', inquiryId] as const,
  reflections: (inquiryId: string) => ['reflections', inquiryId] as const,
  gate: (inquiryId: string) => [...keys.inquiry(inquiryId), 'gate'] as const,
};

const TYPING_REPEAT_MS = 3_000;
/** Events whose change may have notified me (server/commands/notify.ts). */
const NOTIFYING = new Set<string>([
  'contribution.created',
  'help.changed',
  'inquiry.updated',
  'conclusion.updated',
]);
/** Board events arriving together (a replay, a busy room) are applied as one change. */
const APPLY_WINDOW_MS = 30;
/** The inquiry (counts, gate, activity) is read again at most this often while notes stream in. */
const INQUIRY_REFETCH_MS = 400;

function liveUrl(inquiryId: string, since: number): string {
  const proto = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${proto}//${window.location.host}/api/inquiries/${encodeURIComponent(inquiryId)}/live?since=${since}`;
}

export interface Live {
  /** True while the stream is live (its replay done). */
  connected: boolean;
  status: StreamStatus;
  present: PresenceUser[];
  /** Tells the others what kind of note I am writing (never when it is anonymous). */
  typing: (kind: ContributionKind | null, anonymous: boolean) => void;
}

/**
 * @param startSeq the inquiry's `lastSeq` from its REST read; the stream starts after it.
 * @param up set to true while the stream is live, so polling can slow down.
 */
export function useLiveInquiry(
  inquiryId: string,
  startSeq: number | undefined,
  up: MutableRefObject<boolean>,
): Live {
  const qc = useQueryClient();
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const [present, setPresent] = useState<PresenceUser[]>([]);
  const stream = useRef<LiveStream | null>(null);
  const lastTyping = useRef<{ kind: ContributionKind | null; anonymous: boolean; at: number }>({
    kind: null,
    anonymous: false,
    at: 0,
  });
  const ready = startSeq !== undefined;
  // The seq of the first read of *this* inquiry (the page may move to another one without remounting).
  const startRef = useRef<{ inquiryId: string; seq: number | undefined }>({ inquiryId, seq: startSeq });
  if (startRef.current.inquiryId !== inquiryId) startRef.current = { inquiryId, seq: startSeq };
  if (startRef.current.seq === undefined) startRef.current.seq = startSeq;

  useEffect(() => {
    if (!ready || typeof WebSocket === 'undefined') return;
    const cache = new CacheWriter(qc, inquiryId);
    const s = new LiveStream({
      url: (since) => liveUrl(inquiryId, since),
      since: startRef.current.seq ?? 0,
      onMessage: (m) => {
        if (m.type === 'presence') setPresent(m.data.users);
        else cache.receive(m);
      },
      onStatus: (next) => {
        up.current = next === 'live';
        if (next !== 'live') setPresent([]);
        setStatus(next);
      },
      reload: () => cache.reload(),
    });
    stream.current = s;
    const offline = () => s.goOffline();
    const online = () => s.goOnline();
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    s.start();
    if (typeof navigator !== 'undefined' && navigator.onLine === false) s.goOffline();
    return () => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      s.stop();
      cache.dispose();
      stream.current = null;
      up.current = false;
    };
  }, [inquiryId, ready, qc, up]);

  const typing = useCallback((kind: ContributionKind | null, anonymous: boolean) => {
    const s = stream.current;
    if (!s || s.status !== 'live') return;
    const last = lastTyping.current;
    const now = Date.now();
    if (
      last.kind === kind &&
      last.anonymous === anonymous &&
      (kind === null || now - last.at < TYPING_REPEAT_MS)
    )
      return;
    if (s.send({ type: 'typing', kind, anonymous })) lastTyping.current = { kind, anonymous, at: now };
  }, []);

  return { connected: status === 'live', status, present, typing };
}

/** What the stream's events do to the query cache of one inquiry. */
class CacheWriter {
  private queue: BoardEvent[] = [];
  private applyTimer: ReturnType<typeof setTimeout> | undefined;
  private refetchTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly pending = new Set<'board' | 'inquiry' | 'inbox'>();

  constructor(
    private readonly qc: QueryClient,
    private readonly inquiryId: string,
  ) {}

  receive(m: Exclude<ServerMessage, { type: 'presence' }>): void {
    const id = this.inquiryId;
    if (m.type === 'ready' || m.type === 'pong') return;
    // Changes that may have put something in my inbox (a mention, a reply, a help request or its answer, a
    // phase move, a conclusion to consent to): read it again soon, with the inquiry.
    if (NOTIFYING.has(m.type)) this.schedule('inbox');
    if (isBoardEvent(m)) {
      this.queue.push(m);
      this.applyTimer ??= setTimeout(() => this.flush(), APPLY_WINDOW_MS);
      this.schedule('inquiry');
      return;
    }
    switch (m.type) {
      case 'inquiry.updated':
        // The phase, framing and settings change at once on screen; counts and people follow.
        this.qc.setQueryData<InquiryDetail>(keys.inquiry(id), (d) => (d ? { ...d, inquiry: m.data } : d));
        this.schedule('inquiry');
        break;
      case 'participant.joined':
      case 'participant.left':
        this.schedule('inquiry');
        break;
      case 'notes.revealed':
        // Notes hidden from me until now may be visible: only a fresh read can say which.
        this.schedule('board');
        this.schedule('inquiry');
        break;
      case 'conclusion.updated':
        void this.qc.invalidateQueries({ queryKey: liveKeys.conclusion(id) });
        void this.qc.invalidateQueries({ queryKey: liveKeys.gate(id) });
        this.schedule('inquiry');
        break;
      case 'reflection.updated':
        void this.qc.invalidateQueries({ queryKey: liveKeys.reflections(id) });
        void this.qc.invalidateQueries({ queryKey: liveKeys.gate(id) });
        this.schedule('inquiry');
        break;
      case 'commitments.changed':
        void this.qc.invalidateQueries({ queryKey: keys.commitments(id) });
        void this.qc.invalidateQueries({ queryKey: keys.people(id) });
        this.schedule('inquiry');
        break;
      case 'subtasks.changed':
        void this.qc.invalidateQueries({ queryKey: keys.subtasks(id) });
        this.schedule('inquiry');
        break;
      case 'help.changed':
        void this.qc.invalidateQueries({ queryKey: helpKeys.list(id) });
        // Answers count as help given in the people panels.
        void this.qc.invalidateQueries({ queryKey: keys.people(id) });
        this.schedule('inquiry');
        break;
      case 'understanding.changed':
        // A check opened, closed or answered (never anyone's answer): the checks and the console.
        void this.qc.invalidateQueries({ queryKey: understandingKey(id) });
        void this.qc.invalidateQueries({ queryKey: ['insights', id] });
        this.schedule('inquiry');
        break;
      case 'pulses.changed':
        // A pulse opened or closed: every pulse list (the board's, the console's, the workspace's), results.
        void this.qc.invalidateQueries({ queryKey: ['pulses'] });
        this.schedule('inquiry');
        break;
      default:
        // An event this version does not know (a newer server): the inquiry read again is always right.
        this.schedule('inquiry');
    }
  }

  /** Everything afresh (after 4410); answers the lastSeq the new data is as of. */
  async reload(): Promise<number> {
    const id = this.inquiryId;
    this.queue = [];
    await Promise.all([
      this.qc.refetchQueries({ queryKey: keys.inquiry(id), exact: true }, { throwOnError: true }),
      this.qc.refetchQueries({ queryKey: keys.contributions(id), exact: true }, { throwOnError: true }),
    ]);
    const seq = this.qc.getQueryData<InquiryDetail>(keys.inquiry(id))?.inquiry.lastSeq;
    if (seq === undefined) throw new Error('The inquiry could not be read again.');
    return seq;
  }

  dispose(): void {
    clearTimeout(this.applyTimer);
    clearTimeout(this.refetchTimer);
  }

  private flush(): void {
    this.applyTimer = undefined;
    const events = this.queue;
    this.queue = [];
    if (events.length === 0) return;
    const key = keys.contributions(this.inquiryId);
    const board = this.qc.getQueryData<Board>(key);
    if (board) {
      const next = applyBoardEvents(board, events);
      if (next !== board) this.qc.setQueryData<Board>(key, next);
    }
    // A read still under way began before these events and would overwrite them when it lands: read
    // again once it is done (the events are in the log by now).
    if (!board || this.qc.isFetching({ queryKey: key, exact: true }) > 0) this.schedule('board');
  }

  private schedule(what: 'board' | 'inquiry' | 'inbox'): void {
    this.pending.add(what);
    this.refetchTimer ??= setTimeout(() => {
      this.refetchTimer = undefined;
      const id = this.inquiryId;
      if (this.pending.has('board'))
        void this.qc.invalidateQueries({ queryKey: keys.contributions(id), exact: true });
      if (this.pending.has('inquiry'))
        void this.qc.invalidateQueries({ queryKey: keys.inquiry(id), exact: true });
      if (this.pending.has('inbox'))
        void this.qc.invalidateQueries({ queryKey: notificationKeys.all, exact: true });
      this.pending.clear();
    }, INQUIRY_REFETCH_MS);
  }
}
