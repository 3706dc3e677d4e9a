import type { Phase } from '../model.js';
import {
  compareDetections,
  dominantDetection,
  facilitatorDetection,
  MINUTE,
  type NoteRule,
  noChallengesDetection,
  noteDetection,
  prematureDetection,
  type SynthesisReason,
  silentDetection,
  unheardLensDetection,
} from './explain.js';
import { gini, topShare } from './gini.js';
import { type Bucket, bucketFor, bucketStart, HOUR, type InsightParticipation } from './participation.js';
import type { InsightThresholds } from './rules.js';
import { duration, excerpt } from './text.js';
import type {
  Detection,
  InsightAck,
  InsightChange,
  InsightLink,
  InsightNote,
  InsightPerson,
  InsightSnapshot,
} from './types.js';

// The insights engine: built once from an inquiry's snapshot, then fed each change as it happens. It keeps
// per-note counters (links that test an assumption, answer a question, tie evidence to a hypothesis) and
// per-rule candidate sets, per-person figures and an hourly timeline, so applying a change costs only what
// it touches and `findings(now)` walks the candidates, not the whole inquiry.
//
// Anonymity: an anonymous note counts in `anonymousContributions`, the totals and the note rules (which
// name the note, never its author), and nowhere else — not in anyone's figures, the timeline, the network,
// a lens heard, or whether a person is silent — or the facilitator could infer who wrote it.

interface Note extends InsightNote {
  t: number;
  /** The body's excerpt, as explanations quote it: worked out the first time a finding needs it. */
  quote: string | null;
  /** The last finding made per rule, reused while it would read the same (same age in words, same loudness). */
  made: Partial<
    Record<NoteRule, { words: string; loud: boolean; limit: number; detection: Detection }>
  > | null;
  /** Who acknowledged it, and when (ISO). */
  acks: Map<string, string> | null;
  /** Ids of the links ending and starting here (few per note, so arrays). */
  inLinks: string[];
  outLinks: string[];
  /** Build-on / challenge pairs starting at this note, by the other note's id. */
  pairs: Map<string, Pair[]> | null;
  /** Incoming supports/challenges links (an assumption being tested). */
  tests: number;
  /** Incoming answers links. */
  answers: number;
  /** Links to or from evidence (a hypothesis resting on data). */
  evidence: number;
  /** Links to or from a hypothesis or an idea (evidence being used). */
  uses: number;
}

interface Link extends InsightLink {
  t: number;
}

interface Figures {
  contributions: number;
  /** Named notes' creation times, ascending. */
  times: number[];
  firstAt: string | null;
  lastAt: string | null;
  buildOns: number;
  challenges: number;
  acksGiven: number;
  acksReceived: number;
}

/** A pair of notes by two different named authors, linked as a build-on or as a challenge. */
interface Pair {
  fromAuthor: string;
  toAuthor: string;
  challenge: boolean;
  /** The links' times; the pair counts once, at the earliest. */
  times: number[];
}

interface Slot {
  userId: string;
  hour: number;
  contributions: number;
  buildOns: number;
  acknowledgements: number;
}

const ms = (iso: string): number => Date.parse(iso);

function insertSorted(list: number[], value: number): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, value);
}

function removeSorted(list: number[], value: number): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  if (list[lo] === value) list.splice(lo, 1);
}

const SYNTHESIS_PHASES: readonly Phase[] = ['synthesizing', 'reflecting', 'concluded'];

export class InsightsEngine {
  readonly inquiryId: string;
  private readonly createdAt: string;
  private phase: Phase;
  private facilitatorId: string;
  private activeSince: string | null;
  private conclusionProposed: boolean;
  private readonly participants = new Map<string, InsightPerson>();

  private readonly notes = new Map<string, Note>();
  private readonly links = new Map<string, Link>();
  private readonly candidates: Record<NoteRule, Set<string>> = {
    untested_assumption: new Set(),
    unused_evidence: new Set(),
    unsupported_hypothesis: new Set(),
    unanswered_question: new Set(),
  };
  private totalNotes = 0;
  private anonymousNotes = 0;
  private challengeLinks = 0;
  private synthesisLinks = 0;
  /** Every note's time, anonymous ones included: when the group last wrote anything. */
  private readonly allTimes: number[] = [];
  private readonly figures = new Map<string, Figures>();
  /** Named authors' names, for people who wrote but are no longer participants. */
  private readonly authorNames = new Map<string, string>();
  private readonly lensHeard = new Map<string, number>();
  private readonly network = new Map<string, number>();
  /** Per person, per hour (epoch ms): their activity. */
  private readonly slots = new Map<string, Map<number, Slot>>();
  private cachedParticipation: InsightParticipation | null = null;

  constructor(snapshot: InsightSnapshot) {
    this.inquiryId = snapshot.inquiryId;
    this.createdAt = snapshot.createdAt;
    this.phase = snapshot.phase;
    this.facilitatorId = snapshot.facilitatorId;
    this.activeSince = snapshot.activeSince;
    this.conclusionProposed = snapshot.conclusionProposed;
    for (const p of snapshot.participants) this.participants.set(p.id, { ...p });
    for (const n of snapshot.notes) this.addNote(n);
    for (const a of snapshot.acknowledgements) {
      const note = this.notes.get(a.contributionId);
      if (note) this.addAck(note, a.userId, a.at);
    }
    for (const l of snapshot.links) this.addLink(l);
  }

  /** Applies one change; unknown ids and repeats are ignored, so replaying a change is harmless. */
  apply(change: InsightChange): void {
    this.cachedParticipation = null;
    switch (change.type) {
      case 'note.upserted':
        return this.upsertNote(change.note, change.acknowledgedBy, change.at);
      case 'note.deleted':
        return this.deleteNote(change.id);
      case 'link.added':
        return this.addLink(change.link);
      case 'link.removed':
        return this.removeLink(change.id);
      case 'inquiry.changed':
        this.phase = change.phase;
        this.facilitatorId = change.facilitatorId;
        if (this.activeSince === null && change.phase !== 'framing') this.activeSince = change.at;
        return;
      case 'conclusion.proposed':
        this.conclusionProposed = true;
        return;
      case 'participant.joined':
        if (!this.participants.has(change.person.id))
          this.participants.set(change.person.id, { ...change.person });
        return;
      case 'participant.left':
        this.participants.delete(change.userId);
        return;
      case 'participants.set':
        this.participants.clear();
        for (const p of change.participants) this.participants.set(p.id, { ...p });
        return;
    }
  }

  /** The data as it stands now, e.g. to build a second engine over only what one viewer may see. */
  snapshot(): InsightSnapshot {
    const acknowledgements: InsightAck[] = [];
    for (const n of this.notes.values())
      for (const [userId, at] of n.acks ?? []) acknowledgements.push({ contributionId: n.id, userId, at });
    return {
      inquiryId: this.inquiryId,
      createdAt: this.createdAt,
      phase: this.phase,
      facilitatorId: this.facilitatorId,
      activeSince: this.activeSince,
      conclusionProposed: this.conclusionProposed,
      participants: [...this.participants.values()].map((p) => ({ ...p })),
      notes: [...this.notes.values()].map(toInsightNote),
      links: [...this.links.values()].map(({ t: _t, ...l }) => l),
      acknowledgements,
    };
  }

  get size(): { notes: number; links: number } {
    return { notes: this.notes.size, links: this.links.size };
  }

  /** Whether a note is in the inquiry and some note answers it (an asked prompt's status). */
  isAnswered(noteId: string): boolean {
    const note = this.notes.get(noteId);
    return note !== undefined && note.answers > 0;
  }

  hasNote(noteId: string): boolean {
    return this.notes.has(noteId);
  }

  note(noteId: string): Readonly<InsightNote> | null {
    const note = this.notes.get(noteId);
    return note ? toInsightNote(note) : null;
  }

  /** A person's name as the inquiry knows it, or null for nobody it knows. */
  nameOf(userId: string): string | null {
    return this.participants.get(userId)?.name ?? this.authorNames.get(userId) ?? null;
  }

  get facilitator(): string {
    return this.facilitatorId;
  }

  participantIds(): string[] {
    return [...this.participants.keys()];
  }

  // ── findings ──────────────────────────────────────────────────────────────────────────────────────

  findings(now: number, t: InsightThresholds): Detection[] {
    const out: Detection[] = [];
    const limits: Record<NoteRule, number> = {
      untested_assumption: t.untestedAssumptionMinutes,
      unused_evidence: t.unusedEvidenceMinutes,
      unsupported_hypothesis: t.unsupportedHypothesisMinutes,
      unanswered_question: t.unansweredQuestionMinutes,
    };
    for (const rule of Object.keys(limits) as NoteRule[]) {
      const limit = limits[rule];
      for (const id of this.candidates[rule]) {
        const note = this.notes.get(id);
        if (!note) continue;
        const age = (now - note.t) / MINUTE;
        if (age < limit) continue;
        // A busy inquiry has thousands of these: the same words are not built again on every read.
        const words = duration(age);
        const loud = limit > 0 && age >= 4 * limit;
        const last = note.made?.[rule];
        if (last && last.words === words && last.loud === loud && last.limit === limit) {
          out.push(last.detection);
          continue;
        }
        note.quote ??= excerpt(note.body);
        const detection = noteDetection(
          rule,
          { id: note.id, quote: note.quote, createdAt: note.createdAt },
          age,
          limit,
        );
        note.made ??= {};
        note.made[rule] = { words, loud, limit, detection };
        out.push(detection);
      }
    }
    this.silentFindings(now, t, out);
    this.balanceFindings(t, out);
    if (this.totalNotes >= t.noChallengesMinContributions && this.challengeLinks === 0)
      out.push(noChallengesDetection(this.inquiryId, this.totalNotes, t));
    this.prematureFinding(t, out);
    this.lensFindings(t, out);
    return out.sort(compareDetections);
  }

  private silentFindings(now: number, t: InsightThresholds, out: Detection[]): void {
    if (this.activeSince === null || this.phase === 'framing') return;
    const active = ms(this.activeSince);
    const groupLast = this.allTimes.at(-1) ?? Number.NEGATIVE_INFINITY;
    for (const p of this.participants.values()) {
      if (p.id === this.facilitatorId) continue;
      const f = this.figures.get(p.id);
      const last = f?.times.at(-1);
      if (last === undefined) {
        const start = Math.max(active, ms(p.joinedAt));
        const quiet = (now - start) / MINUTE;
        if (quiet >= t.silentParticipantMinutes)
          out.push(
            silentDetection(p, { never: true, sinceMinutes: quiet }, t, new Date(start).toISOString()),
          );
      } else {
        const quiet = (now - last) / MINUTE;
        // Only early: the group went on for the threshold or longer after their last note. (A threshold
        // of 0 flags only those with no note at all: "no note for 0 minutes" would flag everyone.)
        const early =
          t.silentParticipantMinutes > 0 && groupLast - last >= t.silentParticipantMinutes * MINUTE;
        if (early && f?.lastAt)
          out.push(silentDetection(p, { never: false, lastAt: f.lastAt, sinceMinutes: quiet }, t, f.lastAt));
      }
    }
  }

  private balanceFindings(t: InsightThresholds, out: Detection[]): void {
    const { balance, people } = this.participation();
    const total = people.reduce((n, p) => n + p.contributions, 0);
    if (total < t.balanceMinContributions || people.length < 2) return;
    const ranked = [...people].sort(
      (a, b) => b.contributions - a.contributions || a.user.id.localeCompare(b.user.id),
    );
    const [top, second] = ranked;
    if (top && balance.topVoice) {
      const ahead = top.contributions > (second?.contributions ?? 0);
      if (balance.topShare > t.dominantVoiceShare || (balance.gini > t.dominantVoiceGini && ahead))
        out.push(
          dominantDetection(
            { id: top.user.id, name: top.user.name, count: top.contributions },
            { total, share: balance.topShare, gini: balance.gini },
            t,
          ),
        );
    }
    const facilitator = people.find((p) => p.user.id === this.facilitatorId);
    if (facilitator && balance.facilitatorShare > t.facilitatorShareMultiple * balance.fairShare)
      out.push(
        facilitatorDetection(
          { id: facilitator.user.id, name: facilitator.user.name, count: facilitator.contributions },
          {
            total,
            share: balance.facilitatorShare,
            fairShare: balance.fairShare,
            people: people.length,
          },
          t,
        ),
      );
  }

  private prematureFinding(t: InsightThresholds, out: Detection[]): void {
    const reason: SynthesisReason | null = SYNTHESIS_PHASES.includes(this.phase)
      ? 'phase'
      : this.synthesisLinks > 0
        ? 'synthesizes'
        : this.conclusionProposed
          ? 'conclusion'
          : null;
    if (reason === null) return;
    const open = [...this.candidates.unanswered_question, ...this.candidates.untested_assumption];
    if (open.length <= t.prematureConvergenceOpenItems) return;
    const notes = open.map((id) => this.notes.get(id)).filter((n): n is Note => n !== undefined);
    const byTime = (a: Note, b: Note) => a.t - b.t || a.id.localeCompare(b.id);
    const questions = notes.filter((n) => n.kind === 'question').sort(byTime);
    const assumptions = notes.filter((n) => n.kind === 'assumption').sort(byTime);
    // The key open item: the most discussed one (most links), the oldest among equals.
    const degree = (n: Note) => n.inLinks.length + n.outLinks.length;
    const key = [...questions, ...assumptions].sort((a, b) => degree(b) - degree(a) || byTime(a, b))[0];
    out.push(
      prematureDetection(
        this.inquiryId,
        reason,
        this.phase,
        { questions: questions.map((n) => n.id), assumptions: assumptions.map((n) => n.id) },
        key?.id ?? '',
        t,
      ),
    );
  }

  private lensFindings(t: InsightThresholds, out: Detection[]): void {
    if (this.totalNotes < t.unheardLensMinContributions) return;
    const holders = new Map<string, { id: string; name: string }[]>();
    for (const p of this.participants.values()) {
      if (p.perspective === null) continue;
      const list = holders.get(p.perspective) ?? [];
      list.push({ id: p.id, name: p.name });
      holders.set(p.perspective, list);
    }
    for (const [lens, people] of holders) {
      if ((this.lensHeard.get(lens) ?? 0) > 0) continue;
      people.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
      out.push(unheardLensDetection(lens, people, this.totalNotes, t));
    }
  }

  // ── participation ─────────────────────────────────────────────────────────────────────────────────

  participation(): InsightParticipation {
    if (this.cachedParticipation) return this.cachedParticipation;
    const ids = new Set<string>(this.participants.keys());
    for (const [id, f] of this.figures) if (f.contributions > 0) ids.add(id);
    const total = [...ids].reduce((n, id) => n + (this.figures.get(id)?.contributions ?? 0), 0);
    const people = [...ids].map((id) => {
      const f = this.figures.get(id);
      const person = this.participants.get(id);
      return {
        user: { id, name: person?.name ?? this.authorNames.get(id) ?? '' },
        role: id === this.facilitatorId ? ('facilitator' as const) : ('participant' as const),
        perspective: person?.perspective ?? null,
        contributions: f?.contributions ?? 0,
        buildOns: f?.buildOns ?? 0,
        challenges: f?.challenges ?? 0,
        acknowledgementsGiven: f?.acksGiven ?? 0,
        acknowledgementsReceived: f?.acksReceived ?? 0,
        share: total === 0 ? 0 : (f?.contributions ?? 0) / total,
        firstContributionAt: f?.firstAt ?? null,
        lastContributionAt: f?.lastAt ?? null,
      };
    });
    people.sort(
      (a, b) =>
        b.contributions - a.contributions ||
        a.user.name.localeCompare(b.user.name) ||
        a.user.id.localeCompare(b.user.id),
    );
    const counts = people.map((p) => p.contributions);
    const leader = [...people].sort(
      (a, b) => b.contributions - a.contributions || a.user.id.localeCompare(b.user.id),
    )[0];
    const topVoice = leader && leader.contributions > 0 ? leader.user : null;
    const facilitatorCount = this.figures.get(this.facilitatorId)?.contributions ?? 0;

    const slots = [...this.slots.values()].flatMap((hours) => [...hours.values()]);
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const s of slots) {
      if (s.hour < first) first = s.hour;
      if (s.hour > last) last = s.hour;
    }
    const bucket: Bucket = slots.length === 0 ? 'hour' : bucketFor(last + HOUR - first);
    const merged = new Map<string, { start: number; userId: string; c: number; b: number; a: number }>();
    for (const s of slots) {
      const start = bucketStart(s.hour, bucket);
      const key = `${start}|${s.userId}`;
      const row = merged.get(key) ?? { start, userId: s.userId, c: 0, b: 0, a: 0 };
      row.c += s.contributions;
      row.b += s.buildOns;
      row.a += s.acknowledgements;
      merged.set(key, row);
    }
    const timeline = [...merged.values()]
      .sort((x, y) => x.start - y.start || x.userId.localeCompare(y.userId))
      .map((r) => ({
        start: new Date(r.start).toISOString(),
        userId: r.userId,
        contributions: r.c,
        buildOns: r.b,
        acknowledgements: r.a,
      }));
    const network = [...this.network]
      .map(([key, count]) => {
        const [from = '', to = ''] = key.split('|');
        return { from, to, count };
      })
      .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));

    this.cachedParticipation = {
      people,
      anonymousContributions: this.anonymousNotes,
      bucket,
      timeline,
      network,
      balance: {
        gini: gini(counts),
        topVoice,
        topShare: topShare(counts),
        facilitatorShare: total === 0 ? 0 : facilitatorCount / total,
        fairShare: people.length === 0 ? 0 : 1 / people.length,
      },
    };
    return this.cachedParticipation;
  }

  // ── bookkeeping ───────────────────────────────────────────────────────────────────────────────────

  private figuresOf(userId: string): Figures {
    let f = this.figures.get(userId);
    if (!f) {
      f = {
        contributions: 0,
        times: [],
        firstAt: null,
        lastAt: null,
        buildOns: 0,
        challenges: 0,
        acksGiven: 0,
        acksReceived: 0,
      };
      this.figures.set(userId, f);
    }
    return f;
  }

  private slot(
    userId: string,
    at: number,
    field: 'contributions' | 'buildOns' | 'acknowledgements',
    d: number,
  ) {
    const hour = bucketStart(at, 'hour');
    let hours = this.slots.get(userId);
    if (!hours) {
      hours = new Map();
      this.slots.set(userId, hours);
    }
    let s = hours.get(hour);
    if (!s) {
      s = { userId, hour, contributions: 0, buildOns: 0, acknowledgements: 0 };
      hours.set(hour, s);
    }
    s[field] += d;
    if (s.contributions === 0 && s.buildOns === 0 && s.acknowledgements === 0) hours.delete(hour);
  }

  private reclassify(n: Note): void {
    switch (n.kind) {
      case 'assumption':
        return this.mark('untested_assumption', n.id, n.state === 'untested' && n.tests === 0);
      case 'evidence':
        return this.mark('unused_evidence', n.id, n.uses === 0);
      case 'hypothesis':
        return this.mark('unsupported_hypothesis', n.id, n.evidence === 0);
      case 'question':
        return this.mark('unanswered_question', n.id, n.state !== 'answered' && n.answers === 0);
    }
  }

  private mark(rule: NoteRule, id: string, on: boolean): void {
    if (on) this.candidates[rule].add(id);
    else this.candidates[rule].delete(id);
  }

  private addNote(input: InsightNote): void {
    if (this.notes.has(input.id)) return;
    // Every field spelled out: one object shape for all notes keeps property access fast.
    const n: Note = {
      id: input.id,
      authorId: input.authorId,
      authorName: input.authorName,
      anonymous: input.anonymous,
      kind: input.kind,
      state: input.state,
      body: input.body,
      createdAt: input.createdAt,
      perspective: input.perspective,
      t: ms(input.createdAt),
      quote: null,
      made: null,
      acks: null,
      inLinks: [],
      outLinks: [],
      pairs: null,
      tests: 0,
      answers: 0,
      evidence: 0,
      uses: 0,
    };
    this.notes.set(n.id, n);
    this.noteFigures(n, 1);
    this.reclassify(n);
  }

  private noteFigures(n: Note, d: 1 | -1): void {
    this.totalNotes += d;
    if (d > 0) insertSorted(this.allTimes, n.t);
    else removeSorted(this.allTimes, n.t);
    if (n.anonymous) {
      this.anonymousNotes += d;
      return;
    }
    if (d > 0) this.authorNames.set(n.authorId, n.authorName);
    const f = this.figuresOf(n.authorId);
    f.contributions += d;
    if (d > 0) insertSorted(f.times, n.t);
    else removeSorted(f.times, n.t);
    const first = f.times[0];
    const last = f.times.at(-1);
    f.firstAt = first === undefined ? null : new Date(first).toISOString();
    f.lastAt = last === undefined ? null : new Date(last).toISOString();
    this.slot(n.authorId, n.t, 'contributions', d);
    if (n.perspective !== null) {
      const heard = (this.lensHeard.get(n.perspective) ?? 0) + d;
      if (heard === 0) this.lensHeard.delete(n.perspective);
      else this.lensHeard.set(n.perspective, heard);
    }
  }

  private upsertNote(input: InsightNote, acknowledgedBy: readonly string[] | undefined, at: string): void {
    const n = this.notes.get(input.id);
    if (!n) {
      this.addNote(input);
      const added = this.notes.get(input.id);
      if (added && acknowledgedBy) for (const userId of acknowledgedBy) this.addAck(added, userId, at);
      return;
    }
    if (n.body !== input.body) {
      n.body = input.body;
      n.quote = null;
      n.made = null;
    }
    if (n.state !== input.state) {
      n.state = input.state;
      this.reclassify(n);
    }
    if (acknowledgedBy) {
      const now = new Set(acknowledgedBy);
      for (const userId of [...(n.acks?.keys() ?? [])]) if (!now.has(userId)) this.removeAck(n, userId);
      for (const userId of now) if (!n.acks?.has(userId)) this.addAck(n, userId, at);
    }
  }

  private deleteNote(id: string): void {
    const n = this.notes.get(id);
    if (!n) return;
    for (const linkId of [...n.inLinks, ...n.outLinks]) this.removeLink(linkId);
    for (const userId of [...(n.acks?.keys() ?? [])]) this.removeAck(n, userId);
    this.noteFigures(n, -1);
    this.notes.delete(id);
    for (const set of Object.values(this.candidates)) set.delete(id);
  }

  private ackFigures(n: Note, userId: string, at: string, d: 1 | -1): void {
    // Thanking an anonymous note would tell who did not write it: it counts for nobody.
    if (n.anonymous || userId === n.authorId) return;
    this.figuresOf(userId).acksGiven += d;
    this.figuresOf(n.authorId).acksReceived += d;
    this.slot(userId, ms(at), 'acknowledgements', d);
  }

  private addAck(n: Note, userId: string, at: string): void {
    if (!n.acks) n.acks = new Map();
    if (n.acks.has(userId)) return;
    n.acks.set(userId, at);
    this.ackFigures(n, userId, at, 1);
  }

  private removeAck(n: Note, userId: string): void {
    const at = n.acks?.get(userId);
    if (at === undefined) return;
    n.acks?.delete(userId);
    this.ackFigures(n, userId, at, -1);
  }

  private addLink(input: InsightLink): void {
    if (this.links.has(input.id)) return;
    const from = this.notes.get(input.fromId);
    const to = this.notes.get(input.toId);
    if (!from || !to) return;
    const link: Link = {
      id: input.id,
      fromId: input.fromId,
      toId: input.toId,
      kind: input.kind,
      createdAt: input.createdAt,
      t: ms(input.createdAt),
    };
    this.links.set(link.id, link);
    from.outLinks.push(link.id);
    to.inLinks.push(link.id);
    this.linkEffects(link, from, to, 1);
  }

  private removeLink(id: string): void {
    const link = this.links.get(id);
    if (!link) return;
    this.links.delete(id);
    const from = this.notes.get(link.fromId);
    const to = this.notes.get(link.toId);
    if (from) without(from.outLinks, id);
    if (to) without(to.inLinks, id);
    if (from && to) this.linkEffects(link, from, to, -1);
  }

  private linkEffects(link: Link, from: Note, to: Note, d: 1 | -1): void {
    if (link.kind === 'challenges') this.challengeLinks += d;
    if (link.kind === 'synthesizes') this.synthesisLinks += d;
    if (to.kind === 'assumption' && (link.kind === 'supports' || link.kind === 'challenges')) to.tests += d;
    if (link.kind === 'answers' && to.kind === 'question') to.answers += d;
    if (from.kind === 'hypothesis' && to.kind === 'evidence') from.evidence += d;
    if (to.kind === 'hypothesis' && from.kind === 'evidence') to.evidence += d;
    if (from.kind === 'evidence' && (to.kind === 'hypothesis' || to.kind === 'idea')) from.uses += d;
    if (to.kind === 'evidence' && (from.kind === 'hypothesis' || from.kind === 'idea')) to.uses += d;
    this.reclassify(from);
    this.reclassify(to);
    this.pairEffects(link, from, to, d);
  }

  /** Build-ons and challenges between people: each pair of notes counts once each way, at its first link. */
  private pairEffects(link: Link, from: Note, to: Note, d: 1 | -1): void {
    if (from.anonymous || to.anonymous || from.authorId === to.authorId) return;
    const challenge = link.kind === 'challenges';
    if (!from.pairs) from.pairs = new Map();
    let both = from.pairs.get(to.id);
    if (!both) {
      both = [];
      from.pairs.set(to.id, both);
    }
    let pair = both.find((p) => p.challenge === challenge);
    if (!pair) {
      pair = { fromAuthor: from.authorId, toAuthor: to.authorId, challenge, times: [] };
      both.push(pair);
    }
    const before = pair.times[0];
    if (d > 0) insertSorted(pair.times, link.t);
    else removeSorted(pair.times, link.t);
    const after = pair.times[0];
    if (before === after) return;
    if (before === undefined) this.pairCounts(pair, 1);
    else this.pairSlot(pair, before, -1);
    if (after === undefined) {
      this.pairCounts(pair, -1);
      const left = both.filter((p) => p !== pair);
      if (left.length > 0) from.pairs.set(to.id, left);
      else from.pairs.delete(to.id);
    } else this.pairSlot(pair, after, 1);
  }

  private pairCounts(pair: Pair, d: 1 | -1): void {
    const giver = this.figuresOf(pair.fromAuthor);
    if (pair.challenge) giver.challenges += d;
    else giver.buildOns += d;
    const edge = `${pair.fromAuthor}|${pair.toAuthor}`;
    const count = (this.network.get(edge) ?? 0) + d;
    if (count === 0) this.network.delete(edge);
    else this.network.set(edge, count);
  }

  private pairSlot(pair: Pair, at: number, d: 1 | -1): void {
    if (!pair.challenge) this.slot(pair.fromAuthor, at, 'buildOns', d);
  }
}

function without(list: string[], id: string): void {
  const i = list.indexOf(id);
  if (i >= 0) list.splice(i, 1);
}

function toInsightNote(n: Note): InsightNote {
  return {
    id: n.id,
    authorId: n.authorId,
    authorName: n.authorName,
    anonymous: n.anonymous,
    kind: n.kind,
    state: n.state,
    body: n.body,
    createdAt: n.createdAt,
    perspective: n.perspective,
  };
}
