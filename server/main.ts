import { DEMO_LOGINS, hasDemoWorkspace } from '../scripts/demo-data.js';
import { buildApp } from './app.js';
import { loadConfigOrExit } from './config.js';
import { openDatabase } from './store/db.js';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const database = await openDatabase(config.database);
  const { app } = await buildApp(config, database);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const where = config.database.kind === 'sqlite' ? config.database.file : 'PostgreSQL';
  const address = `http://localhost:${config.port}`;
  const lines = [``, `  Colearn is running at ${address}`, `  Database: ${where}`];
  if (await hasDemoWorkspace(database.db)) {
    lines.push(`  Demo logins (password "${DEMO_LOGINS.password}"):`);
    for (const login of DEMO_LOGINS.people) lines.push(`    ${login.email.padEnd(28)} ${login.role}`);
  } else {
    lines.push(`  No demo workspace yet: run "npm run demo" to create one.`);
  }
  console.log(`${lines.join('\n')}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
