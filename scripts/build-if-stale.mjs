// Builds the web app into dist/ (or another folder) when it is missing or older than any of its sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const SOURCES = ['app', 'contract', 'domain', 'vite.config.ts', 'package-lock.json'];

export function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function buildIfStale(outDir = 'dist') {
  const built = resolve(root, outDir, 'index.html');
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  const sourcesAt = Math.max(...SOURCES.map((s) => newestMtime(resolve(root, s))));
  if (builtAt >= sourcesAt) return;
  console.log(builtAt ? 'Web app changed since the last build; rebuilding…' : 'Building the web app…');
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', resolve(root, outDir), '--emptyOutDir'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('The web app did not build; see the errors above.');
    process.exit(result.status ?? 1);
  }
}

if (process.argv[1] === import.meta.filename) buildIfStale();
