// npm start: build the web app and compile the server if either is missing or stale, then run the
// compiled server (plain JavaScript: no TypeScript compiler in the running process).
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { buildIfStale } from './build-if-stale.mjs';
import { buildServerIfStale } from './build-server.mjs';

const root = resolve(import.meta.dirname, '..');
buildIfStale();
const bundle = await buildServerIfStale();
const server = spawn(process.execPath, [bundle], {
  cwd: root,
  stdio: 'inherit',
  env: { NODE_ENV: 'production', ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
