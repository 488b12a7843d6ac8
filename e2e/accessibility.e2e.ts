// Every page the administrator opens, on a phone and on a laptop, and a cooperative's and a
// commune officer's own pages on a phone, checked with axe-core against
// WCAG 2.1 A and AA: contrast, names of buttons and fields, keyboard access to what scrolls.
// What axe cannot judge (reading order, the sense of a label) is not covered here.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from '../server/lib/exceljs.ts';
import { apiSession, launchBrowser, signInPage, startServer } from './server.ts';

const HA_LANG = fileURLToPath(new URL('../../shared/examples/ha-lang-2024.csv', import.meta.url));
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let paths: string[] = [];
let editPath = '';
let admin: Awaited<ReturnType<typeof apiSession>>;
let orgId = 0;
const coop = { email: 'htx.a11y@hoptac.local', password: 'mật khẩu hợp tác xã a11y' };
const officer = { email: 'can-bo.a11y@hoptac.local', password: 'mật khẩu cán bộ xã a11y' };

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await apiSession(server.url);
  const { body } = await admin('/api/v1/organizations?pageSize=1');
  const id = body.items[0].id as number;
  orgId = id;
  // one change, so that the organisation's history has an entry to show
  await admin(`/api/v1/organizations/${id}`, {
    method: 'PATCH',
    body: JSON.stringify({ version: body.items[0].version, phone: '0206 3111 222' }),
  });
  for (const [who, role, scope] of [
    [coop, 'cooperative', { organizationId: id }],
    [officer, 'commune_officer', { areaCode: body.items[0].communeCode }],
  ] as const) {
    const made = await admin('/api/v1/users', {
      method: 'POST',
      body: JSON.stringify({ ...who, name: who.email, role, ...scope }),
    });
    expect(made.status).toBe(201);
  }
  editPath = `/organizations/${id}/edit`;
  paths = [
    '/dashboard',
    '/dashboard?province=04',
    '/dashboard?map=pre-2025&province=04',
    '/organizations',
    `/organizations/${id}`,
    `/organizations/${id}/edit`,
    '/organizations/new',
    `/organizations/${id}/reports/2025`,
    `/organizations/${id}/grades/2025`,
    '/imports',
    '/admin-units',
    '/reports',
    '/field-reviews',
    '/field-reviews/new',
    '/users',
    '/audit',
    '/settings',
    '/profile',
  ];
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const PHONE = { width: 390, height: 844 };

/** A page of its own browser context, signed in (the administrator unless said). */
async function signedIn(
  viewport: { width: number; height: number },
  who?: { email: string; password: string },
): Promise<Page> {
  const page = await (await browser.newContext({ viewport, reducedMotion: 'reduce' })).newPage();
  await signInPage(page, server.url, who);
  return page;
}

/** axe's WCAG 2.1 A/AA violations on the page as it stands, one line per element. */
async function violations(page: Page, skip: string[] = []): Promise<string[]> {
  await page.evaluate(axeSource); // in the page's own context, where its CSP does not apply
  const found = await page.evaluate(async (skip) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'],
      rules: Object.fromEntries(skip.map((rule) => [rule, { enabled: false }])),
    });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.help}): ${n.target.join(' ')}`));
  }, skip);
  return found.map((line) => `${new URL(page.url()).pathname} ${line}`);
}

/** What axe finds on each of the pages, opened in turn. */
async function visiting(page: Page, list: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of list) {
    await page.goto(`${server.url}${path}`);
    await page.waitForLoadState('networkidle');
    found.push(...(await violations(page)));
  }
  return found;
}

describe.each([
  ['a phone', PHONE],
  ['a laptop', { width: 1366, height: 768 }],
])('every page on %s', (_, viewport) => {
  it('has nothing axe finds against WCAG 2.1 AA', async () => {
    const page = await (await browser.newContext({ viewport, reducedMotion: 'reduce' })).newPage();
    await page.goto(`${server.url}/login`);
    const found = await violations(page);
    await signInPage(page, server.url);
    found.push(...(await visiting(page, paths)));
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').waitFor();
    found.push(...(await violations(page)));
    await page.goto(`${server.url}/organizations/${orgId}`);
    await page.getByTestId('history-tab').click();
    await page.getByTestId('audit-event').first().waitFor();
    found.push(...(await violations(page)));
    expect(found).toEqual([]);
    await page.context().close();
  }, 180_000);
});

describe.each([
  ['a cooperative', () => coop, () => [`/organizations/${orgId}`, `/organizations/${orgId}/reports/2026`, '/profile']],
  ['a commune officer', () => officer, () => ['/dashboard', '/reports', '/field-reviews', '/field-reviews/new']],
])('the pages of %s on a phone', (_, who, pages) => {
  it('have nothing axe finds either', async () => {
    const page = await signedIn(PHONE, who());
    const found = await visiting(page, pages());
    expect(found).toEqual([]);
    await page.context().close();
  });
});

describe('the dialogs', () => {
  it('that keep typed work (leave a form, sign in again) have nothing axe finds either', async () => {
    const page = await signedIn(PHONE);
    await page.goto(`${server.url}${editPath}`);
    await page.getByTestId('field-phone').fill('0206 3777 888');
    await page.getByTestId('cancel-button').click();
    await page.getByTestId('leave-stay').waitFor();
    const found = await violations(page);
    await page.getByTestId('leave-stay').click();
    await page.context().clearCookies();
    await page.getByTestId('save-button').click();
    await page.getByTestId('again-password').waitFor();
    found.push(...(await violations(page)));
    expect(found).toEqual([]);
    await page.context().close();
  });

  it("that add an account (its organisation's search, the question before closing) have nothing axe finds", async () => {
    const page = await signedIn(PHONE);
    await page.goto(`${server.url}/users`);
    await page.getByTestId('user-create').click();
    await page.getByTestId('user-role').click();
    await page.getByRole('option', { name: 'Hợp tác xã', exact: true }).click();
    await page.getByTestId('user-organization').click();
    await page.getByRole('option').first().waitFor();
    // An open list is worked from its field (arrows move through the options and scroll the list,
    // the WAI-ARIA combobox): axe's rule wants the scrolling list itself focusable.
    const found = await violations(page, ['scrollable-region-focusable']);
    await page.keyboard.press('Escape'); // closes the list
    await page.getByTestId('user-password').fill('một mật khẩu dài');
    await page.keyboard.press('Escape');
    await page.getByTestId('user-close-confirm').waitFor();
    found.push(...(await violations(page)));
    expect(found).toEqual([]);
    await page.context().close();
  });
});

describe("a workbook's preview", () => {
  it('(its changes and its rows that name no organisation) has nothing axe finds', async () => {
    const page = await signedIn(PHONE, officer);
    await page.goto(`${server.url}/reports`);
    const downloading = page.waitForEvent('download');
    await page.getByTestId('workbook-download').click();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await (await downloading).path());
    const sheet = workbook.worksheets[0]!;
    const members = (sheet.getRow(1).values as unknown[]).map(String).indexOf('Số thành viên');
    sheet.getRow(2).getCell(members).value = 99;
    sheet.addRow(['KHONG-CO-1']);
    await page.locator('input[type=file]').setInputFiles({
      name: 'so-bao-cao.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
    });
    await page.getByTestId('workbook-row').first().waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('workbook-row').count()).toBe(2);
    const found = await violations(page);
    expect(found).toEqual([]);
    await page.context().close();
  });
});

describe('the states that report a problem', () => {
  it("(a form's field errors, a stale edit's conflict, a file's bad rows) have nothing axe finds either", async () => {
    const page = await signedIn(PHONE);
    await page.goto(`${server.url}/organizations/new`);
    await page.getByTestId('save-button').click();
    await page.getByTestId('form-errors').waitFor();
    const found = await violations(page);
    await page.goto(`${server.url}${editPath}`);
    await page.getByTestId('field-phone').fill('0206 3222 333');
    const id = editPath.split('/')[2];
    const { body: org } = await admin(`/api/v1/organizations/${id}`);
    await admin(`/api/v1/organizations/${id}`, {
      method: 'PATCH',
      body: JSON.stringify({ version: org.version, phone: '0206 3444 555' }),
    });
    await page.getByTestId('save-button').click();
    await page.getByTestId('conflict-alert').waitFor();
    found.push(...(await violations(page)));
    // a file of the pre-2025 map checked against the current one: every row refused
    await page.goto(`${server.url}/imports`);
    await page.getByTestId('import-file').setInputFiles(HA_LANG);
    await page.getByTestId('import-period').click();
    await page.getByRole('option', { name: 'Năm 2024', exact: true }).click();
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-error-row').first().waitFor({ timeout: 20_000 });
    found.push(...(await violations(page)));
    expect(found).toEqual([]);
    await page.context().close();
  });
});

describe('a page still loading', () => {
  /** Holds the answers to `url` until the returned function is called. */
  async function holding(page: Page, url: string) {
    let answer = () => {};
    const held = new Promise<void>((resolve) => (answer = resolve));
    await page.route(url, async (route) => {
      await held;
      await route.continue();
    });
    return answer;
  }

  it('(its session, then its list, not answered yet) says so to a screen reader; axe finds nothing', async () => {
    const page = await signedIn(PHONE);
    const loading = page.getByRole('status', { name: 'Đang tải…' });
    const answerSession = await holding(page, '**/api/v1/auth/me');
    const answerList = await holding(page, '**/api/v1/audit?**');
    await page.goto(`${server.url}/audit`);
    await page.getByTestId('page-loader').waitFor();
    await loading.waitFor();
    const found = await violations(page);
    answerSession();
    await page.getByTestId('audit-from').waitFor(); // the page itself, past the loader of its code
    await loading.waitFor({ timeout: 10_000 });
    found.push(...(await violations(page)));
    answerList();
    await page.getByTestId('audit-event').first().waitFor();
    expect(found).toEqual([]);
    await page.context().close();
  });
});

describe('the keyboard', () => {
  it('reaches the page past the header and the menu with its first Tab', async () => {
    const page = await signedIn({ width: 1366, height: 768 });
    await page.goto(`${server.url}/organizations`);
    await page.getByTestId('nav-organizations').waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByTestId('skip-link');
    expect(await skip.evaluate((e) => e === document.activeElement)).toBe(true);
    const box = await skip.boundingBox();
    expect(box && box.y >= 0).toBe(true); // in sight once focused
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
    await page.context().close();
  });
});
