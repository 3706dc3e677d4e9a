// npm run workspace:import -- <file>: reads a workspace archive (docs/archive.md) into the configured
// database, all or nothing. People are matched by e-mail or created without a password (they sign in
// through single sign-on, or an owner invites them again); nobody is made an owner who was not one.
import { createReadStream } from 'node:fs';
import { ArchiveConflict, ArchiveError, importWorkspaceArchive } from '../server/archive/import.js';
import { loadConfigOrExit } from '../server/config.js';
import { openDatabase } from '../server/store/db.js';

async function main(): Promise<void> {
  const [file] = process.argv.slice(2);
  if (!file) {
    console.error('Usage: npm run workspace:import -- <file.tar.gz>');
    process.exit(2);
  }
  const config = loadConfigOrExit();
  const database = await openDatabase(config.database);
  try {
    const started = performance.now();
    const result = await importWorkspaceArchive(database.db, createReadStream(file));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const counts = Object.entries(result.counts)
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => `${n} ${kind}`)
      .join(', ');
    console.log(
      `Imported "${result.name}" (${result.workspaceId}) in ${seconds} s: ${counts}, ${result.documents} documents.`,
    );
  } catch (error) {
    if (error instanceof ArchiveError || error instanceof ArchiveConflict) {
      console.error(`Not imported: ${error.message}`);
      process.exitCode = 1;
      return;
    }
    throw error;
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
