import { useWindowScroll } from '@mantine/hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Contribution } from '../../../contract/contributions.js';

const READING_OFFSET = 160;

/**
 * The board never jumps under a reader: while the page is scrolled, notes that others post are held back
 * and counted ("3 new"); they are shown when the reader asks, or returns to the top. Own notes, and
 * everything while at the top, appear at once.
 */
export function useHeldBack(items: Contribution[] | undefined) {
  const [scroll] = useWindowScroll();
  const reading = scroll.y > READING_OFFSET;
  const known = useRef<Set<string> | null>(null);
  const [version, setVersion] = useState(0);

  const ids = useMemo(() => new Set((items ?? []).map((c) => c.id)), [items]);

  if (items && known.current === null) known.current = new Set(ids);

  const heldIds = useMemo(() => {
    const held = new Set<string>();
    void version;
    if (!items || !known.current) return held;
    for (const c of items) {
      if (known.current.has(c.id)) continue;
      if (!reading || c.isMine) known.current.add(c.id);
      else held.add(c.id);
    }
    return held;
    // version: recompute after a release.
  }, [items, reading, version]);

  const release = useCallback(() => {
    if (!known.current) return;
    for (const id of ids) known.current.add(id);
    setVersion((n) => n + 1);
  }, [ids]);

  // Back at the top: nothing to protect any more.
  useEffect(() => {
    if (!reading && heldIds.size > 0) release();
  }, [reading, heldIds, release]);

  const visible = useMemo(() => (items ?? []).filter((c) => !heldIds.has(c.id)), [items, heldIds]);

  const showNew = useCallback(() => {
    release();
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    window.scrollTo({ top: 0, behavior: smooth ? 'smooth' : 'auto' });
  }, [release]);

  return { visible, newCount: heldIds.size, showNew };
}
