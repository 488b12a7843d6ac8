import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const ADMIN = { email: 'admin@hoptac.local', password: 'quản trị e2e 2026' };

/**
 * `hoptac serve --demo` on its own data directory and a free port, with a known administrator.
 * The directory starts as a copy of `template` when one is given (the run's demo database,
 * built once by `e2e/global-setup.ts`), and is removed on stop unless it is to be kept.
 */
export async function startServer(
  opts: { dataDir?: string; template?: string } = { template: inject('e2eTemplate') },
): Promise<{ url: string; stop: () => Promise<void> }> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'hoptac-e2e-'));
  if (opts.template) cpSync(opts.template, dataDir, { recursive: true });
  const bin = new URL('../bin/hoptac.js', import.meta.url).pathname;
  const child: ChildProcess = spawn(process.execPath, [bin, 'serve', '--demo'], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      HOPTAC_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      HOPTAC_ADMIN_PASSWORD: ADMIN.password,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Signs in through the API: `call` then sends the session cookie, and the CSRF token with writes. */
export async function apiSession(url: string, who = ADMIN) {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${who.email}: ${res.status}`);
  const cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async function call(path: string, init: RequestInit = {}) {
    const r = await fetch(`${url}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    });
    const type = r.headers.get('content-type') ?? '';
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: r.status, headers: r.headers, body: (type.includes('json') ? await r.json() : null) as any };
  };
}

/** Signs in through the sign-in page, as a person does. */
export async function signInPage(page: Page, url: string, who = ADMIN) {
  await page.goto(`${url}/login`);
  await page.getByTestId('login-email').fill(who.email);
  await page.getByTestId('login-password').fill(who.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 20_000 });
}

/**
 * Sends the first `method` request to `url` on to the server and loses its answer, as a phone's
 * dropped connection does; the page sees a network error, the server has written.
 */
export async function loseFirstAnswer(page: Page, url: string, method: string) {
  let lost = false;
  await page.route(url, async (route) => {
    if (lost || route.request().method() !== method) return route.fallback();
    lost = true;
    await route.fetch();
    await route.abort('connectionreset');
  });
}
