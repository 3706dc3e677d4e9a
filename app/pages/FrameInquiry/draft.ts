import { EMPTY_FRAMING, type FramingValues } from '../../components/InquiryFields.js';
import type { PartialFitAnswers } from './FitCheck.js';

// The framing in progress, kept for this browser tab: opening a past inquiry's card or the library from
// the framing screen and coming back finds the draft as it was. Cleared when the inquiry is started or
// the framing is cancelled.

export interface FramingDraft {
  values: FramingValues;
  fitAnswers: PartialFitAnswers;
  overrideReason: string;
}

const key = (workspaceId: string) => `colearn.framing-draft.${workspaceId}`;

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // Storage can be switched off; the draft then lives only as long as the page.
    return null;
  }
}

export function isEmptyDraft(draft: FramingDraft): boolean {
  const v = draft.values;
  return !v.title.trim() && !v.question.trim() && !v.context.trim() && !v.successCriteria.trim();
}

export function loadDraft(workspaceId: string): FramingDraft | null {
  const raw = storage()?.getItem(key(workspaceId));
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<FramingDraft>;
    return {
      values: { ...EMPTY_FRAMING, ...(parsed.values ?? {}) },
      fitAnswers: parsed.fitAnswers ?? {},
      overrideReason: typeof parsed.overrideReason === 'string' ? parsed.overrideReason : '',
    };
  } catch {
    return null;
  }
}

export function saveDraft(workspaceId: string, draft: FramingDraft): void {
  const store = storage();
  if (!store) return;
  try {
    if (isEmptyDraft(draft)) store.removeItem(key(workspaceId));
    else store.setItem(key(workspaceId), JSON.stringify(draft));
  } catch {
    // A full storage loses the draft on leaving, nothing more.
  }
}

export function clearDraft(workspaceId: string): void {
  storage()?.removeItem(key(workspaceId));
}
