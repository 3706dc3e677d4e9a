// The server Playwright tests run against: the built app, a fresh embedded database, port 3100.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildIfStale } from './build-if-stale.mjs';

const root = resolve(import.meta.dirname, '..');
const port = process.env.E2E_PORT ?? '3100';
// A run on another port (an engineer's own, beside CI's or a colleague's) builds its own copy of the app,
// so one run's rebuild never pulls the files from under another's server.
const webDir = port === '3100' ? 'dist' : `.test-output/web-${port}`;
buildIfStale(webDir);
const dataDir = mkdtempSync(join(tmpdir(), 'colearn-e2e-'));
const server = spawn(process.execPath, ['--import', 'tsx', resolve(root, 'server/main.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    PORT: port,
    WEB_DIR: resolve(root, webDir),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    AUTH_REQUESTS_PER_MINUTE: '10000',
  },
});
const stop = (signal) => server.kill(signal);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(signal));
server.on('exit', (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
