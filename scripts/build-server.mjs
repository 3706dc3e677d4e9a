// Compiles the server (server/main.ts and everything it imports from this repository) into one
// JavaScript file, dist-server/main.js, when it is missing or older than any of its sources. Packages
// stay imports from node_modules. `npm start` runs this file: no TypeScript compiler in the running
// server (tsx cost ~57 MB of memory), while `npm run dev` and the tests still run the sources via tsx.
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { newestMtime } from './build-if-stale.mjs';

const root = resolve(import.meta.dirname, '..');
const SOURCES = ['server', 'contract', 'domain', 'scripts', 'package-lock.json', 'tsconfig.json'];
export const SERVER_BUNDLE = resolve(root, 'dist-server/main.js');

export async function buildServerIfStale() {
  const builtAt = existsSync(SERVER_BUNDLE) ? statSync(SERVER_BUNDLE).mtimeMs : 0;
  const sourcesAt = Math.max(...SOURCES.map((s) => newestMtime(resolve(root, s))));
  if (builtAt >= sourcesAt) return SERVER_BUNDLE;
  console.log(builtAt ? 'Server changed since the last build; recompiling…' : 'Compiling the server…');
  const result = await build({
    entryPoints: [resolve(root, 'server/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    outfile: SERVER_BUNDLE,
    write: false,
    logLevel: 'warning',
  });
  // Written beside and renamed into place, so a server starting meanwhile never reads half a file.
  mkdirSync(resolve(root, 'dist-server'), { recursive: true });
  for (const file of result.outputFiles) {
    const temporary = join(resolve(root, 'dist-server'), `.${process.pid}.tmp`);
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  return SERVER_BUNDLE;
}

if (process.argv[1] === import.meta.filename) await buildServerIfStale();
