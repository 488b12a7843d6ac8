// The main journey of issue 2 in a real browser: search without diacritics, open a
// cooperative, edit it, see the change; then a stale edit shows what the other person changed.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, apiSession, launchBrowser, signInPage, startServer, loseFirstAnswer } from './server.ts';

const shots = new URL('../test-results/', import.meta.url).pathname;
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;
let api: Awaited<ReturnType<typeof apiSession>>;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startServer();
  api = await apiSession(server.url);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await signInPage(page, server.url);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('registry in the browser', () => {
  it('shows the demo registry in Vietnamese', async () => {
    await page.goto(`${server.url}/organizations`);
    await expect.poll(() => page.getByTestId('org-row').count(), { timeout: 20_000 }).toBeGreaterThan(5);
    expect(await page.getByTestId('total-count').innerText()).toMatch(/\d+ tổ chức/);
    await page.screenshot({ path: `${shots}registry.png`, fullPage: true });
  });

  it('searches without diacritics, opens the cooperative, edits it and sees the change', async () => {
    const created = await api('/api/v1/organizations', {
      method: 'POST',
      body: JSON.stringify({
        registrationNo: '0412000777',
        name: 'Hợp tác xã Tuấn Tú Quảng Hòa',
        kind: 'HTX',
        sector: 'agriculture',
        provinceCode: '04',
        communeCode: '01558',
        foundedOn: '2012-11-16',
      }),
    });
    expect(created.status).toBe(201);

    await page.goto(`${server.url}/organizations`);
    await page.getByTestId('search-input').fill('tuan tu quang hoa');
    await expect.poll(() => page.getByTestId('org-row').count(), { timeout: 10_000 }).toBe(1);
    await page.getByTestId('org-row').getByText('Hợp tác xã Tuấn Tú Quảng Hòa').click();
    await expect.poll(() => page.getByTestId('org-name').innerText()).toBe('Hợp tác xã Tuấn Tú Quảng Hòa');
    await page.screenshot({ path: `${shots}detail.png`, fullPage: true });

    await page.getByTestId('edit-button').click();
    const name = page.getByTestId('field-name');
    await name.fill('Hợp tác xã Tuấn Tú Hạ Lang');
    await page.getByTestId('save-button').click();
    await expect.poll(() => page.getByTestId('org-name').innerText()).toBe('Hợp tác xã Tuấn Tú Hạ Lang');
    expect(page.url()).toMatch(new RegExp(`/organizations/${created.body.id}$`));
    const stored = await api(`/api/v1/organizations/${created.body.id}`);
    expect(stored.body).toMatchObject({ name: 'Hợp tác xã Tuấn Tú Hạ Lang', version: 2 });
  });

  it('on a stale edit shows what someone else changed and overwrites nothing', async () => {
    const { body: org } = await api('/api/v1/organizations?q=tuan%20tu%20ha%20lang');
    const id = org.items[0].id;
    await page.goto(`${server.url}/organizations/${id}/edit`);
    await page.getByTestId('field-phone').fill('0206 3888 999');

    // someone else saves first
    const other = await api(`/api/v1/organizations/${id}`, {
      method: 'PATCH',
      body: JSON.stringify({ version: 2, phone: '0206 3111 222' }),
    });
    expect(other.status).toBe(200);

    await page.getByTestId('save-button').click();
    await page.getByTestId('conflict-alert').waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-testid="conflict-field"][data-field="phone"]').count()).toBe(1);
    await page.screenshot({ path: `${shots}conflict.png`, fullPage: true });
    expect((await api(`/api/v1/organizations/${id}`)).body.phone).toBe('0206 3111 222');
  });

  it("takes a save sent again after its answer was lost as saved, not as someone else's change", async () => {
    const { body: org } = await api('/api/v1/organizations?q=tuan%20tu%20ha%20lang');
    const { id, version } = org.items[0];
    await page.goto(`${server.url}/organizations/${id}/edit`);
    await page.getByTestId('field-address').fill('Thôn Bản Piên');
    // the first save reaches the server; its answer never reaches the browser
    await loseFirstAnswer(page, `**/api/v1/organizations/${id}`, 'PATCH');
    await page.getByTestId('save-button').click();
    await page.getByTestId('error-alert').waitFor({ timeout: 10_000 });
    await page.getByTestId('save-button').click();
    await expect.poll(() => page.url(), { timeout: 10_000 }).toMatch(new RegExp(`/organizations/${id}$`));
    await page.getByTestId('org-name').waitFor();
    expect(await page.getByTestId('conflict-alert').count()).toBe(0);
    // written once
    expect((await api(`/api/v1/organizations/${id}`)).body).toMatchObject({
      address: 'Thôn Bản Piên',
      version: version + 1,
    });
  });

  it('keeps what was typed when the session ends, and saves it after signing in again', async () => {
    const { body: org } = await api('/api/v1/organizations?q=tuan%20tu%20ha%20lang');
    const id = org.items[0].id;
    await page.goto(`${server.url}/organizations/${id}/edit`);
    await page.getByTestId('field-phone').fill('0206 3555 666');
    await page.context().clearCookies(); // the session is gone, as after two idle hours
    await page.getByTestId('save-button').click();
    await page.getByTestId('again-password').fill(ADMIN.password);
    await page.screenshot({ path: `${shots}sign-in-again.png` });
    await page.getByTestId('again-submit').click();
    await page.getByTestId('sign-in-again').waitFor({ state: 'detached', timeout: 10_000 });
    expect(await page.getByTestId('field-phone').inputValue()).toBe('0206 3555 666');
    await page.getByTestId('save-button').click();
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 10_000 }).toBe(`/organizations/${id}`);
    expect((await api(`/api/v1/organizations/${id}`)).body.phone).toBe('0206 3555 666');
  });

  it('asks before leaving a form with changes not saved, and leaves nothing saved', async () => {
    const { body: org } = await api('/api/v1/organizations?q=tuan%20tu%20ha%20lang');
    const { id, phone } = org.items[0];
    await page.goto(`${server.url}/organizations/${id}/edit`);
    await page.getByTestId('field-phone').fill('0206 3000 000');
    await page.getByTestId('nav-organizations').click();
    await page.getByTestId('leave-stay').click();
    expect(new URL(page.url()).pathname).toBe(`/organizations/${id}/edit`);
    expect(await page.getByTestId('field-phone').inputValue()).toBe('0206 3000 000');
    await page.getByTestId('cancel-button').click();
    await page.getByTestId('leave-discard').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/organizations/${id}`);
    expect((await api(`/api/v1/organizations/${id}`)).body.phone).toBe(phone);
  });

  it('asks before leaving the settings with a change not saved; once saved, it does not', async () => {
    await page.goto(`${server.url}/settings`);
    const weak = page.getByTestId('effective-weak');
    const before = await weak.isChecked();
    await weak.click();
    await page.getByTestId('nav-organizations').click();
    await page.getByTestId('leave-stay').click();
    expect(new URL(page.url()).pathname).toBe('/settings');
    await page.getByTestId('effective-save').click();
    await expect.poll(async () => (await api('/api/v1/settings')).body.effectiveGrades.includes('weak')).toBe(!before);
    await page.getByTestId('nav-organizations').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/organizations');

    await page.goto(`${server.url}/settings`);
    const row = page.getByTestId('periods-table').getByRole('row').nth(1);
    await row.getByRole('textbox').first().fill('02/01/2031');
    await page.getByTestId('nav-organizations').click();
    await page.getByTestId('leave-discard').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/organizations');
  });

  it('a period’s dates changed by two administrators: the later save is refused, and can take the new dates', async () => {
    const other = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await signInPage(other, server.url);
    for (const p of [page, other]) await p.goto(`${server.url}/settings`);
    const due = (p: Page) => p.getByTestId('period-2026-H1').getByRole('textbox').nth(1);
    const opens = (p: Page) => p.getByTestId('period-2026-H1').getByRole('textbox').first();
    // the other has typed its date before the first saves: a re-read does not replace it
    await due(other).fill('31/07/2026');
    await due(page).fill('20/07/2026');
    await page.getByTestId('period-2026-H1').getByRole('button', { name: 'Lưu' }).click();
    await expect
      .poll(
        async () => (await api('/api/v1/periods')).body.find((w: { period: string }) => w.period === '2026-H1').dueOn,
        { timeout: 10_000 },
      )
      .toBe('2026-07-20');

    await other.getByTestId('period-2026-H1').getByRole('button', { name: 'Lưu' }).click();
    await expect
      .poll(() => other.getByTestId('period-error').innerText(), { timeout: 10_000 })
      .toContain('người khác đổi');
    await other.getByTestId('period-2026-H1').getByTestId('conflict-discard').click();
    expect(await due(other).inputValue()).toBe('20/07/2026');
    expect((await api('/api/v1/periods')).body.find((w: { period: string }) => w.period === '2026-H1').dueOn).toBe(
      '2026-07-20',
    );

    // a deadline before the opening: the reason, in Vietnamese, beside the row
    await opens(other).fill('01/09/2026');
    await other.getByTestId('period-2026-H1').getByRole('button', { name: 'Lưu' }).click();
    await expect
      .poll(() => other.getByTestId('period-error').innerText(), { timeout: 10_000 })
      .toBe('Hạn nộp phải sau ngày mở');
    await other.close();
  });

  it('browses administrative units', async () => {
    await page.goto(`${server.url}/admin-units`);
    await expect.poll(() => page.getByTestId('unit-row').count(), { timeout: 10_000 }).toBe(34);
    await page.screenshot({ path: `${shots}admin-units.png`, fullPage: true });
  });
});
