import type { Db } from './db.js';
import { newId, now } from './ids.js';

// Co-edited documents as a list of Yjs updates (base64, so one column type serves both databases).

export async function loadDocumentUpdates(db: Db, document: string): Promise<Uint8Array[]> {
  const rows = await db
    .selectFrom('document_updates')
    .select('update_b64')
    .where('document', '=', document)
    .orderBy('id')
    .execute();
  return rows.map((r) => new Uint8Array(Buffer.from(r.update_b64, 'base64')));
}

export async function appendDocumentUpdate(db: Db, document: string, update: Uint8Array): Promise<number> {
  await db
    .insertInto('document_updates')
    .values({ id: newId(), document, update_b64: Buffer.from(update).toString('base64'), created_at: now() })
    .execute();
  const row = await db
    .selectFrom('document_updates')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('document', '=', document)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Replaces every stored update of a document by one that holds them all. Call inside a transaction. */
export async function replaceDocumentUpdates(db: Db, document: string, merged: Uint8Array): Promise<void> {
  await db.deleteFrom('document_updates').where('document', '=', document).execute();
  await db
    .insertInto('document_updates')
    .values({ id: newId(), document, update_b64: Buffer.from(merged).toString('base64'), created_at: now() })
    .execute();
}
