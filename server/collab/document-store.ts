import type { Extension, onLoadDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import { indexSynthesis, synthesisInquiryId } from '../search/indexer.js';
import type { Db } from '../store/db.js';
import { appendDocumentUpdate, loadDocumentUpdates, replaceDocumentUpdates } from '../store/documents.js';

/** After this many stored updates a document is compacted into one. */
export const COMPACT_AFTER = 50;

/**
 * Keeps co-edited documents in the database as incremental Yjs updates: each store appends only what
 * changed since the last one, and a long history is merged into a single update now and then.
 */
export class DocumentStore implements Extension {
  extensionName = 'colearn-document-store';
  /** What this instance has stored (or loaded) of each open document, as a Yjs state vector. */
  private readonly stored = new Map<string, Uint8Array>();

  constructor(private readonly db: Db) {}

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    const updates = await loadDocumentUpdates(this.db, documentName);
    if (updates.length > 0) Y.applyUpdate(document, Y.mergeUpdates(updates), 'colearn-load');
    this.stored.set(documentName, Y.encodeStateVector(document));
  }

  async onStoreDocument({ documentName, document }: onStoreDocumentPayload): Promise<void> {
    const since = this.stored.get(documentName);
    const diff = Y.encodeStateAsUpdate(document, since);
    const state = Y.encodeStateVector(document);
    if (since && isEmptyUpdate(diff)) return;
    // The update and the search index's copy of the text are stored together.
    const count = await this.db.transaction().execute(async (trx) => {
      const n = await appendDocumentUpdate(trx, documentName, diff);
      const inquiryId = synthesisInquiryId(documentName);
      if (inquiryId) await indexSynthesis(trx, inquiryId, document, new Date().toISOString());
      return n;
    });
    this.stored.set(documentName, state);
    if (count > COMPACT_AFTER) await this.compact(documentName, document);
  }

  async afterUnloadDocument({ documentName }: { documentName: string }): Promise<void> {
    this.stored.delete(documentName);
  }

  /** Merges everything stored (also by other instances) with what this one holds, into one row. */
  private async compact(documentName: string, document: Y.Doc): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const stored = await loadDocumentUpdates(trx, documentName);
      await replaceDocumentUpdates(
        trx,
        documentName,
        Y.mergeUpdates([...stored, Y.encodeStateAsUpdate(document)]),
      );
    });
  }
}

/** An update that carries no change: no new structs and an empty delete set. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length <= 2;
}
