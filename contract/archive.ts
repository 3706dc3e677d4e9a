import { z } from 'zod';
import { Workspace } from './workspaces.js';

// A whole workspace as one archive and back (docs/archive.md). The archive itself is a gzip'd tar; these
// are the JSON answers around it.

/** The largest archive an instance accepts through the API (the command line has no limit). */
export const ARCHIVE_MAX_BYTES = 256 * 1024 * 1024;
export const ARCHIVE_MEDIA_TYPE = 'application/gzip';

export const ImportedWorkspaceResponse = z.object({
  workspace: Workspace,
  /** How many records of each kind came in, and how many synthesis documents. */
  imported: z.object({ records: z.record(z.string(), z.number().int()), documents: z.number().int() }),
});
export type ImportedWorkspaceResponse = z.infer<typeof ImportedWorkspaceResponse>;
