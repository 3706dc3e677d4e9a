// npm test: type check, unit + integration tests (Vitest), end-to-end tests (Playwright in Debian's
// Chromium); then one closing line "N passed, N failed, N skipped" summing every suite.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, '.test-output');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const only = process.argv.slice(2); // e.g. `npm test -- unit` or `npm test -- e2e`
const wanted = (suite) => only.length === 0 || only.includes(suite);

function run(command, args, env = {}) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

if (wanted('types')) {
  const status = run('npx', ['tsc', '--noEmit', '-p', '.']);
  if (status === 0) totals.passed += 1;
  else totals.failed += 1;
}

if (wanted('unit')) {
  const file = resolve(out, 'vitest.json');
  const status = run('npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ]);
  const report = readJson(file);
  if (report) {
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
  }
  if (status !== 0 && (!report || report.numFailedTests === 0)) totals.failed += 1; // the runner itself failed
}

if (wanted('e2e')) {
  if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
    console.error(
      '\nChromium is missing: install it with `apt-get install -y chromium` (.ci/run does this).',
    );
    totals.failed += 1;
  } else {
    const file = resolve(out, 'playwright.json');
    const status = run('npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
    const report = readJson(file);
    if (report?.stats) {
      totals.passed += report.stats.expected + report.stats.flaky;
      totals.failed += report.stats.unexpected;
      totals.skipped += report.stats.skipped;
    }
    if (status !== 0 && (!report?.stats || report.stats.unexpected === 0)) totals.failed += 1;
  }
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
