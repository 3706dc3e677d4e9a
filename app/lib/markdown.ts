import DOMPurify from 'dompurify';
import { Marked } from 'marked';

// User text is untrusted: Markdown is rendered with marked, then everything passes through DOMPurify.
// Links and images may only point at http(s), mailto or relative URLs; javascript:, data:, vbscript: and
// anything else are dropped, and links open in a new tab without access to this window.

const marked = new Marked({ gfm: true, breaks: true, async: false });

const SAFE_URL = /^(?:https?:|mailto:|\/|#|\.{0,2}\/)/i;
const URL_ATTRS = ['href', 'src', 'xlink:href', 'action', 'formaction', 'srcset', 'background', 'poster'];

let hooked = false;
function ensureHooks(): void {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    for (const attr of URL_ATTRS) {
      const value = node.getAttribute(attr);
      if (value === null) continue;
      // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
      const compact = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
      const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(compact);
      if (attr === 'srcset' || (hasScheme && !SAFE_URL.test(compact))) node.removeAttribute(attr);
    }
    if (node.tagName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer nofollow');
    }
  });
}

export function renderMarkdown(source: string): string {
  ensureHooks();
  const html = marked.parse(source) as string;
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: [
      'style',
      'form',
      'input',
      'button',
      'textarea',
      'select',
      'iframe',
      'object',
      'embed',
      'svg',
      'math',
    ],
    FORBID_ATTR: ['style', 'class', 'id', 'srcset'],
    ALLOW_DATA_ATTR: false,
  });
}

/** The first words of a note as plain text, for titles and previews. */
export function plainExcerpt(source: string, max = 80): string {
  const text = source
    .replace(/<[^>]*>/g, ' ')
    .replace(/[`*_>#~[\]()!]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
