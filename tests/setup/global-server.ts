/**
 * Starts the real one-process server (built by scripts/start.mjs when stale) on a free
 * port with a fresh database — a new PostgreSQL database when TEST_DATABASE_URL is set, a
 * new PGlite data folder otherwise — for the browser tests.
 *
 * Its mail goes for real through SMTP to a loopback listener started here (tests/setup/
 * smtp.ts), and mailed links point at the server (PUBLIC_ORIGIN). Test files run in other
 * processes, so the listener's messages are read through a small HTTP mailbox on loopback
 * (`inject('mailboxUrl')`, read by tests/e2e/mailbox.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { scratchDatabase } from './database-url';
import { TEST_DATABASE_URL } from './env';
import { startLoopbackIdp } from './oidc-provider';
import { startMailbox } from './mailbox-server';
import { startSmtp } from './smtp';
import { freePort, waitUntilUp } from './server-process';

export const CHROMIUM = '/usr/bin/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string | null;
    /** The loopback identity provider the server signs staff in through, and its one staff member. */
    oidc: { name: string; login: string; email: string } | null;
    /** GET {mailboxUrl}/mail?to=…: the next mail the server sent to that address. */
    mailboxUrl: string | null;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM)) {
    if (process.env.E2E_REQUIRED === '1')
      throw new Error(`Browser tests are required but ${CHROMIUM} is missing.`);
    console.warn(`Skipping browser tests: ${CHROMIUM} is not installed.`);
    project.provide('baseUrl', null);
    project.provide('oidc', null);
    project.provide('mailboxUrl', null);
    return;
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // Staff sign-in: a real OpenID Connect provider on loopback, in this process.
  const staff = { login: 'sanna', email: 'sanna.oidc@borga.example', name: 'Sanna Korhonen' };
  const idp = await startLoopbackIdp({
    redirectUris: [`${baseUrl}/api/auth/callback/oidc`],
    users: { [staff.login]: { email: staff.email, name: staff.name, groups: ['borga-personal'] } },
  });
  const smtp = await startSmtp();
  const mailbox = await startMailbox(smtp);
  const dataDir = mkdtempSync(join(tmpdir(), 'motesplats-e2e-'));
  let dropDb = async () => {};
  const env: Record<string, string> = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    // The address the browser uses: the IdP's redirect URI and the session cookie are on it.
    PUBLIC_ORIGIN: baseUrl,
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: idp.clientId,
    OIDC_CLIENT_SECRET: idp.clientSecret,
    OIDC_NAME: 'Borgå stad',
    OIDC_SCOPES: 'openid email profile groups',
    OIDC_STAFF_MAP: 'borga-personal=borga:staff',
    SMTP_URL: smtp.url,
    ACCESSIBILITY_FEEDBACK_EMAIL: 'saavutettavuus@borga.example',
  } as Record<string, string>;
  delete env.DATABASE_URL;
  if (TEST_DATABASE_URL) {
    const scratch = await scratchDatabase(TEST_DATABASE_URL, `motesplats_e2e_${process.pid}`);
    env.DATABASE_URL = scratch.url;
    dropDb = scratch.drop;
  }

  const server: ChildProcess = spawn(process.execPath, ['scripts/start.mjs'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout!.on('data', (d) => (output += d));
  server.stderr!.on('data', (d) => (output += d));
  // The first start builds the app when the tree has no build: it may take minutes.
  await waitUntilUp(`${baseUrl}/api/health`, server, {
    timeoutMs: 280_000,
    intervalMs: 250,
    output: () => output,
  });
  project.provide('baseUrl', baseUrl);
  project.provide('mailboxUrl', mailbox.url);
  project.provide('oidc', { name: 'Borgå stad', login: staff.login, email: staff.email });
  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await idp.close();
    await mailbox.close();
    await smtp.close();
    await dropDb();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
