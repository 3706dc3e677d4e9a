import { stringify } from 'csv-stringify/sync';
import type { InquiryExport } from '../../contract/export.js';

// An inquiry's notes and links as CSV tables for spreadsheets and BI tools (RFC 4180 via csv-stringify).

/**
 * Spreadsheets run a cell that starts with =, +, - or @ as a formula; a note is text, so such a cell gets a
 * leading apostrophe (the OWASP advice for CSV injection).
 */
const inert = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

export function contributionsCsv(doc: InquiryExport): string {
  return stringify(
    doc.contributions.map((c) => [
      c.id,
      c.kind,
      c.state ?? '',
      c.confidence,
      c.anonymous ? 'Anonymous' : inert(c.author?.name ?? ''),
      c.anonymous ? '' : (c.author?.id ?? ''),
      c.anonymous ? 'yes' : 'no',
      inert(c.perspective ?? ''),
      c.acknowledgements,
      c.createdAt,
      c.updatedAt,
      inert(c.body),
    ]),
    {
      header: true,
      columns: [
        'id',
        'kind',
        'state',
        'confidence',
        'author',
        'author_id',
        'anonymous',
        'lens',
        'helped',
        'created_at',
        'updated_at',
        'body',
      ],
    },
  );
}

export function linksCsv(doc: InquiryExport): string {
  return stringify(
    doc.links.map((l) => [l.id, l.fromId, l.toId, l.kind, l.createdAt]),
    { header: true, columns: ['id', 'from_id', 'to_id', 'kind', 'created_at'] },
  );
}
