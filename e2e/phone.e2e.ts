// On a phone (390 × 844, touch): the administrative units list fits its box, the table of
// difficulties by area keeps the area's name readable, and the language switch is big enough
// to tap, signed in or not.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, launchBrowser, signInPage, startServer } from './server.ts';

const shots = new URL('../test-results/', import.meta.url).pathname;
const PHONE = { width: 390, height: 844 };
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;
let orgId: number;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startServer();
  const api = await apiSession(server.url);
  // one review naming difficulties, so the table by area has a row (Hà Nội, the longest name)
  const { body: orgs } = await api('/api/v1/organizations?province=01&pageSize=1');
  orgId = orgs.items[0].id;
  const made = await api('/api/v1/field-reviews', {
    method: 'POST',
    body: JSON.stringify({
      kind: 'visit',
      title: 'Rà soát hợp tác xã trên điện thoại',
      heldOn: `${new Date().getFullYear()}-01-15`,
      areaCode: '01',
      delegation: 'Phòng Kinh tế',
      findings: [{ organizationId: orgs.items[0].id, difficulties: ['capital', 'market', 'land'] }],
    }),
  });
  expect(made.status).toBe(201);
  browser = await launchBrowser();
  const context = await browser.newContext({
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    reducedMotion: 'reduce',
  });
  page = await context.newPage();
  await signInPage(page, server.url);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function expectTappableSwitch(on: Page) {
  const languages = on.getByTestId('language-switch');
  expect((await languages.boundingBox())!.height).toBeGreaterThanOrEqual(40);
  for (const label of ['VI', 'EN']) {
    const option = await languages.locator('label', { hasText: label }).boundingBox();
    expect(option!.height, label).toBeGreaterThanOrEqual(36);
  }
}

describe('on a phone', () => {
  it('the communes of a province fit the list, with "Xem tổ chức" whole; the language switch is tappable', async () => {
    await page.goto(`${server.url}/admin-units?unit=01`);
    const rows = page.getByTestId('unit-row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(10);
    const list = page.locator('ul', { has: rows.first() });
    await list.scrollIntoViewIfNeeded();
    const fit = await list.evaluate((ul) => {
      const viewport = ul.closest<HTMLElement>('.mantine-ScrollArea-viewport')!;
      const box = viewport.getBoundingClientRect();
      const wider = [...ul.querySelectorAll<HTMLElement>('*')]
        .filter((el) => el.getBoundingClientRect().right > box.right + 0.5 || el.scrollWidth > el.clientWidth + 1)
        .map((el) => `${el.tagName}.${el.className}: ${el.textContent?.slice(0, 30)}`);
      return { scrollWidth: viewport.scrollWidth, clientWidth: viewport.clientWidth, wider };
    });
    expect(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth);
    expect(fit.wider).toEqual([]);
    const link = page.getByTestId('unit-registry-link').first();
    expect(await link.innerText()).toBe('Xem tổ chức');
    // shown whole: not cut by its own width nor by the list's box
    expect(await link.evaluate((a) => a.scrollWidth <= a.clientWidth)).toBe(true);
    // the list in view, under the header (a full-page picture here draws the switch at its mouse size)
    await page.screenshot({ path: `${shots}phone-admin-units.png` });

    await expectTappableSwitch(page);
  });

  it('the sign-in page has the same tappable language switch', async () => {
    const signedOut = await (await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true })).newPage();
    await signedOut.goto(`${server.url}/login`);
    await signedOut.getByTestId('login-submit').waitFor({ timeout: 20_000 });
    await expectTappableSwitch(signedOut);
    await signedOut.getByTestId('language-switch').locator('label', { hasText: 'EN' }).tap();
    await expect.poll(() => signedOut.getByTestId('login-submit').innerText(), { timeout: 10_000 }).toBe('Sign in');
  });

  it("a report's figures are typed on the phone's keypad, without arrow buttons too small to tap", async () => {
    await page.goto(`${server.url}/organizations/${orgId}/reports/${new Date().getFullYear()}`);
    const members = page.getByTestId('figure-members');
    await members.waitFor({ timeout: 20_000 });
    expect(await members.getAttribute('inputmode')).toMatch(/numeric|decimal/);
    expect(await page.locator('.mantine-NumberInput-controls').count()).toBeGreaterThan(0);
    expect(await page.locator('.mantine-NumberInput-controls').first().isVisible()).toBe(false);
  });

  it('the difficulties by area keep the area name readable', async () => {
    await page.goto(`${server.url}/field-reviews`);
    const table = page.getByTestId('difficulties').locator('table');
    const hanoi = table.getByRole('cell', { name: 'Thành phố Hà Nội', exact: true });
    await hanoi.waitFor({ timeout: 20_000 });
    const cell = await hanoi.boundingBox();
    expect(cell!.width).toBeGreaterThanOrEqual(120);
    // wrapped at most to two lines
    const lines = await hanoi.evaluate((td) => {
      const range = document.createRange();
      range.selectNodeContents(td);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines).toBeLessThanOrEqual(2);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${shots}phone-field-reviews.png`, fullPage: true });
    // scrolled sideways to the last figures, the area's name stays in view
    const scrolled = await table.evaluate((t) => {
      const scroller = t.closest<HTMLElement>('.mantine-ScrollArea-viewport')!;
      scroller.scrollLeft = scroller.scrollWidth;
      return { left: scroller.scrollLeft, box: scroller.getBoundingClientRect().left };
    });
    expect(scrolled.left).toBeGreaterThan(0);
    await expect.poll(async () => (await hanoi.boundingBox())!.x).toBeGreaterThanOrEqual(scrolled.box - 1);
    await page.getByTestId('difficulties').screenshot({ path: `${shots}phone-difficulties-scrolled.png` });
  });
});
