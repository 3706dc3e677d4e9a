// The co-edited synthesis, served by Hocuspocus at /api/collab: which Yjs document and which field hold it.
// The browser editor, the server's access check and the exports all read these.

/** The Yjs document of an inquiry's synthesis. */
export const synthesisDocumentName = (inquiryId: string) => `inquiry:${inquiryId}:synthesis`;

/**
 * The Yjs XML fragment the rich text lives in: TipTap Collaboration's default. Any other reader (an
 * export, a search index) must read the same one.
 */
export const SYNTHESIS_FIELD = 'default';
