import { sql } from 'kysely';
import * as Y from 'yjs';
import { synthesisDocumentName } from '../../contract/collab.js';
import type { Proposal } from '../../domain/mechanics/consent.js';
import {
  indexConclusion,
  indexInquiry,
  indexReflection,
  indexSynthesis,
  scopeOf,
} from '../search/indexer.js';
import type { Db } from '../store/db.js';
import { loadDocumentUpdates } from '../store/documents.js';

// An imported workspace is written row by row around the application's writers, so its search entries
// are added here, in the import's transaction: notes in one INSERT … SELECT (a hundred thousand would take
// minutes one by one), framings, conclusions, reflections and syntheses through the indexer's own functions.

/** Long texts are cut like the indexer cuts them (PostgreSQL's tsvector has a 1 MB limit). */
const MAX_TEXT = 100_000;

export async function indexImportedWorkspace(db: Db, workspaceId: string): Promise<void> {
  const inquiries = await db
    .selectFrom('inquiries')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .execute();
  for (const { id } of inquiries) {
    await indexInquiry(db, id);
    // The same entry as indexContribution writes for one note.
    await db
      .insertInto('search_entries')
      .columns([
        'key',
        'workspace_id',
        'inquiry_id',
        'source',
        'contribution_id',
        'kind',
        'state',
        'author_id',
        'anonymous',
        'perspective',
        'title',
        'text',
        'scope',
        'created_at',
      ])
      .expression(
        db
          .selectFrom('contributions as c')
          .select([
            sql<string>`'contribution:' || c.id`.as('key'),
            sql<string>`${workspaceId}`.as('workspace_id'),
            'c.inquiry_id',
            sql<string>`'contribution'`.as('source'),
            'c.id',
            'c.kind',
            'c.state',
            'c.author_id',
            'c.anonymous',
            'c.perspective',
            sql<string>`''`.as('title'),
            sql<string>`substr(c.body, 1, ${MAX_TEXT})`.as('text'),
            sql<string>`${scopeOf(workspaceId, id)}`.as('scope'),
            'c.created_at',
          ])
          .where('c.inquiry_id', '=', id),
      )
      .execute();
    const conclusion = await db
      .selectFrom('conclusions')
      .select('proposal')
      .where('inquiry_id', '=', id)
      .executeTakeFirst();
    if (conclusion) await indexConclusion(db, id, JSON.parse(conclusion.proposal) as Proposal);
    const reflections = await db
      .selectFrom('reflections')
      .select('user_id')
      .where('inquiry_id', '=', id)
      .execute();
    for (const r of reflections) await indexReflection(db, id, r.user_id);
    const updates = await loadDocumentUpdates(db, synthesisDocumentName(id));
    if (updates.length > 0) {
      const at = await db
        .selectFrom('document_updates')
        .select('created_at')
        .where('document', '=', synthesisDocumentName(id))
        .executeTakeFirst();
      const doc = new Y.Doc();
      try {
        Y.applyUpdate(doc, Y.mergeUpdates(updates));
        await indexSynthesis(db, id, doc, at?.created_at ?? new Date().toISOString());
      } finally {
        doc.destroy();
      }
    }
  }
}
