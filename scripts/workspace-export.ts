// npm run workspace:export -- <workspaceId> <file>: writes the workspace as an archive (docs/archive.md)
// from the configured database (DATABASE_URL, or the SQLite file under DATA_DIR).
import { createWriteStream, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { exportWorkspaceArchive } from '../server/archive/export.js';
import { snapshotReader } from '../server/archive/snapshot.js';
import { loadConfigOrExit } from '../server/config.js';
import { openDatabase } from '../server/store/db.js';

const VERSION: string = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../package.json'), 'utf8'),
).version;

async function main(): Promise<void> {
  const [workspaceId, file] = process.argv.slice(2);
  if (!workspaceId || !file) {
    console.error('Usage: npm run workspace:export -- <workspaceId> <file.tar.gz>');
    process.exit(2);
  }
  const config = loadConfigOrExit();
  const database = await openDatabase(config.database);
  try {
    const workspace = await database.db
      .selectFrom('workspaces')
      .select('name')
      .where('id', '=', workspaceId)
      .executeTakeFirst();
    if (!workspace) {
      console.error(`There is no workspace ${workspaceId} in this database.`);
      process.exitCode = 1;
      return;
    }
    const started = performance.now();
    await pipeline(
      exportWorkspaceArchive(snapshotReader(config.database, database.db), workspaceId, VERSION),
      createWriteStream(file),
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Wrote "${workspace.name}" to ${file} in ${seconds} s.`);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
