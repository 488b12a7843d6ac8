// Accounts in a real browser: a commune officer signs in, sees only what is theirs, and cannot
// open another province's cooperative by its address; the administrator manages accounts and
// reads an organisation's history.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, launchBrowser, signInPage, startServer } from './server.ts';

const shots = new URL('../test-results/', import.meta.url).pathname;
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let admin: Awaited<ReturnType<typeof apiSession>>;
const officer = { email: 'can-bo.ha-lang@hoptac.local', password: 'mật khẩu cán bộ xã' };
const org = { own: 0, neighbour: 0, away: 0 };

async function create(name: string, provinceCode: string, communeCode: string | null) {
  const res = await admin('/api/v1/organizations', {
    method: 'POST',
    body: JSON.stringify({
      registrationNo: `E2E${Date.now()}${name.length}`,
      name,
      kind: 'HTX',
      sector: 'agriculture',
      provinceCode,
      communeCode,
    }),
  });
  expect(res.status).toBe(201);
  return res.body.id as number;
}

async function newPage(): Promise<Page> {
  // charts drawn at once: the dashboard's screenshot shows them whole
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, reducedMotion: 'reduce' });
  return context.newPage();
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startServer();
  admin = await apiSession(server.url);
  browser = await launchBrowser();
  org.own = await create('Hợp tác xã Rau sạch Hạ Lang', '04', '01558');
  const { body: communes } = await admin('/api/v1/admin-units?parent=04&limit=5');
  const neighbour = communes.items.find((u: { code: string }) => u.code !== '01558').code as string;
  org.neighbour = await create('Hợp tác xã Chè Cao Bằng', '04', neighbour);
  org.away = await create('Hợp tác xã Muối Hà Tĩnh', '42', null);
  const made = await admin('/api/v1/users', {
    method: 'POST',
    body: JSON.stringify({ ...officer, name: 'Nông Văn Hải', role: 'commune_officer', areaCode: '01558' }),
  });
  expect(made.status).toBe(201);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a commune officer', () => {
  let page: Page;

  it('is sent to the sign-in page, signs in, and lands on their own commune', async () => {
    page = await newPage();
    await page.goto(`${server.url}/organizations`);
    await page.waitForURL(/\/login\?next=%2Forganizations/);
    await page.getByTestId('login-email').fill(officer.email);
    await page.getByTestId('login-password').fill('sai mật khẩu');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('error-alert').innerText()).toContain('Email hoặc mật khẩu không đúng');
    await page.screenshot({ path: `${shots}login.png`, fullPage: true });
    await page.getByTestId('login-password').fill(officer.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/organizations$/);

    await page.goto(`${server.url}/dashboard`);
    await expect.poll(() => page.getByTestId('area-trail').innerText(), { timeout: 20_000 }).toContain('Hạ Lang');
    expect(await page.getByTestId('nav-users').count()).toBe(0);
    expect(await page.getByTestId('nav-audit').count()).toBe(0);
    await page.screenshot({ path: `${shots}officer-dashboard.png`, fullPage: true });
  });

  it('sees only the province they read, and edits only their commune', async () => {
    await page.goto(`${server.url}/organizations?q=ha%20tinh`);
    await expect.poll(() => page.getByTestId('total-count').innerText(), { timeout: 10_000 }).toMatch(/^0 /);
    await page.goto(`${server.url}/organizations?q=rau%20sach%20ha%20lang`);
    await expect.poll(() => page.getByTestId('org-row').count(), { timeout: 10_000 }).toBe(1);

    await page.goto(`${server.url}/organizations/${org.own}`);
    await page.getByTestId('org-name').waitFor();
    expect(await page.getByTestId('edit-button').count()).toBe(1);
    await page.goto(`${server.url}/organizations/${org.neighbour}`);
    await page.getByTestId('org-name').waitFor();
    expect(await page.getByTestId('edit-button').count()).toBe(0);
  });

  it('reads the reports of their province and commune, and is not offered the whole country', async () => {
    await page.goto(`${server.url}/reports`);
    const province = page.getByTestId('reports-province');
    await expect.poll(() => page.getByTestId('reports-commune').inputValue(), { timeout: 10_000 }).toContain('Hạ Lang');
    expect(await province.inputValue()).toBe('Tỉnh Cao Bằng');
    // shown, not chosen: no list of provinces, no button to clear it back to "Cả nước"
    expect(await province.getAttribute('readonly')).not.toBeNull();
    expect(await province.locator('xpath=..').locator('button').count()).toBe(0);
    await page.goto(`${server.url}/dashboard`);
    await expect
      .poll(() => page.getByTestId('dashboard-province').inputValue(), { timeout: 10_000 })
      .toBe('Tỉnh Cao Bằng');
    expect(await page.getByTestId('dashboard-province').getAttribute('readonly')).not.toBeNull();
  });

  it("cannot open another province's cooperative by its address", async () => {
    await page.goto(`${server.url}/organizations/${org.away}`);
    const alert = page.getByTestId('error-alert');
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.innerText()).toContain('Không tìm thấy');
    expect(await page.getByTestId('org-name').count()).toBe(0);
    await page.screenshot({ path: `${shots}officer-not-found.png`, fullPage: true });
  });

  it('is told a page is not for their role, before it asks the server for anything', async () => {
    const asked: string[] = [];
    page.on('request', (r) => {
      if (/\/api\/v1\/(users|settings)/.test(r.url())) asked.push(r.url());
    });
    for (const path of ['/users', '/settings']) {
      await page.goto(`${server.url}${path}`);
      await page.getByTestId('not-permitted').waitFor({ timeout: 10_000 });
    }
    expect(await page.getByTestId('not-permitted').innerText()).toContain('Vai trò của bạn không dùng trang này');
    expect(asked).toEqual([]);
  });

  it('signs out, and the pages ask for a session again', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/login/);
    await page.goto(`${server.url}/dashboard`);
    await page.waitForURL(/\/login\?next=/);
  });
});

describe('the administrator', () => {
  it("manages accounts and reads an organisation's history", async () => {
    const page = await newPage();
    await signInPage(page, server.url);
    await page.goto(`${server.url}/users`);
    await page.getByTestId('user-search').fill('nong van hai');
    await expect.poll(() => page.getByTestId('users-table').innerText(), { timeout: 10_000 }).toContain('Nông Văn Hải');
    await page.screenshot({ path: `${shots}users.png`, fullPage: true });

    // a cooperative's account: its organisation found by name, typed without diacritics
    await page.getByTestId('user-search').fill('');
    await page.getByTestId('user-create').click();
    const dialog = page.getByTestId('user-form');
    await dialog.getByLabel('Họ và tên').fill('Lục Thị Mai');
    await dialog.getByLabel('Email').fill('mai.rau-sach@hoptac.local');
    await page.getByTestId('user-role').click();
    await page.getByRole('option', { name: 'Hợp tác xã', exact: true }).click();
    await page.getByTestId('user-organization').fill('rau sach ha lang');
    await page.getByRole('option', { name: /Hợp tác xã Rau sạch Hạ Lang/ }).click();
    await page.getByTestId('user-password').fill('mật khẩu của Mai');
    // the administrator's own sessions do not end when they create someone else's account
    expect(await dialog.innerText()).toContain('Ít nhất 10 ký tự.');
    expect(await dialog.innerText()).not.toContain('của bạn sẽ kết thúc');
    await page.screenshot({ path: `${shots}user-dialog.png` });
    // a double click creates it once, and says nothing of a duplicate
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/v1/users')) posts.push(r.url());
    });
    await page.getByTestId('user-save').dblclick();
    await expect.poll(() => dialog.count(), { timeout: 10_000 }).toBe(0);
    expect(posts).toHaveLength(1);
    await expect.poll(() => page.getByTestId('users-table').innerText(), { timeout: 10_000 }).toContain('Lục Thị Mai');
    const made = (await admin('/api/v1/users?q=luc%20thi%20mai')).body.items;
    expect(made).toMatchObject([{ role: 'cooperative', organizationId: org.own, areaCode: null }]);

    // a commune officer's: the province, then the commune, from lists
    await page.getByTestId('user-create').click();
    await dialog.getByLabel('Họ và tên').fill('Bế Văn Toàn');
    await dialog.getByLabel('Email').fill('toan.ha-lang@hoptac.local');
    await page.getByTestId('user-province').fill('cao bang');
    await page.getByRole('option', { name: 'Tỉnh Cao Bằng' }).click();
    const commune = (await admin('/api/v1/admin-units/current/01558')).body;
    await page.getByTestId('user-commune').fill(commune.name);
    await page.getByRole('option', { name: commune.fullName, exact: true }).click();
    await page.getByTestId('user-password').fill('mật khẩu của Toàn');
    await page.getByTestId('user-save').click();
    await expect.poll(() => page.getByTestId('users-table').innerText(), { timeout: 10_000 }).toContain('Bế Văn Toàn');
    const officer2 = (await admin('/api/v1/users?q=be%20van%20toan')).body.items;
    expect(officer2).toMatchObject([{ role: 'commune_officer', areaCode: '01558', areaProvinceCode: '04' }]);

    // what was typed is not dropped by Escape: the dialog asks first
    await page
      .getByRole('row', { name: /Bế Văn Toàn/ })
      .getByRole('button')
      .click();
    await expect.poll(() => page.getByTestId('user-commune').inputValue()).toBe(commune.fullName);
    await dialog.getByLabel('Họ và tên').fill('Bế Văn Toàn (sửa)');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Tiếp tục sửa' }).click();
    expect(await dialog.getByLabel('Họ và tên').inputValue()).toBe('Bế Văn Toàn (sửa)');
    await page.keyboard.press('Escape');
    await page.getByTestId('user-close-discard').click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect((await admin('/api/v1/users?q=be%20van%20toan')).body.items[0].name).toBe('Bế Văn Toàn');

    // another administrator changes the account's email while this one renames it
    await page
      .getByRole('row', { name: /Bế Văn Toàn/ })
      .getByRole('button')
      .click();
    await dialog.getByLabel('Họ và tên').fill('Bế Văn Toàn (xã Hạ Lang)');
    const read = (await admin('/api/v1/users?q=be%20van%20toan')).body.items[0];
    const changed = await admin(`/api/v1/users/${read.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ version: read.version, email: 'toan@hoptac.local' }),
    });
    expect(changed.status).toBe(200);
    await page.getByTestId('user-save').click();
    await dialog.getByTestId('conflict-alert').waitFor({ timeout: 10_000 });
    expect(await dialog.locator('[data-testid="conflict-field"][data-field="email"]').innerText()).toContain(
      'toan@hoptac.local',
    );
    await dialog.getByTestId('conflict-rebase').click();
    expect(await dialog.getByLabel('Email').inputValue()).toBe('toan@hoptac.local');
    await page.getByTestId('user-save').click();
    await expect.poll(() => dialog.count(), { timeout: 10_000 }).toBe(0);
    expect((await admin('/api/v1/users?q=be%20van%20toan')).body.items[0]).toMatchObject({
      name: 'Bế Văn Toàn (xã Hạ Lang)',
      email: 'toan@hoptac.local',
    });

    const current = (await admin(`/api/v1/organizations/${org.own}`)).body;
    await admin(`/api/v1/organizations/${org.own}`, {
      method: 'PATCH',
      body: JSON.stringify({ version: current.version, phone: '0206 3852 111' }),
    });
    await page.goto(`${server.url}/organizations/${org.own}`);
    await page.getByTestId('history-tab').click();
    await expect.poll(() => page.getByTestId('audit-event').count(), { timeout: 10_000 }).toBe(2);
    expect(await page.getByTestId('history-card').innerText()).toContain('0206 3852 111');
    await page.screenshot({ path: `${shots}history.png`, fullPage: true });

    // the audit trail's days are typed as every date of the app, dd/mm/yyyy (Vietnam's day)
    const today = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    await page.goto(`${server.url}/audit`);
    await expect.poll(() => page.getByTestId('audit-event').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.getByTestId('audit-from').fill('31/02/2026');
    await expect.poll(() => page.getByText('Ngày không hợp lệ (dd/mm/yyyy)').count(), { timeout: 10_000 }).toBe(1);
    await page.getByTestId('audit-from').fill(today);
    await page.getByTestId('audit-to').fill(today);
    await expect.poll(() => page.getByTestId('audit-event').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.getByText('Ngày không hợp lệ').count()).toBe(0);
    const [day, month, year] = today.split('/').map(Number) as [number, number, number];
    await page.getByTestId('audit-from').fill(`${day}/${month}/${year + 1}`);
    await page.getByTestId('audit-to').fill('');
    await expect.poll(() => page.getByTestId('audit-event').count(), { timeout: 10_000 }).toBe(0);
  });
});
