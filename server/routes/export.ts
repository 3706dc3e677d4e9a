import type { ExportFormat } from '../../contract/export.js';
import { ExportParams, ExportQuery, InquiryExport } from '../../contract/export.js';
import { authorize, inquiryAccess } from '../auth/access.js';
import { requireUser } from '../auth/session.js';
import { contributionsCsv, linksCsv } from '../export/csv.js';
import { loadInquiryExport } from '../export/inquiry-export.js';
import { inquiryMarkdown } from '../export/markdown.js';
import { type App, type RouteContext, SESSION } from './context.js';

const FILES: Record<ExportFormat, { type: string; suffix: string; render: (doc: InquiryExport) => string }> =
  {
    markdown: { type: 'text/markdown; charset=utf-8', suffix: '.md', render: inquiryMarkdown },
    json: {
      type: 'application/json; charset=utf-8',
      suffix: '.json',
      render: (doc) => JSON.stringify(doc, null, 2),
    },
    'contributions-csv': { type: 'text/csv; charset=utf-8', suffix: '-notes.csv', render: contributionsCsv },
    'links-csv': { type: 'text/csv; charset=utf-8', suffix: '-links.csv', render: linksCsv },
  };

/** A file name from the title: ASCII for old clients, the real title for the rest (RFC 6266 / 5987). */
function attachment(title: string, suffix: string): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 60)
    .toLowerCase();
  const base = ascii || 'inquiry';
  return `attachment; filename="${base}${suffix}"; filename*=UTF-8''${encodeURIComponent(title.slice(0, 60) + suffix)}`;
}

export function exportRoutes(app: App, ctx: RouteContext): void {
  const { db } = ctx;

  app.get(
    '/api/inquiries/:inquiryId/export',
    {
      schema: {
        tags: ['export'],
        summary:
          'Download an inquiry as Markdown, JSON or CSV (what you can see; anonymous notes stay anonymous)',
        description:
          '`format=markdown` (default) a readable document with threads, conclusion and reflections; `json` the ' +
          'same as one JSON document (`colearn.inquiry` version 1); `contributions-csv` and `links-csv` tables.',
        security: SESSION,
        params: ExportParams,
        querystring: ExportQuery,
      },
    },
    async (request, reply) => {
      const access = await inquiryAccess(db, await requireUser(db, request), request.params.inquiryId);
      authorize(access, 'inquiry.read');
      const doc = await loadInquiryExport(db, access);
      const file = FILES[request.query.format];
      return reply
        .header('content-type', file.type)
        .header('content-disposition', attachment(doc.inquiry.title, file.suffix))
        .header('cache-control', 'no-store')
        .send(file.render(doc));
    },
  );
}
