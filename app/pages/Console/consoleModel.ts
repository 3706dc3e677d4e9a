import type { Finding, Participation } from '../../../contract/insights.js';
import type { Severity } from '../../../domain/insights/rules.js';
import { SEVERITY_LABEL } from '../../content/insightsHelp.js';

// What the console's sections compute from the insights answer for display: findings by severity, the
// timeline as chart rows, the network laid out on a circle, and figures in words.

export function groupBySeverity(findings: readonly Finding[]): { severity: Severity; findings: Finding[] }[] {
  const groups = new Map<Severity, Finding[]>();
  for (const f of findings) {
    const list = groups.get(f.severity);
    if (list) list.push(f);
    else groups.set(f.severity, [f]);
  }
  return [...groups]
    .sort(([a], [b]) => SEVERITY_LABEL[a].order - SEVERITY_LABEL[b].order)
    .map(([severity, list]) => ({ severity, findings: list }));
}

export type TimelineMetric = 'contributions' | 'buildOns' | 'acknowledgements';

/** One row per time bucket, a column per person (their id) holding the metric; buckets without rows are 0. */
export function timelineRows(
  p: Pick<Participation, 'timeline'>,
  metric: TimelineMetric,
  userIds: readonly string[],
): Record<string, string | number>[] {
  const byStart = new Map<string, Record<string, string | number>>();
  for (const t of p.timeline) {
    let row = byStart.get(t.start);
    if (!row) {
      row = { start: t.start };
      for (const id of userIds) row[id] = 0;
      byStart.set(t.start, row);
    }
    row[t.userId] = Number(row[t.userId] ?? 0) + t[metric];
  }
  return [...byStart.values()].sort((a, b) => String(a.start).localeCompare(String(b.start)));
}

/** Points evenly spaced on a circle, the first at the top, clockwise; one point sits in the middle. */
export function circleLayout(count: number, radius: number): { x: number; y: number }[] {
  if (count === 1) return [{ x: 0, y: 0 }];
  return Array.from({ length: count }, (_, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / count;
    return { x: Math.round(radius * Math.cos(angle)), y: Math.round(radius * Math.sin(angle)) };
  });
}

/** The radius that keeps neighbours on the circle a node's width and some air apart (room for arrows). */
export function circleRadius(count: number, nodeWidth: number): number {
  if (count <= 1) return 0;
  return Math.max(120, Math.ceil((nodeWidth + 60) / (2 * Math.sin(Math.PI / count))));
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** The Gini coefficient in words. */
export function giniWords(gini: number): string {
  if (gini < 0.2) return 'Notes are spread evenly across people.';
  if (gini < 0.4) return 'Notes are spread fairly evenly, with some people writing more.';
  if (gini < 0.6) return 'Notes are unevenly spread: a few people write most of them.';
  return 'Notes are very unevenly spread: one or two voices carry the discussion.';
}

/** Kendall's W in words (0 = no agreement, 1 = full agreement). */
export function agreementWords(w: number | null): string {
  if (w === null) return 'Not enough rankings yet to compare (at least two are needed).';
  if (w < 0.2) return 'Hardly any agreement: people rank the explanations very differently.';
  if (w < 0.4) return 'Weak agreement: some common ground, much disagreement.';
  if (w < 0.6) return 'Moderate agreement: the group leans the same way on several items.';
  if (w < 0.8) return 'Strong agreement: most people rank the explanations alike.';
  return 'Very strong agreement: the group ranks the explanations almost the same way.';
}

/** "3 contributions", "1 contribution". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The bucket's start as a short label for a chart axis. */
export function bucketLabel(iso: string, bucket: Participation['bucket']): string {
  const d = new Date(iso);
  if (bucket === 'hour')
    return d.toLocaleString(undefined, {
      day: 'numeric',
      month: 'short',
      hour: 'numeric',
      minute: '2-digit',
    });
  return d.toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

/**
 * Where the line from the centre of a `w`×`h` box at `from` towards `to` leaves the box, moved sideways by
 * `offset` (to its right, seen along the line) so that the two directions between a pair stay apart.
 */
export function borderPoint(
  from: { x: number; y: number },
  to: { x: number; y: number },
  w: number,
  h: number,
  offset = 0,
): { x: number; y: number } {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const len = Math.hypot(dx, dy);
  if (len === 0) return { ...from };
  const scale = Math.min(
    dx === 0 ? Number.POSITIVE_INFINITY : w / 2 / Math.abs(dx),
    dy === 0 ? Number.POSITIVE_INFINITY : h / 2 / Math.abs(dy),
  );
  // The right-hand normal of the direction (screen coordinates: y grows downwards).
  const nx = -dy / len;
  const ny = dx / len;
  return { x: from.x + dx * scale + nx * offset, y: from.y + dy * scale + ny * offset };
}

/** A suggested question as a person reads it: "@[Sam Okafor]" (the mention's Markdown) shows as "@Sam Okafor". */
export function plainMentions(text: string): string {
  return text.replace(/@\[([^\]\n]{1,80})\]/g, '@$1');
}
