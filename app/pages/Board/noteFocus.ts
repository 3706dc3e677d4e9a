import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import type { Contribution } from '../../../contract/contributions.js';
import { notifyError } from '../../lib/notify.js';
import classes from './NoteFocus.module.css';

const MARK_MS = 4_000;
const SETTLE_MS = [700, 1_400, 2_400];

/**
 * `?note=<id>` on the board (the map's "open on the board"): once the notes are loaded, the note is shown
 * (filters cleared, a notes view chosen), scrolled into the middle of the screen, focused and marked for a
 * moment. Cards carry `id="note-<id>"`.
 */
export function useNoteFocus({
  items,
  ready,
  isShown,
  show,
}: {
  /** Every note the viewer can see (before filters). */
  items: readonly Contribution[] | undefined;
  ready: boolean;
  /** Whether the card is on screen with the current filters and view. */
  isShown: (id: string) => boolean;
  /** Clears filters and leaves views that do not show cards. */
  show: () => void;
}) {
  const [params] = useSearchParams();
  const noteId = params.get('note');
  const done = useRef<string | null>(null);

  useEffect(() => {
    if (!noteId || !ready || !items || done.current === noteId) return;
    if (!items.some((c) => c.id === noteId)) {
      done.current = noteId;
      notifyError(
        new Error('It may have been deleted, or it is not visible to you yet.'),
        'That note is not on the board',
      );
      return;
    }
    if (!isShown(noteId)) {
      show();
      return; // runs again once the card is rendered
    }
    // After the cards have painted.
    const frame = requestAnimationFrame(() => {
      const el = document.getElementById(`note-${noteId}`);
      if (!el) return;
      done.current = noteId;
      const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      el.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
      el.focus({ preventScroll: true });
      // Panels above the notes may still be arriving and push the card down: keep it in view a moment.
      for (const ms of SETTLE_MS) {
        window.setTimeout(() => {
          const r = el.getBoundingClientRect();
          if (r.top < 0 || r.bottom > window.innerHeight) el.scrollIntoView({ block: 'center' });
        }, ms);
      }
      el.classList.add(classes.focused ?? 'focused');
      el.setAttribute('data-focused-note', 'true');
      window.setTimeout(() => {
        el.classList.remove(classes.focused ?? 'focused');
        el.removeAttribute('data-focused-note');
      }, MARK_MS);
    });
    return () => cancelAnimationFrame(frame);
  }, [noteId, ready, items, isShown, show]);
}
