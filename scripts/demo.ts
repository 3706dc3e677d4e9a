// npm run demo: creates the shared demo workspace (once) and prints how to sign in to it.
import { loadConfigOrExit } from '../server/config.js';
import { openDatabase } from '../server/store/db.js';
import { createDemoWorkspace, DEMO_LOGINS, hasDemoWorkspace } from './demo-data.js';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const database = await openDatabase(config.database);
  try {
    const base = config.publicUrl ?? `http://localhost:${config.port}`;
    const where = config.database.kind === 'sqlite' ? config.database.file : 'PostgreSQL';
    const lines: string[] = [''];
    if (await hasDemoWorkspace(database.db)) {
      lines.push(`  The demo workspace already exists (${where}); nothing to do.`);
    } else {
      const { inquiryId } = await createDemoWorkspace(database.db);
      lines.push(`  Created the demo workspace "Aurora Outdoor Co." (${where}).`);
      lines.push(`  Its main inquiry: ${new URL(`/i/${inquiryId}`, base).toString()}`);
    }
    lines.push(
      '',
      `  Sign in at ${new URL('/signin', base).toString()} with password "${DEMO_LOGINS.password}":`,
    );
    for (const p of DEMO_LOGINS.people)
      lines.push(`    ${p.email.padEnd(26)} ${p.name.padEnd(16)} ${p.role.padEnd(12)} ${p.title}`);
    lines.push('', '  Start the server with "npm start" if it is not running.', '');
    console.log(lines.join('\n'));
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
