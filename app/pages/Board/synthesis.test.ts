import { describe, expect, it } from 'vitest';
import {
  CARET_COLORS,
  caretColor,
  caretUserOf,
  editorsOf,
  type SynthesisState,
  safeHref,
  statusLine,
  synthesisDocumentName,
} from './synthesis.js';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('synthesis', () => {
  it('names the document as the server expects', () => {
    expect(synthesisDocumentName('0f8e3c1a-8c8e-4f43-9f6b-2b8e4b6f4a10')).toBe(
      'inquiry:0f8e3c1a-8c8e-4f43-9f6b-2b8e4b6f4a10:synthesis',
    );
  });

  it('caret colours carry white label text at 4.5:1 or better', () => {
    for (const c of CARET_COLORS) {
      expect(c).toMatch(/^#[0-9a-f]{6}$/); // CollaborationCaret drops any other form
      const ratio = (1 + 0.05) / (luminance(c) + 0.05);
      expect(ratio, c).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('gives a person the same colour every time, and spreads people over the palette', () => {
    expect(caretColor('u-1')).toBe(caretColor('u-1'));
    const used = new Set(Array.from({ length: 200 }, (_, i) => caretColor(`user-${i}`)));
    expect(used.size).toBe(CARET_COLORS.length);
  });

  it('reads people from awareness states, once each, me first', () => {
    const states = [
      { user: { id: 'b', name: 'Bea', color: '#1864ab' } },
      { user: { id: 'me', name: 'Zed', color: '#a61e4d' } },
      {},
      { cursor: null },
      { user: { id: 'a', name: 'Ann' } },
      { user: { id: 'b', name: 'Bea', color: '#1864ab' } }, // a second tab
      { user: { name: 'No id' } },
    ];
    const editors = editorsOf(states, 'me');
    expect(editors.map((e) => e.name)).toEqual(['Zed', 'Ann', 'Bea']);
    expect(editors[1]?.color).toBe(caretColor('a'));
    expect(caretUserOf(null)).toBeNull();
    expect(caretUserOf({ user: 'x' })).toBeNull();
  });

  describe('status line', () => {
    const base: SynthesisState = {
      status: 'connected',
      synced: true,
      everSynced: true,
      unsynced: 0,
      online: true,
      readOnly: false,
      denied: false,
      editors: 3,
    };
    it.each<[Partial<SynthesisState>, string]>([
      [{}, 'Saved · 3 editing'],
      [{ editors: 0 }, 'Saved'],
      [{ unsynced: 2 }, 'Saving… · 3 editing'],
      [{ status: 'connecting', synced: false, everSynced: false }, 'Connecting…'],
      [{ status: 'disconnected', synced: false }, 'Reconnecting…'],
      [{ status: 'connecting', synced: false }, 'Reconnecting…'],
      [{ online: false }, 'Offline · your edits are kept and sync when you’re back'],
      [{ readOnly: true, editors: 2 }, 'Read-only · 2 here'],
      [{ denied: true }, 'You cannot open this synthesis'],
    ])('%o → %s', (patch, text) => {
      expect(statusLine({ ...base, ...patch }).text).toBe(text);
    });
  });

  describe('link addresses', () => {
    it.each([
      ['https://example.com/a?b=c#d', 'https://example.com/a?b=c#d'],
      ['http://intranet.local:8080/x', 'http://intranet.local:8080/x'],
      ['  example.com/report  ', 'https://example.com/report'],
      ['mailto:ann@example.com', 'mailto:ann@example.com'],
      ['ann@example.com', 'mailto:ann@example.com'],
    ])('allows %s', (input, href) => {
      expect(safeHref(input)).toBe(href);
    });
    it.each([
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\u0000script:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '//evil.example/x',
      '/relative/path',
      'not a link',
      '',
      'https://',
    ])('refuses %s', (input) => {
      expect(safeHref(input)).toBeNull();
    });
  });
});
