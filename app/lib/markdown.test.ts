// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { plainExcerpt, renderMarkdown } from './markdown.js';

function dom(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

describe('renderMarkdown', () => {
  it('renders Markdown', () => {
    const el = dom(renderMarkdown('**bold** and a [link](https://example.com)\n\n- one\n- two'));
    expect(el.querySelector('strong')?.textContent).toBe('bold');
    expect(el.querySelectorAll('li')).toHaveLength(2);
    const a = el.querySelector('a');
    expect(a?.getAttribute('href')).toBe('https://example.com');
    expect(a?.getAttribute('target')).toBe('_blank');
    expect(a?.getAttribute('rel')).toContain('noopener');
  });

  it.each([
    ['<script>alert(1)</script>', 'script'],
    ['<img src=x onerror="alert(1)">', '[onerror]'],
    ['<svg onload="alert(1)"></svg>', 'svg'],
    ['<iframe src="https://example.com"></iframe>', 'iframe'],
    ['<form action="/x"><button>go</button></form>', 'form, button'],
    ['<p style="position:fixed">x</p>', '[style]'],
    ['<style>body{display:none}</style>', 'style'],
  ])('removes %s', (input, selector) => {
    expect(dom(renderMarkdown(input)).querySelector(selector)).toBeNull();
  });

  it.each([
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](java\tscript:alert(1))',
    '<a href="javascript&#58;alert(1)">x</a>',
    '<a href="  javascript:alert(1)">x</a>',
    '[x](data:text/html,<script>alert(1)</script>)',
    '[x](vbscript:msgbox(1))',
    '![x](data:image/svg+xml,<svg onload=alert(1)>)',
  ])('drops the dangerous URL in %s', (input) => {
    const el = dom(renderMarkdown(input));
    for (const node of el.querySelectorAll('[href], [src]')) {
      const url = (node.getAttribute('href') ?? node.getAttribute('src') ?? '')
        .replace(/\s/g, '')
        .toLowerCase();
      expect(url).not.toMatch(/^(javascript|data|vbscript)/);
    }
  });

  it('keeps safe relative and mailto links', () => {
    const el = dom(renderMarkdown('[a](/i/123) [b](mailto:x@example.com) [c](#top)'));
    expect([...el.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      '/i/123',
      'mailto:x@example.com',
      '#top',
    ]);
  });
});

describe('plainExcerpt', () => {
  it('strips markup and shortens', () => {
    expect(plainExcerpt('**Hello** _world_ <b>x</b>')).toBe('Hello world x');
    expect(plainExcerpt('a'.repeat(100), 10)).toBe(`${'a'.repeat(9)}…`);
  });
});
