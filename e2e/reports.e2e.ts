// A periodic report in the browser: the cooperative fills and submits it, the commune officer
// returns it with a reason, the cooperative corrects it, the officer approves it; then the
// grading sheet computes a grade from the 15 criteria.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from '../server/lib/exceljs.ts';
import { ADMIN, apiSession, launchBrowser, signInPage, startServer, loseFirstAnswer } from './server.ts';

const shots = new URL('../test-results/', import.meta.url).pathname;
const PERIOD = '2026';
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let admin: Awaited<ReturnType<typeof apiSession>>;
let orgId = 0;
const coop = { email: 'htx.rau-sach@hoptac.local', password: 'mật khẩu hợp tác xã' };
const officer = { email: 'can-bo.xa@hoptac.local', password: 'mật khẩu cán bộ xã' };

const PHONE = { width: 390, height: 844 };

async function pageAs(
  who: { email: string; password: string },
  viewport = { width: 1280, height: 900 },
): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  await signInPage(page, server.url, who);
  return page;
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startServer();
  admin = await apiSession(server.url);
  browser = await launchBrowser();
  const created = await admin('/api/v1/organizations', {
    method: 'POST',
    body: JSON.stringify({
      registrationNo: 'E2E-RAU-01',
      name: 'Hợp tác xã Rau sạch Đồng Tâm',
      kind: 'HTX',
      sector: 'agriculture',
      provinceCode: '04',
      communeCode: '01558',
      foundedOn: '2019-04-01',
    }),
  });
  orgId = created.body.id;
  for (const [who, role, scope] of [
    [coop, 'cooperative', { organizationId: orgId }],
    [officer, 'commune_officer', { areaCode: '01558' }],
  ] as const) {
    const made = await admin('/api/v1/users', {
      method: 'POST',
      body: JSON.stringify({ ...who, name: who.email, role, ...scope }),
    });
    expect(made.status).toBe(201);
  }
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a periodic report', () => {
  it('is filled by the cooperative on a phone, which sees what the rules find, and submitted', async () => {
    const page = await pageAs(coop, PHONE);
    // signed in, a cooperative's account opens on its own organisation (it reads no statistics)
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 10_000 }).toBe(`/organizations/${orgId}`);
    await page.getByRole('heading', { name: 'Hợp tác xã Rau sạch Đồng Tâm' }).waitFor();
    await page.goto(`${server.url}/organizations/${orgId}/reports/${PERIOD}`);
    // fits the phone's width, and the figures open the number pad
    await page.getByTestId('figure-members').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(['numeric', 'decimal']).toContain(await page.getByTestId('figure-revenueVnd').getAttribute('inputmode'));
    await page.getByTestId('figure-members').fill('14');
    await page.getByTestId('figure-workers').fill('6');
    await page.getByTestId('figure-revenueVnd').fill('1200000000');
    await page.getByTestId('figure-profitVnd').fill('1500000000');
    await expect
      .poll(() => page.getByTestId('report-issues').innerText(), { timeout: 10_000 })
      .toContain('không thể lớn hơn');
    // and under the field itself, which a screen reader reads with it
    const described = await page.getByTestId('figure-profitVnd').evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(described).toContain('không thể lớn hơn');
    await page.getByTestId('figure-profitVnd').fill('90000000');
    await expect.poll(() => page.getByTestId('report-issues').count(), { timeout: 10_000 }).toBe(0);
    // typed key by key, as people type (fill() is one input event, which hid a crash)
    await page.getByLabel('Kiến nghị, đề xuất', { exact: true }).pressSequentially('Vay vốn Quỹ');
    await page.getByTestId('report-comment').pressSequentially('Lãi nhờ bán rau');
    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes(`/reports/${PERIOD}`)),
      page.getByTestId('report-save').click(),
    ]);
    expect(saved.request().postDataJSON()).toMatchObject({ proposals: 'Vay vốn Quỹ', comment: 'Lãi nhờ bán rau' });
    await expect.poll(() => page.getByTestId('report-status').innerText(), { timeout: 10_000 }).toBe('Nháp');
    await page.getByTestId('report-submit').click();
    await expect
      .poll(() => page.getByTestId('report-status').innerText(), { timeout: 10_000 })
      .toBe('Đã gửi, chờ duyệt');
    expect(await page.getByTestId('report-save').count()).toBe(0);
    // from the top: a full-page picture taken scrolled draws the fixed header where it scrolled to
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${shots}report-submitted.png`, fullPage: true });
  });

  it('is returned by the officer with a reason, corrected and approved', async () => {
    const page = await pageAs(officer);
    await page.goto(`${server.url}/reports`);
    await page.getByTestId('reports-period').click();
    await page.getByRole('option', { name: `Năm ${PERIOD}`, exact: true }).click();
    await expect
      .poll(() => page.getByTestId('reports-table').innerText(), { timeout: 20_000 })
      .toContain('Rau sạch Đồng Tâm');
    await page.screenshot({ path: `${shots}reports-queue.png`, fullPage: true });
    await page.getByRole('link', { name: 'Hợp tác xã Rau sạch Đồng Tâm' }).click();
    await page.getByTestId('report-return').click();
    await page.getByTestId('return-reason-input').fill('Số lao động chưa khớp bảng lương');
    await page.getByTestId('return-confirm').click();
    await expect.poll(() => page.getByTestId('report-status').innerText(), { timeout: 10_000 }).toBe('Bị trả lại');

    const coopPage = await pageAs(coop);
    await coopPage.goto(`${server.url}/organizations/${orgId}/reports/${PERIOD}`);
    expect(await coopPage.getByTestId('return-reason').innerText()).toContain('chưa khớp bảng lương');
    await coopPage.getByTestId('figure-workers').fill('7');
    // a step moves the stored report: with the correction unsaved, submitting waits for a save
    await expect.poll(() => coopPage.getByTestId('report-submit').isDisabled(), { timeout: 10_000 }).toBe(true);
    expect(await coopPage.getByTestId('report-unsaved').innerText()).toContain('chưa lưu');
    await coopPage.screenshot({ path: `${shots}report-unsaved.png`, fullPage: true });
    const [saved] = await Promise.all([
      coopPage.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes(`/reports/${PERIOD}`)),
      coopPage.getByTestId('report-save').click(),
    ]);
    expect(saved.status()).toBe(200);
    expect(saved.request().postDataJSON()).toMatchObject({ workers: 7 });
    await expect.poll(() => coopPage.getByTestId('report-submit').isEnabled(), { timeout: 10_000 }).toBe(true);
    await coopPage.getByTestId('report-submit').click();
    await expect
      .poll(() => coopPage.getByTestId('report-status').innerText(), { timeout: 10_000 })
      .toBe('Đã gửi, chờ duyệt');

    await page.reload();
    await page.getByTestId('report-approve').click();
    await expect.poll(() => page.getByTestId('report-status').innerText(), { timeout: 10_000 }).toBe('Đã duyệt');
    const stored = await admin(`/api/v1/organizations/${orgId}/reports/${PERIOD}`);
    expect(stored.body).toMatchObject({ status: 'approved', workers: 7, members: 14 });
  });
});

describe('two people on one report', () => {
  it('the later save shows what the other changed, keeps what was typed, and can go on from the new version', async () => {
    const H1 = `${PERIOD}-H1`;
    const [coopPage, page] = [await pageAs(coop), await pageAs(officer)];
    for (const p of [coopPage, page]) {
      await p.goto(`${server.url}/organizations/${orgId}/reports/${H1}`);
      await p.getByTestId('figure-members').waitFor();
    }
    await coopPage.getByTestId('figure-members').fill('20');
    await coopPage.getByTestId('report-save').click();
    await expect.poll(() => coopPage.getByTestId('report-status').innerText(), { timeout: 10_000 }).toBe('Nháp');

    // the officer types, then the session ends; signing in again reads the cooperative's version
    await page.getByTestId('figure-workers').fill('9');
    await page.context().clearCookies();
    await page.getByTestId('report-save').click();
    await page.getByTestId('again-password').fill(officer.password);
    await page.getByTestId('again-submit').click();
    await page.getByTestId('sign-in-again').waitFor({ state: 'detached', timeout: 10_000 });
    await page.getByTestId('report-status').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('figure-workers').inputValue()).toBe('9');

    await page.getByTestId('report-save').click();
    await page.getByTestId('conflict-alert').waitFor({ timeout: 10_000 });
    const changed = page.locator('[data-testid="conflict-field"][data-field="members"]');
    expect(await changed.innerText()).toContain('20');
    expect(await page.getByTestId('figure-workers').inputValue()).toBe('9');
    await page.getByTestId('conflict-rebase').click();
    expect(await page.getByTestId('figure-members').inputValue()).toBe('20');
    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes(`/reports/${H1}`)),
      page.getByTestId('report-save').click(),
    ]);
    expect(saved.status()).toBe(200);
    const stored = await admin(`/api/v1/organizations/${orgId}/reports/${H1}`);
    expect(stored.body).toMatchObject({ members: 20, workers: 9, version: 2 });
  });

  it("a save sent again after its answer was lost is taken as saved, not as the other person's change", async () => {
    const H1 = `${PERIOD}-H1`;
    const page = await pageAs(officer);
    await page.goto(`${server.url}/organizations/${orgId}/reports/${H1}`);
    await expect.poll(() => page.getByTestId('figure-members').inputValue(), { timeout: 10_000 }).toBe('20');
    await page.getByTestId('figure-members').fill('21');
    // the first save reaches the server; its answer never reaches the phone
    await loseFirstAnswer(page, `**/api/v1/organizations/${orgId}/reports/${H1}`, 'PUT');
    await page.getByTestId('report-save').click();
    await page.getByTestId('error-alert').waitFor({ timeout: 10_000 });
    await page.getByTestId('report-save').click();
    await page.getByTestId('error-alert').waitFor({ state: 'detached', timeout: 10_000 });
    expect(await page.getByTestId('conflict-alert').count()).toBe(0);
    expect(await page.getByTestId('figure-members').inputValue()).toBe('21');
    const stored = await admin(`/api/v1/organizations/${orgId}/reports/${H1}`);
    expect(stored.body).toMatchObject({ members: 21, workers: 9, version: 3 });
  });
});

describe('the grading sheet', () => {
  it('computes the total and the grade from the 15 criteria', async () => {
    const page = await pageAs(officer);
    await page.goto(`${server.url}/organizations/${orgId}/grades/${PERIOD}`);
    const { body: schemes } = await admin('/api/v1/grading-schemes');
    for (const c of schemes[0].criteria as { code: string; maxPoints: number }[]) {
      await page.getByTestId(`score-${c.code}`).fill(String(c.maxPoints - 1));
    }
    await expect.poll(() => page.getByTestId('grade-total').innerText(), { timeout: 10_000 }).toBe('85');
    expect(await page.getByTestId('grade-result').innerText()).toBe('Tốt');
    await page.getByTestId('grade-save').click();
    await expect
      .poll(() => page.getByTestId('current-grade').innerText(), { timeout: 10_000 })
      .toContain('Tốt (85 điểm)');
    await page.screenshot({ path: `${shots}grading.png`, fullPage: true });
  });

  it('fits a phone; a later save sees the other score and keeps its own; a viewer only reads', async () => {
    const { body: schemes } = await admin('/api/v1/grading-schemes');
    const [first, second] = schemes[0].criteria as { code: string; maxPoints: number }[];
    const url = `${server.url}/organizations/${orgId}/grades/${PERIOD}`;
    const [page, coopPage] = [await pageAs(officer, PHONE), await pageAs(coop)];
    for (const p of [page, coopPage]) {
      await p.goto(url);
      await p.getByTestId(`score-${first!.code}`).waitFor();
    }
    // the score box is on the screen, not off to the right of a scrolled table
    const box = (await page.getByTestId(`score-${second!.code}`).boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);

    await coopPage.getByTestId(`score-${first!.code}`).fill('0');
    await coopPage.getByTestId('grade-save').click();
    await expect.poll(() => coopPage.getByTestId('current-grade').innerText(), { timeout: 10_000 }).not.toContain('85');
    await page.getByTestId(`score-${second!.code}`).fill('0');
    await page.getByTestId('grade-save').click();
    await page.getByTestId('conflict-alert').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('conflict-field').getAttribute('data-field')).toBe(first!.code);
    await page.getByTestId('conflict-rebase').click();
    expect(await page.getByTestId(`score-${first!.code}`).inputValue()).toBe('0');
    expect(await page.getByTestId(`score-${second!.code}`).inputValue()).toBe('0');
    await page.getByTestId('grade-save').click();
    await expect
      .poll(async () => (await admin(`/api/v1/organizations/${orgId}/grades/${PERIOD}`)).body.scores, {
        timeout: 10_000,
      })
      .toMatchObject({ [first!.code]: 0, [second!.code]: 0 });

    const viewer = { email: 'xem@hoptac.local', password: 'mật khẩu người xem' };
    const made = await admin('/api/v1/users', {
      method: 'POST',
      body: JSON.stringify({ ...viewer, name: 'Người xem', role: 'viewer' }),
    });
    expect(made.status).toBe(201);
    const viewerPage = await pageAs(viewer);
    await viewerPage.goto(url);
    await viewerPage.getByTestId(`score-${first!.code}`).waitFor();
    expect(await viewerPage.getByTestId(`score-${first!.code}`).isDisabled()).toBe(true);
    expect(await viewerPage.getByTestId('grade-save').count()).toBe(0);
  });
});

describe('a field review', () => {
  it('is logged by the commune officer, and its difficulties are counted', async () => {
    const page = await pageAs(officer);
    await page.goto(`${server.url}/field-reviews`);
    await page.getByRole('link', { name: 'Ghi đợt rà soát' }).click();
    await page.getByTestId('review-title').fill('Rà soát HTX rau an toàn');
    await page.getByTestId('review-held-on').fill('12/10/2026');
    await page.getByTestId('review-delegation').fill('Phó Chủ tịch UBND xã, cán bộ Liên minh HTX tỉnh');
    await page.getByTestId('review-add-organization').fill('rau sach dong tam');
    await page.getByRole('option', { name: /Rau sạch Đồng Tâm/ }).click();
    const finding = page.getByTestId('finding');
    await finding.getByText('Vốn, tín dụng').click();
    await finding.getByText('Thị trường tiêu thụ').click();
    await finding.getByLabel('Kiến nghị, đề xuất').fill('Vay Quỹ hỗ trợ phát triển HTX');
    await page.getByTestId('review-save').click();
    await expect.poll(() => page.url(), { timeout: 10_000 }).toMatch(/\/field-reviews\/\d+$/);
    const id = Number(page.url().split('/').at(-1));
    const stored = await admin(`/api/v1/field-reviews/${id}`);
    expect(stored.body).toMatchObject({
      heldOn: '2026-10-12',
      areaCode: '01558',
      findings: [{ organizationId: orgId, difficulties: ['capital', 'market'] }],
    });

    await page.goto(`${server.url}/field-reviews`);
    await expect
      .poll(() => page.getByTestId('reviews-table').innerText(), { timeout: 10_000 })
      .toContain('Rà soát HTX rau an toàn');
    expect(Number(await page.getByTestId('difficulty-capital').innerText())).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: `${shots}field-reviews.png`, fullPage: true });

    // the organisation's own page says which reviews saw it and what they found there
    await page.goto(`${server.url}/organizations/${orgId}`);
    const seen = page.getByTestId('org-review').filter({ hasText: 'Rà soát HTX rau an toàn' });
    await seen.waitFor({ timeout: 10_000 });
    await seen.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}organization-reviews.png` });
    expect(await seen.innerText()).toMatch(/12\/10\/2026[\s\S]*Vốn, tín dụng[\s\S]*Thị trường tiêu thụ[\s\S]*Vay Quỹ/);
    await seen.getByRole('link', { name: 'Rà soát HTX rau an toàn' }).click();
    await expect.poll(() => page.url(), { timeout: 10_000 }).toMatch(new RegExp(`/field-reviews/${id}$`));

    // the country's administrator opens it on the commune and its province, and starts one of
    // their own with a province to choose: every list of units answers
    const other = await pageAs(ADMIN);
    const failed: string[] = [];
    other.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    const name = async (code: string) => (await admin(`/api/v1/admin-units/current/${code}`)).body.fullName;
    await other.goto(`${server.url}/field-reviews/${id}`);
    await expect
      .poll(() => other.getByTestId('review-commune').inputValue(), { timeout: 10_000 })
      .toBe(await name('01558'));
    expect(await other.getByTestId('review-province').inputValue()).toBe(await name('04'));
    await other.goto(`${server.url}/field-reviews/new`);
    await other.getByTestId('review-title').waitFor();
    await other.waitForLoadState('networkidle');
    expect(await other.getByTestId('review-province').inputValue()).toBe('');
    expect(failed).toEqual([]);
  });
});

describe('a field review on a phone', () => {
  it('says on the field what is missing, sends once on a double tap, and shows a conflict', async () => {
    const page = await pageAs(officer, PHONE);
    await page.goto(`${server.url}/field-reviews/new`);
    await page.getByTestId('review-save').click();
    await page.getByTestId('review-invalid').waitFor({ timeout: 10_000 });
    const title = page.getByTestId('review-title');
    await expect.poll(() => title.getAttribute('aria-invalid')).toBe('true');
    // the first field to fix is brought on screen, its message beside it, in words not keys
    const box = (await title.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
    const form = await page.locator('main').innerText();
    expect(form).toContain('Nhập tên đợt rà soát');
    expect(form).toContain('Chọn ít nhất một tổ chức');
    expect(form).not.toContain('heldOn');

    await title.fill('Rà soát nhanh');
    await page.getByTestId('review-held-on').fill('20/10/2026');
    await page.getByTestId('review-delegation').fill('Cán bộ xã');
    await page.getByTestId('review-add-organization').fill('rau sach');
    await page.getByRole('option', { name: /Rau sạch Đồng Tâm/ }).click();
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/v1/field-reviews')) posts.push(r.url());
    });
    await page.getByTestId('review-save').dblclick();
    await expect.poll(() => page.url(), { timeout: 10_000 }).toMatch(/\/field-reviews\/\d+$/);
    expect(posts).toHaveLength(1);
    // the stored review's own page (a route change renders in a transition, after the address)
    await page.getByRole('heading', { name: 'Rà soát nhanh' }).waitFor({ timeout: 10_000 });

    // someone else renames it meanwhile: this page's save shows their title beside its own
    const id = Number(page.url().split('/').at(-1));
    const { body: stored } = await admin(`/api/v1/field-reviews/${id}`);
    const { organizationId, findings, difficulties, proposals } = stored.findings[0];
    const renamed = await admin(`/api/v1/field-reviews/${id}`, {
      method: 'PUT',
      body: JSON.stringify({
        ...stored,
        title: 'Rà soát của tỉnh',
        findings: [{ organizationId, findings, difficulties, proposals }],
      }),
    });
    expect(renamed.status).toBe(200);
    await page.getByTestId('review-delegation').fill('Cán bộ xã và tỉnh');
    await page.getByTestId('review-save').click();
    await page.getByTestId('conflict-alert').waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-testid="conflict-field"][data-field="title"]').innerText()).toContain(
      'Rà soát của tỉnh',
    );
    await page.getByTestId('conflict-rebase').click();
    expect(await title.inputValue()).toBe('Rà soát của tỉnh');
    await page.getByTestId('review-save').click();
    await expect
      .poll(
        async () => {
          const { title: t, delegation, version } = (await admin(`/api/v1/field-reviews/${id}`)).body;
          return { title: t, delegation, version };
        },
        { timeout: 10_000 },
      )
      .toEqual({ title: 'Rà soát của tỉnh', delegation: 'Cán bộ xã và tỉnh', version: 3 });
  });
});

describe('the report workbook', () => {
  it('goes out pre-filled and comes back with a preview of each change before it is written', async () => {
    const page = await pageAs(officer);
    await page.goto(`${server.url}/reports?period=2026-H2`);
    // the page opens on the officer's own commune, within its province
    await expect.poll(() => page.getByTestId('reports-commune').inputValue(), { timeout: 10_000 }).toContain('Hạ Lang');
    const downloading = page.waitForEvent('download');
    await page.getByTestId('workbook-download').click();
    const file = await (await downloading).path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    let line = 0;
    sheet.eachRow((row, n) => {
      if (row.getCell(1).value === 'E2E-RAU-01') line = n;
    });
    expect(line).toBeGreaterThan(1);
    sheet.getRow(line).getCell(headers.indexOf('Số thành viên')).value = 15;
    sheet.getRow(line).getCell(headers.indexOf('Số lao động thường xuyên')).value = 7;

    const upload = async (buffer: Buffer) =>
      page.locator('input[type=file]').setInputFiles({
        name: 'so-bao-cao.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer,
      });
    const row = page.getByTestId('workbook-row').filter({ hasText: 'E2E-RAU-01' });

    // with 30 rows naming no organisation: the errors come first, 25 to a page
    const withStrangers = new ExcelJS.Workbook();
    await withStrangers.xlsx.load(await workbook.xlsx.writeBuffer());
    for (let i = 1; i <= 30; i++) withStrangers.worksheets[0]!.addRow([`KHONG-CO-${i}`]);
    await upload(Buffer.from(await withStrangers.xlsx.writeBuffer()));
    await page.getByTestId('workbook-pages').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('workbook-row').count()).toBe(25);
    expect(await page.getByTestId('workbook-row').first().innerText()).toContain('KHONG-CO-1');
    expect(await row.count()).toBe(0); // the change waits on page 2, after the errors
    expect(await page.getByTestId('workbook-apply').isDisabled()).toBe(true);
    await page.screenshot({ path: `${shots}workbook-preview-errors.png`, fullPage: true });
    await page.getByTestId('workbook-pages').getByRole('button', { name: '2' }).click();
    await expect.poll(() => row.innerText(), { timeout: 10_000 }).toContain('Số thành viên: — → 15');

    await upload(Buffer.from(await workbook.xlsx.writeBuffer()));
    await expect.poll(() => row.innerText(), { timeout: 10_000 }).toContain('Số thành viên: — → 15');
    await page.screenshot({ path: `${shots}workbook-preview.png`, fullPage: true });
    await page.getByTestId('workbook-apply').click();
    await page.getByText('Đã ghi 1 báo cáo').waitFor();
    expect(await page.getByTestId('workbook-preview').count()).toBe(0);
    const stored = await admin(`/api/v1/organizations/${orgId}/reports/2026-H2`);
    expect(stored.body).toMatchObject({ status: 'draft', members: 15, workers: 7 });
  });
});
