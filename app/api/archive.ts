import { ARCHIVE_MEDIA_TYPE, type ImportedWorkspaceResponse } from '../../contract/archive.js';
import { upload } from './client.js';

// A whole workspace as one archive (docs/archive.md): the download is a plain link to the route; the
// import sends the chosen file as it is.

export const archiveUrl = (workspaceId: string) => `/api/workspaces/${workspaceId}/archive`;

export const importArchive = (file: File) =>
  upload<ImportedWorkspaceResponse>('/workspaces/import', file, ARCHIVE_MEDIA_TYPE);
