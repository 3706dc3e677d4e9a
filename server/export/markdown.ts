import type { ExportedContribution, ExportedLink, InquiryExport } from '../../contract/export.js';
import { LINK_VERBS } from '../../domain/links.js';
import { PHASE_GUIDES } from '../../domain/mechanics/phases.js';
import { REFLECTION_FIELDS } from '../../domain/mechanics/reflection.js';
import { repliesIndex, threadRoots } from '../../domain/threads.js';

// An inquiry as a Markdown file a person reads: the framing, the conclusion and what it rests on, the
// synthesis, the conversation as threads, the reflections and the commitments. Notes are the authors' own
// Markdown and go in as written; everything the exporter adds around them (names, titles, table cells) is
// escaped so a name cannot break the layout.

const MAX_DEPTH = 8;

const escape = (text: string) => text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
const cell = (text: string) => escape(text).replace(/\r?\n/g, ' ');
const date = (iso: string) => iso.slice(0, 10);
const kindLabel = (kind: string) => kind.charAt(0).toUpperCase() + kind.slice(1);
const firstLine = (body: string, max = 80) => {
  const line = body.trim().split('\n')[0] ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};
const quote = (text: string, depth: number) =>
  depth === 0
    ? text
    : text
        .split('\n')
        .map((line) => `${'> '.repeat(depth)}${line}`.trimEnd())
        .join('\n');

function namesOf(doc: InquiryExport): (userId: string) => string {
  const names = new Map<string, string>();
  for (const p of doc.participants) names.set(p.user.id, p.user.name);
  for (const c of doc.contributions) if (c.author) names.set(c.author.id, c.author.name);
  for (const s of doc.subtasks) names.set(s.assignee.id, s.assignee.name);
  for (const c of doc.commitments) names.set(c.owner.id, c.owner.name);
  return (id) => names.get(id) ?? 'a former participant';
}

const byline = (c: ExportedContribution) =>
  [
    c.anonymous ? 'Anonymous' : escape(c.author?.name ?? 'Someone'),
    c.perspective && `${escape(c.perspective)} lens`,
    date(c.createdAt),
  ]
    .filter(Boolean)
    .join(' · ');

function threads(doc: InquiryExport): string[] {
  const replies = repliesIndex(doc.contributions, doc.links);
  const shown = new Set<string>();
  const out: string[] = [];
  const write = (note: ExportedContribution, via: ExportedLink | null, depth: number, path: Set<string>) => {
    // A thread's heading already names the root's kind and first line; replies say how they link.
    const head = via
      ? `**${kindLabel(note.kind)}** ${LINK_VERBS[via.kind]} the note above — ${byline(note)}`
      : `*${byline(note)}*`;
    if (shown.has(note.id)) {
      out.push(quote(`${head}: *${escape(firstLine(note.body))}* (shown in full earlier)`, depth));
      return;
    }
    shown.add(note.id);
    const state = note.state ? ` · ${note.state}` : '';
    const helped = note.acknowledgements ? ` · helped ${note.acknowledgements}` : '';
    out.push(quote(`${head}${state}${helped}\n\n${note.body.trim()}`, depth));
    if (path.size >= MAX_DEPTH) return;
    const next = new Set(path).add(note.id);
    for (const { link, from } of replies.get(note.id) ?? []) {
      if (!next.has(from.id)) write(from, link, depth + 1, next);
    }
  };
  for (const root of threadRoots(doc.contributions, doc.links)) {
    out.push(`### ${kindLabel(root.kind)}: ${escape(firstLine(root.body))}`);
    write(root, null, 0, new Set());
  }
  // Notes only reachable through a cycle of links have no root; they still belong in the file.
  for (const note of doc.contributions) {
    if (!shown.has(note.id)) {
      out.push(`### ${kindLabel(note.kind)}: ${escape(firstLine(note.body))}`);
      write(note, null, 0, new Set());
    }
  }
  return out;
}

function conclusion(doc: InquiryExport, name: (id: string) => string): string[] {
  const proposal = doc.conclusion;
  if (!proposal || proposal.versions.length === 0) return [];
  const adopted = proposal.adopted;
  const version = proposal.versions.find((v) => v.version === adopted?.version) ?? proposal.versions.at(-1);
  if (!version) return [];
  const notes = new Map(doc.contributions.map((c) => [c.id, c]));
  const out = ['## Conclusion'];
  out.push(
    adopted
      ? `*Adopted ${date(adopted.at)} ${adopted.basis === 'consent' ? 'by consent of the group' : `by ${escape(name(adopted.by))}, the facilitator`} (version ${adopted.version}).*`
      : `*Proposed, not adopted yet (version ${version.version} of ${proposal.versions.length}).*`,
  );
  out.push(version.text.trim());
  const restsOn = version.restsOn.map((id) => notes.get(id)).filter((c) => c !== undefined);
  if (restsOn.length) {
    out.push(
      `It rests on:\n\n${restsOn.map((c) => `- ${kindLabel(c.kind)}: ${escape(firstLine(c.body, 120))} (${byline(c)})`).join('\n')}`,
    );
  }
  if (proposal.objections.length) {
    out.push('### Objections');
    out.push(
      proposal.objections
        .map((o) => {
          const answer = o.answer
            ? `\n  Answered by ${escape(name(o.answer.by))}: ${cell(o.answer.response)}`
            : '';
          return `- ${escape(name(o.userId))} objected to version ${o.version} (${o.status.replace('_', ' ')}): ${cell(o.reason)}${answer}`;
        })
        .join('\n'),
    );
  }
  if (proposal.endorsements.length) {
    const endorsers = [...new Set(proposal.endorsements.map((e) => escape(name(e.userId))))];
    out.push(`Endorsed by ${endorsers.join(', ')}.`);
  }
  return out;
}

function reflections(doc: InquiryExport, name: (id: string) => string): string[] {
  if (doc.reflections.length === 0) return [];
  const out = ['## Reflections'];
  for (const r of doc.reflections) {
    out.push(`### ${escape(name(r.userId))}`);
    out.push(
      REFLECTION_FIELDS.filter((f) => r[f.id].trim())
        .map((f) => `**${f.label}**\n\n${r[f.id].trim()}`)
        .join('\n\n'),
    );
  }
  return out;
}

function commitments(doc: InquiryExport): string[] {
  if (doc.commitments.length === 0) return [];
  return [
    '## Commitments',
    [
      '| What | Owner | Due | Status |',
      '| --- | --- | --- | --- |',
      ...doc.commitments.map(
        (c) => `| ${cell(c.text)} | ${cell(c.owner.name)} | ${c.dueDate ?? '—'} | ${c.status} |`,
      ),
    ].join('\n'),
  ];
}

function subtasks(doc: InquiryExport): string[] {
  if (doc.subtasks.length === 0) return [];
  const out = ['## Subtasks'];
  for (const s of doc.subtasks) {
    out.push(
      `### ${escape(s.title)}\n\n*${escape(s.assignee.name)} · ${s.status}${s.dueDate ? ` · due ${s.dueDate}` : ''}*`,
    );
    if (s.detail.trim()) out.push(s.detail.trim());
    if (s.result.trim()) out.push(`**Result**\n\n${s.result.trim()}`);
  }
  return out;
}

export function inquiryMarkdown(doc: InquiryExport): string {
  const { inquiry } = doc;
  const name = namesOf(doc);
  const people = doc.participants
    .map(
      (p) =>
        `${escape(p.user.name)}${p.role === 'facilitator' ? ' (facilitator)' : ''}${p.perspective ? `, ${escape(p.perspective)} lens` : ''}`,
    )
    .join('; ');
  const sections = [
    `# ${escape(inquiry.title)}`,
    quote(escape(inquiry.question), 1),
    [
      `- Phase: ${PHASE_GUIDES[inquiry.phase].title} · ${inquiry.mode} mode`,
      `- Facilitator: ${escape(name(inquiry.facilitatorId))}`,
      `- People: ${people || 'none yet'}`,
      `- Started ${date(inquiry.createdAt)} · exported ${date(doc.exportedAt)} · ${doc.contributions.length} notes, ${doc.links.length} links`,
    ].join('\n'),
  ];
  if (inquiry.context.trim()) sections.push('## Context', inquiry.context.trim());
  if (inquiry.successCriteria.trim())
    sections.push('## What success looks like', inquiry.successCriteria.trim());
  sections.push(...conclusion(doc, name));
  if (doc.synthesis.trim()) sections.push('## Synthesis', doc.synthesis.trim());
  sections.push(...subtasks(doc));
  if (doc.contributions.length) sections.push('## The conversation', ...threads(doc));
  sections.push(...reflections(doc, name), ...commitments(doc));
  return `${sections.join('\n\n')}\n`;
}
