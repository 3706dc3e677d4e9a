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
  silentDetection,
  unheardLensDetection,
} from './explain.js';
import { gini, topShare } from './gini.js';
import { bucketFor, bucketStart, HOUR, type InsightParticipation } from './participation.js';
import type { InsightThresholds } from './rules.js';
import { excerpt } from './text.js';
import type { Detection, InsightNote, InsightSnapshot } from './types.js';

// The rules restated plainly: every figure recomputed from the whole snapshot by scanning it, with no
// state kept. Slow on a large inquiry and never used by the server; the tests hold the incremental engine
// to it over random sequences of changes, so the two are two readings of one definition.

const ms = (iso: string) => Date.parse(iso);

export function referenceFindings(s: InsightSnapshot, now: number, t: InsightThresholds): Detection[] {
  const notes = new Map(s.notes.map((n) => [n.id, n]));
  const links = s.links.filter((l) => notes.has(l.fromId) && notes.has(l.toId));
  const incoming = (id: string, kinds: string[]) =>
    links.filter((l) => l.toId === id && kinds.includes(l.kind));
  const touching = (id: string) => links.filter((l) => l.fromId === id || l.toId === id);
  const other = (id: string, l: { fromId: string; toId: string }) =>
    notes.get(l.fromId === id ? l.toId : l.fromId) as InsightNote;

  const isOpenQuestion = (n: InsightNote) =>
    n.kind === 'question' && n.state !== 'answered' && incoming(n.id, ['answers']).length === 0;
  const isUntested = (n: InsightNote) =>
    n.kind === 'assumption' &&
    n.state === 'untested' &&
    incoming(n.id, ['supports', 'challenges']).length === 0;
  const state: Record<NoteRule, (n: InsightNote) => boolean> = {
    untested_assumption: isUntested,
    unused_evidence: (n) =>
      n.kind === 'evidence' &&
      !touching(n.id).some((l) => ['hypothesis', 'idea'].includes(other(n.id, l).kind)),
    unsupported_hypothesis: (n) =>
      n.kind === 'hypothesis' && !touching(n.id).some((l) => other(n.id, l).kind === 'evidence'),
    unanswered_question: isOpenQuestion,
  };
  const limits: Record<NoteRule, number> = {
    untested_assumption: t.untestedAssumptionMinutes,
    unused_evidence: t.unusedEvidenceMinutes,
    unsupported_hypothesis: t.unsupportedHypothesisMinutes,
    unanswered_question: t.unansweredQuestionMinutes,
  };
  const out: Detection[] = [];
  for (const n of s.notes)
    for (const rule of Object.keys(state) as NoteRule[]) {
      const age = (now - ms(n.createdAt)) / MINUTE;
      if (state[rule](n) && age >= limits[rule])
        out.push(noteDetection(rule, { ...n, quote: excerpt(n.body) }, age, limits[rule]));
    }

  const named = s.notes.filter((n) => !n.anonymous);
  if (s.activeSince !== null && s.phase !== 'framing') {
    const groupLast = Math.max(...s.notes.map((n) => ms(n.createdAt)));
    for (const p of s.participants) {
      if (p.id === s.facilitatorId) continue;
      const mine = named.filter((n) => n.authorId === p.id).map((n) => ms(n.createdAt));
      if (mine.length === 0) {
        const start = Math.max(ms(s.activeSince), ms(p.joinedAt));
        const quiet = (now - start) / MINUTE;
        if (quiet >= t.silentParticipantMinutes)
          out.push(
            silentDetection(p, { never: true, sinceMinutes: quiet }, t, new Date(start).toISOString()),
          );
      } else {
        const last = Math.max(...mine);
        const quiet = (now - last) / MINUTE;
        const lastAt = new Date(last).toISOString();
        if (t.silentParticipantMinutes > 0 && (groupLast - last) / MINUTE >= t.silentParticipantMinutes)
          out.push(silentDetection(p, { never: false, lastAt, sinceMinutes: quiet }, t, lastAt));
      }
    }
  }

  const part = referenceParticipation(s);
  const total = named.length;
  if (total >= t.balanceMinContributions && part.people.length >= 2) {
    const ranked = [...part.people].sort(
      (a, b) => b.contributions - a.contributions || a.user.id.localeCompare(b.user.id),
    );
    const [top, second] = ranked;
    const g = part.balance.gini;
    const share = part.balance.topShare;
    if (top && top.contributions > 0) {
      if (
        share > t.dominantVoiceShare ||
        (g > t.dominantVoiceGini && top.contributions > (second?.contributions ?? 0))
      )
        out.push(
          dominantDetection(
            { id: top.user.id, name: top.user.name, count: top.contributions },
            { total, share, gini: g },
            t,
          ),
        );
    }
    const f = part.people.find((p) => p.user.id === s.facilitatorId);
    const fairShare = 1 / part.people.length;
    if (f && f.contributions / total > t.facilitatorShareMultiple * fairShare)
      out.push(
        facilitatorDetection(
          { id: f.user.id, name: f.user.name, count: f.contributions },
          { total, share: f.contributions / total, fairShare, people: part.people.length },
          t,
        ),
      );
  }

  if (s.notes.length >= t.noChallengesMinContributions && !links.some((l) => l.kind === 'challenges'))
    out.push(noChallengesDetection(s.inquiryId, s.notes.length, t));

  const synthesisPhases: Phase[] = ['synthesizing', 'reflecting', 'concluded'];
  const reason = synthesisPhases.includes(s.phase)
    ? 'phase'
    : links.some((l) => l.kind === 'synthesizes')
      ? 'synthesizes'
      : s.conclusionProposed
        ? 'conclusion'
        : null;
  if (reason) {
    const byTime = (a: InsightNote, b: InsightNote) =>
      ms(a.createdAt) - ms(b.createdAt) || a.id.localeCompare(b.id);
    const questions = s.notes.filter(isOpenQuestion).sort(byTime);
    const assumptions = s.notes.filter(isUntested).sort(byTime);
    if (questions.length + assumptions.length > t.prematureConvergenceOpenItems) {
      const degree = (n: InsightNote) => touching(n.id).length;
      const key = [...questions, ...assumptions].sort((a, b) => degree(b) - degree(a) || byTime(a, b))[0];
      out.push(
        prematureDetection(
          s.inquiryId,
          reason,
          s.phase,
          { questions: questions.map((n) => n.id), assumptions: assumptions.map((n) => n.id) },
          key?.id ?? '',
          t,
        ),
      );
    }
  }

  if (s.notes.length >= t.unheardLensMinContributions) {
    const lenses = [
      ...new Set(s.participants.map((p) => p.perspective).filter((l): l is string => l !== null)),
    ];
    for (const lens of lenses) {
      if (named.some((n) => n.perspective === lens)) continue;
      const holders = s.participants
        .filter((p) => p.perspective === lens)
        .map((p) => ({ id: p.id, name: p.name }))
        .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
      out.push(unheardLensDetection(lens, holders, s.notes.length, t));
    }
  }
  return out.sort(compareDetections);
}

export function referenceParticipation(s: InsightSnapshot): InsightParticipation {
  const notes = new Map(s.notes.map((n) => [n.id, n]));
  const named = s.notes.filter((n) => !n.anonymous);
  const ids = new Set([...s.participants.map((p) => p.id), ...named.map((n) => n.authorId)]);
  const total = named.length;
  const links = s.links.filter((l) => notes.has(l.fromId) && notes.has(l.toId));
  // A pair of named notes by two people, counted once as a build-on and once as a challenge, at its first link.
  const pairs = new Map<string, { from: string; to: string; challenge: boolean; at: number }>();
  for (const l of links) {
    const a = notes.get(l.fromId) as InsightNote;
    const b = notes.get(l.toId) as InsightNote;
    if (a.anonymous || b.anonymous || a.authorId === b.authorId) continue;
    const challenge = l.kind === 'challenges';
    const key = `${a.id}|${b.id}|${challenge}`;
    const at = ms(l.createdAt);
    const seen = pairs.get(key);
    if (!seen || at < seen.at) pairs.set(key, { from: a.authorId, to: b.authorId, challenge, at });
  }
  const acks = s.acknowledgements.filter((a) => {
    const n = notes.get(a.contributionId);
    return n && !n.anonymous && n.authorId !== a.userId;
  });
  const nameOf = (id: string) =>
    s.participants.find((p) => p.id === id)?.name ?? named.find((n) => n.authorId === id)?.authorName ?? '';
  const people = [...ids].map((id) => {
    const mine = named.filter((n) => n.authorId === id).map((n) => ms(n.createdAt));
    const given = [...pairs.values()].filter((p) => p.from === id);
    const iso = (v: number) => new Date(v).toISOString();
    return {
      user: { id, name: nameOf(id) },
      role: id === s.facilitatorId ? ('facilitator' as const) : ('participant' as const),
      perspective: s.participants.find((p) => p.id === id)?.perspective ?? null,
      contributions: mine.length,
      buildOns: given.filter((p) => !p.challenge).length,
      challenges: given.filter((p) => p.challenge).length,
      acknowledgementsGiven: acks.filter((a) => a.userId === id).length,
      acknowledgementsReceived: acks.filter((a) => notes.get(a.contributionId)?.authorId === id).length,
      share: total === 0 ? 0 : mine.length / total,
      firstContributionAt: mine.length ? iso(Math.min(...mine)) : null,
      lastContributionAt: mine.length ? iso(Math.max(...mine)) : null,
    };
  });
  people.sort(
    (a, b) =>
      b.contributions - a.contributions ||
      a.user.name.localeCompare(b.user.name) ||
      a.user.id.localeCompare(b.user.id),
  );

  const events: { userId: string; at: number; field: 'c' | 'b' | 'a' }[] = [
    ...named.map((n) => ({ userId: n.authorId, at: ms(n.createdAt), field: 'c' as const })),
    ...[...pairs.values()]
      .filter((p) => !p.challenge)
      .map((p) => ({ userId: p.from, at: p.at, field: 'b' as const })),
    ...acks.map((a) => ({ userId: a.userId, at: ms(a.at), field: 'a' as const })),
  ];
  const hours = events.map((e) => bucketStart(e.at, 'hour'));
  const bucket = events.length === 0 ? 'hour' : bucketFor(Math.max(...hours) + HOUR - Math.min(...hours));
  const rows = new Map<string, { start: number; userId: string; c: number; b: number; a: number }>();
  for (const e of events) {
    const start = bucketStart(e.at, bucket);
    const key = `${start}|${e.userId}`;
    const row = rows.get(key) ?? { start, userId: e.userId, c: 0, b: 0, a: 0 };
    row[e.field]++;
    rows.set(key, row);
  }
  const network = new Map<string, number>();
  for (const p of pairs.values())
    network.set(`${p.from}|${p.to}`, (network.get(`${p.from}|${p.to}`) ?? 0) + 1);

  const counts = people.map((p) => p.contributions);
  const leader = [...people].sort(
    (a, b) => b.contributions - a.contributions || a.user.id.localeCompare(b.user.id),
  )[0];
  const facilitatorCount = named.filter((n) => n.authorId === s.facilitatorId).length;
  return {
    people,
    anonymousContributions: s.notes.length - named.length,
    bucket,
    timeline: [...rows.values()]
      .sort((x, y) => x.start - y.start || x.userId.localeCompare(y.userId))
      .map((r) => ({
        start: new Date(r.start).toISOString(),
        userId: r.userId,
        contributions: r.c,
        buildOns: r.b,
        acknowledgements: r.a,
      })),
    network: [...network]
      .map(([key, count]) => {
        const [from = '', to = ''] = key.split('|');
        return { from, to, count };
      })
      .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to)),
    balance: {
      gini: gini(counts),
      topVoice: leader && leader.contributions > 0 ? leader.user : null,
      topShare: topShare(counts),
      facilitatorShare: total === 0 ? 0 : facilitatorCount / total,
      fairShare: people.length === 0 ? 0 : 1 / people.length,
    },
  };
}
