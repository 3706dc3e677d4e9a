import type { AskedPromptStatus, Finding } from '../../contract/insights.js';
import type { InsightsEngine } from '../../domain/insights/engine.js';
import { fillPrompt, mention, type Placeholder } from '../../domain/insights/prompts.js';
import { excerpt, names } from '../../domain/insights/text.js';
import type { Detection } from '../../domain/insights/types.js';
import type { Privacy } from '../auth/privacy.js';
import type { AskedRecord, PromptRecord } from '../store/insights.js';

// Findings as the console shows them: each detection with the workspace's prompt for its rule, names and
// the note filled in, addressed to a person or the group, and whether it has been asked and answered.
// The question is exactly what "ask" posts, so the facilitator sees what the group will read.

export interface QuestionContext {
  engine: InsightsEngine;
  prompts: ReadonlyMap<string, PromptRecord>;
  /** Latest asked record per finding id. */
  asked: ReadonlyMap<string, AskedRecord>;
  privacy: Privacy;
  participantIds: readonly string[];
}

/** A note is quoted only when every participant may read it (private mode would otherwise leak it). */
function quotable(ctx: QuestionContext, noteId: string): string | undefined {
  const note = ctx.engine.note(noteId);
  if (!note) return undefined;
  if (ctx.privacy.active && !ctx.participantIds.every((id) => ctx.privacy.canSee(id, note)))
    return 'a note not everyone can see yet';
  return `“${excerpt(note.body)}”`;
}

/** Who the question goes to: one person when the prompt says so and the finding has exactly one. */
function addressee(ctx: QuestionContext, d: Detection, prompt: PromptRecord | undefined) {
  if (prompt?.addressedTo !== 'person') return null;
  let ids = d.fill.personIds;
  if (ids.length === 0 && d.fill.noteId) {
    // A note rule addresses the note's author, unless the note is anonymous.
    const note = ctx.engine.note(d.fill.noteId);
    ids = note && !note.anonymous ? [note.authorId] : [];
  }
  if (ids.length !== 1) return null;
  const id = ids[0] as string;
  const name = ctx.engine.nameOf(id);
  return name === null ? null : { id, name };
}

export function presentFinding(ctx: QuestionContext, d: Detection): Finding {
  const prompt = ctx.prompts.get(d.rule);
  const to = addressee(ctx, d, prompt);
  const values: Partial<Record<Placeholder, string>> = {};
  const people = d.fill.personIds.map((id) => ctx.engine.nameOf(id)).filter((n): n is string => n !== null);
  if (to) values.person = mention(to.name);
  else if (people.length > 0) values.person = names(people);
  if (d.fill.noteId) {
    const quote = quotable(ctx, d.fill.noteId);
    if (quote) values.note = quote;
  }
  if (d.fill.lens) values.lens = d.fill.lens;
  let question = fillPrompt(prompt?.text ?? '', values);
  if (to && !question.includes(mention(to.name))) question = `${mention(to.name)} ${question}`;
  const asked = ctx.asked.get(d.id);
  return {
    id: d.id,
    rule: d.rule,
    severity: d.severity,
    explanation: d.explanation,
    subjects: d.subjects,
    question,
    addressedTo: to,
    promptId: prompt?.id ?? null,
    asked: asked
      ? {
          contributionId: asked.contributionId,
          askedAt: asked.askedAt,
          answered: ctx.engine.isAnswered(asked.contributionId),
        }
      : null,
  };
}

/** Every question asked in the inquiry, newest first, with its status. */
export function presentAsked(
  engine: InsightsEngine,
  asked: readonly AskedRecord[],
  openFindings: ReadonlySet<string>,
): AskedPromptStatus[] {
  return asked
    .filter((a) => engine.hasNote(a.contributionId))
    .map((a) => ({
      findingId: a.findingId,
      rule: a.rule,
      promptId: a.promptId,
      contributionId: a.contributionId,
      askedAt: a.askedAt,
      answered: engine.isAnswered(a.contributionId),
      findingOpen: openFindings.has(a.findingId),
    }))
    .reverse();
}

/** The latest asked record for each finding. */
export function latestAsked(asked: readonly AskedRecord[]): Map<string, AskedRecord> {
  const map = new Map<string, AskedRecord>();
  for (const a of asked) map.set(a.findingId, a);
  return map;
}
