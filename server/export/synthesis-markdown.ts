import * as Y from 'yjs';
import { SYNTHESIS_FIELD } from '../../contract/collab.js';

// The co-edited synthesis (a TipTap document in a Yjs XML fragment) as Markdown, for exports and search.
// Only the node and mark types the synthesis editor offers (StarterKit + Link) are known; anything else
// keeps its text.

interface TextRun {
  insert: unknown;
  attributes?: Record<string, unknown>;
}

const escapeInline = (text: string) => text.replace(/([\\`*_[\]<>#])/g, '\\$1');

function inline(text: Y.XmlText): string {
  return (text.toDelta() as TextRun[])
    .map(({ insert, attributes = {} }) => {
      if (typeof insert !== 'string') return '';
      if ('code' in attributes) return `\`${insert.replace(/`/g, "'")}\``;
      let out = escapeInline(insert);
      if ('bold' in attributes) out = `**${out}**`;
      if ('italic' in attributes) out = `*${out}*`;
      if ('strike' in attributes) out = `~~${out}~~`;
      const link = attributes.link as { href?: unknown } | undefined;
      if (link && typeof link.href === 'string') out = `[${out}](${link.href})`;
      return out;
    })
    .join('');
}

function inlineChildren(node: Y.XmlElement | Y.XmlFragment): string {
  return node
    .toArray()
    .map((child) => {
      if (child instanceof Y.XmlText) return inline(child);
      if (child instanceof Y.XmlElement && child.nodeName === 'hardBreak') return '  \n';
      if (child instanceof Y.XmlElement) return inlineChildren(child);
      return '';
    })
    .join('');
}

const indent = (text: string, prefix: string, rest = ' '.repeat(prefix.length)) =>
  text
    .split('\n')
    .map((line, i) => (i === 0 ? prefix : line ? rest : '') + line)
    .join('\n');

function block(node: Y.XmlElement | Y.XmlText): string {
  if (node instanceof Y.XmlText) return inline(node);
  switch (node.nodeName) {
    case 'paragraph':
      return inlineChildren(node);
    case 'heading': {
      const level = Math.min(Math.max(Number(node.getAttribute('level')) || 1, 1), 6);
      return `${'#'.repeat(level)} ${inlineChildren(node)}`;
    }
    case 'blockquote':
      return blocks(node)
        .split('\n')
        .map((line) => (line ? `> ${line}` : '>'))
        .join('\n');
    case 'codeBlock':
      return `\`\`\`\n${node
        .toArray()
        .map((c) => (c instanceof Y.XmlText ? c.toString() : ''))
        .join('')}\n\`\`\``;
    case 'horizontalRule':
      return '---';
    case 'bulletList':
      return items(node, () => '- ');
    case 'orderedList': {
      const start = Number(node.getAttribute('start')) || 1;
      return items(node, (i) => `${start + i}. `);
    }
    default:
      return blocks(node);
  }
}

function items(list: Y.XmlElement, marker: (index: number) => string): string {
  return list
    .toArray()
    .filter((c): c is Y.XmlElement => c instanceof Y.XmlElement)
    .map((item, i) => indent(blocks(item), marker(i)))
    .join('\n');
}

function blocks(parent: Y.XmlElement | Y.XmlFragment): string {
  return parent
    .toArray()
    .filter((c): c is Y.XmlElement | Y.XmlText => c instanceof Y.XmlElement || c instanceof Y.XmlText)
    .map(block)
    .filter((text) => text.trim() !== '')
    .join('\n\n');
}

/** The synthesis of a Yjs document as Markdown; empty when nobody has written one. */
export function synthesisMarkdown(doc: Y.Doc): string {
  return blocks(doc.getXmlFragment(SYNTHESIS_FIELD));
}

/** The same from the stored updates (see server/store/documents.ts). */
export function synthesisMarkdownFromUpdates(updates: Uint8Array[]): string {
  if (updates.length === 0) return '';
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, Y.mergeUpdates(updates));
    return synthesisMarkdown(doc);
  } finally {
    doc.destroy();
  }
}
