// The server Playwright tests run against: the built app, a fresh embedded database, port 3100, and single
// sign-on through a real OpenID Connect provider (scripts/e2e-idp.ts) on an ephemeral port beside it.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { buildIfStale } from './build-if-stale.mjs';

const root = resolve(import.meta.dirname, '..');
const port = process.env.E2E_PORT ?? '3100';
// A run on another port (an engineer's own, beside CI's or a colleague's) builds its own copy of the app,
// so one run's rebuild never pulls the files from under another's server.
const webDir = port === '3100' ? 'dist' : `.test-output/web-${port}`;
buildIfStale(webDir);
const dataDir = mkdtempSync(join(tmpdir(), 'colearn-e2e-'));

const idp = spawn(
  process.execPath,
  ['--import', 'tsx', resolve(root, 'scripts/e2e-idp.ts'), `http://127.0.0.1:${port}/api/auth/oidc/callback`],
  { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
);
/** The provider's first line says where it is and which client to use. */
const oidc = await new Promise((resolveLine, reject) => {
  let buffered = '';
  const read = (chunk) => {
    buffered += chunk;
    const newline = buffered.indexOf('\n');
    if (newline < 0) return;
    idp.stdout.off('data', read);
    resolveLine(JSON.parse(buffered.slice(0, newline)));
  };
  idp.stdout.on('data', read);
  idp.once('exit', (code) => reject(new Error(`the e2e identity provider stopped (${code})`)));
});
// Its later notices are of no interest, but the pipe must keep flowing.
idp.stdout.resume();

// A mailbox for the specs: every mail the app sends lands as a file in .test-output/mailbox-<port>/, where
// a spec reads it (e2e/helpers.ts readMail), the way a person would open their inbox.
const mailbox = resolve(root, `.test-output/mailbox-${port}`);
rmSync(mailbox, { recursive: true, force: true });
mkdirSync(mailbox, { recursive: true });
let mails = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      const to = session.envelope.rcptTo.map((r) => r.address);
      writeFileSync(
        join(mailbox, `${String(++mails).padStart(5, '0')}.json`),
        JSON.stringify({ to, raw: Buffer.concat(chunks).toString('utf8') }),
      );
      callback();
    });
  },
});
await new Promise((resolveListen) => smtp.listen(0, '127.0.0.1', resolveListen));

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
    OIDC_ISSUER: oidc.issuer,
    OIDC_CLIENT_ID: oidc.clientId,
    OIDC_CLIENT_SECRET: oidc.clientSecret,
    OIDC_REDIRECT_URL: `http://127.0.0.1:${port}/api/auth/oidc/callback`,
    OIDC_NAME: 'Test SSO',
    SMTP_URL: `smtp://127.0.0.1:${smtp.server.address().port}`,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  },
});
const stop = (signal) => {
  smtp.close();
  server.kill(signal);
  idp.kill(signal);
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(signal));
server.on('exit', (code) => {
  idp.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
