import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SYNTHESIS_FIELD } from '../../contract/collab.js';
import { synthesisMarkdown, synthesisMarkdownFromUpdates } from './synthesis-markdown.js';

function element(name: string, children: (Y.XmlElement | Y.XmlText)[], attrs: Record<string, string> = {}) {
  const el = new Y.XmlElement(name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.insert(0, children);
  return el;
}

function text(runs: [string, Record<string, unknown>?][]) {
  const t = new Y.XmlText();
  t.applyDelta(runs.map(([insert, attributes]) => (attributes ? { insert, attributes } : { insert })));
  return t;
}

function docWith(...nodes: Y.XmlElement[]) {
  const doc = new Y.Doc();
  doc.getXmlFragment(SYNTHESIS_FIELD).insert(0, nodes);
  return doc;
}

describe('synthesis as Markdown', () => {
  it('renders headings, paragraphs with marks, lists and quotes as TipTap stores them', () => {
    const doc = docWith(
      element('heading', [text([['Where we landed']])], { level: '2' }),
      element('paragraph', [
        text([
          ['Returns rose ', undefined],
          ['because', { bold: {} }],
          [' of sizing; see ', undefined],
        ]),
        text([['the data', { link: { href: 'https://example.com/d' } }]]),
      ]),
      element('bulletList', [
        element('listItem', [element('paragraph', [text([['first']])])]),
        element('listItem', [
          element('paragraph', [text([['second']])]),
          element('bulletList', [element('listItem', [element('paragraph', [text([['nested']])])])]),
        ]),
      ]),
      element('orderedList', [element('listItem', [element('paragraph', [text([['step']])])])], {
        start: '3',
      }),
      element('blockquote', [element('paragraph', [text([['a quote']])])]),
      element('codeBlock', [text([['x = 1']])]),
    );
    expect(synthesisMarkdown(doc)).toBe(
      [
        '## Where we landed',
        'Returns rose **because** of sizing; see [the data](https://example.com/d)',
        '- first\n- second\n\n  - nested',
        '3. step',
        '> a quote',
        '```\nx = 1\n```',
      ].join('\n\n'),
    );
  });

  it('escapes Markdown in plain text so a note cannot inject formatting', () => {
    const doc = docWith(element('paragraph', [text([['*not bold* <b>'], ['code`', { code: {} }]])]));
    expect(synthesisMarkdown(doc)).toBe("\\*not bold\\* \\<b\\>`code'`");
  });

  it('reads the stored updates, and is empty without any', () => {
    const doc = docWith(element('paragraph', [text([['kept']])]));
    expect(synthesisMarkdownFromUpdates([Y.encodeStateAsUpdate(doc)])).toBe('kept');
    expect(synthesisMarkdownFromUpdates([])).toBe('');
  });
});
