// The statistics journey in a real browser: the dashboard's figures and drill-down, the
// narrative's copy button, an import checked then applied (and one refused), the Excel links;
// the import page's edges (no period, an unreadable or empty file) and a registry page past its end.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, launchBrowser, signInPage, startServer } from './server.ts';

const shots = new URL('../test-results/', import.meta.url).pathname;
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;
let files: string;
let api: Awaited<ReturnType<typeof apiSession>>;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  files = mkdtempSync(join(tmpdir(), 'hoptac-e2e-files-'));
  server = await startServer();
  browser = await launchBrowser();
  // charts drawn at once: screenshots show them whole, not caught mid-animation
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, reducedMotion: 'reduce' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  page = await context.newPage();
  api = await apiSession(server.url);
  await signInPage(page, server.url);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (files) rmSync(files, { recursive: true, force: true });
});

async function stats(query: string) {
  return (await api(`/api/v1/stats?${query}`)).body as { organizations: { total: number } };
}

const HEADER = 'Mã số,Tên,Loại hình,Lĩnh vực,Mã tỉnh';

/** Opens the import page and chooses a file with this text. */
async function chooseFile(name: string, text: string) {
  const path = join(files, name);
  writeFileSync(path, text);
  await page.goto(`${server.url}/imports`);
  await page.getByTestId('import-file').setInputFiles(path);
}

/** …and checks it as figures of 2024. */
async function checkFile(name: string, text: string) {
  await chooseFile(name, text);
  await page.getByTestId('import-period').click();
  await page.getByRole('option', { name: 'Năm 2024', exact: true }).click();
  await page.getByTestId('import-check').click();
}

describe('dashboard in the browser', () => {
  it('opens on the country’s figures, in Vietnamese numbers', async () => {
    const country = await stats('area=VN');
    await page.goto(server.url);
    await expect.poll(() => page.url()).toMatch(/\/dashboard$/);
    const total = page.getByTestId('stats-total');
    await total.waitFor({ timeout: 20_000 });
    expect(await total.innerText()).toBe(country.organizations.total.toLocaleString('de-DE'));
    expect(await page.getByTestId('stats-effective').innerText()).toMatch(/^\d+(,\d)?%$/);
    expect(await page.getByTestId('narrative-text').innerText()).toMatch(/^Trên phạm vi cả nước có tổng số/);
    await page.screenshot({ path: `${shots}dashboard.png`, fullPage: true });
  });

  it('draws its charts at once for a reader who asked for reduced motion', async () => {
    // ECharts animates for 300 ms: two pictures of a chart 400 ms apart differ while it does
    await page.goto(`${server.url}/dashboard`);
    const grades = page.getByRole('img', { name: /^Theo xếp loại:/ });
    await grades.locator('canvas').waitFor();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const first = await grades.screenshot();
    await page.waitForTimeout(400);
    expect((await grades.screenshot()).equals(first)).toBe(true);
  });

  it('copies the narrative', async () => {
    await page.getByTestId('copy-narrative').click();
    await page.getByTestId('notification').first().waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.getByTestId('narrative-text').innerText());
  });

  it('prints its figures, charts and paragraph on the whole sheet, without menus and controls', async () => {
    await page.goto(`${server.url}/dashboard`);
    await page.getByTestId('narrative-text').waitFor({ timeout: 20_000 });
    await page.emulateMedia({ media: 'print' });
    try {
      for (const id of ['narrative-text', 'stats-total']) expect(await page.getByTestId(id).isVisible()).toBe(true);
      // each is on the page (else "not visible" would say nothing), and not printed
      const hidden = [
        ...['user-menu', 'nav-dashboard', 'export-stats', 'copy-narrative', 'reminders'].map((id) =>
          page.getByTestId(id),
        ),
        // a role query skips what is hidden: the filters by their label
        page.locator('section[aria-label="Chọn địa bàn, kỳ và loại hình"]'),
        page.getByText('Ẩn đơn vị chưa có tổ chức'),
      ];
      for (const element of hidden) {
        expect(await element.count(), String(element)).toBeGreaterThan(0);
        expect(await element.first().isVisible(), String(element)).toBe(false);
      }
      const left = await page.getByTestId('stats-total').evaluate((e) => e.getBoundingClientRect().left);
      expect(left).toBeLessThan(100); // not beside a hidden menu's width (272 px)
      await page.pdf({ path: `${shots}dashboard-print.pdf`, format: 'A4' });
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('drills down from the country to a province by clicking its row', async () => {
    const province = await stats('area=04');
    await page.locator('[data-testid="breakdown-row"][data-code="04"]').locator('td').nth(1).click();
    await expect.poll(() => page.url(), { timeout: 10_000 }).toMatch(/province=04/);
    await expect
      .poll(() => page.getByTestId('stats-total').innerText(), { timeout: 10_000 })
      .toBe(province.organizations.total.toLocaleString('de-DE'));
    expect(await page.getByTestId('export-stats').getAttribute('href')).toBe(
      '/api/v1/stats/export.xlsx?area=04&map=current',
    );
    await expect.poll(() => page.getByTestId('breakdown-row').count(), { timeout: 10_000 }).toBeGreaterThan(10);
  });

  it('says which kind an area lacks when it has none of it', async () => {
    const { body: communes } = await api('/api/v1/admin-units?parent=04');
    let empty: string | undefined;
    for (const unit of communes.items as { code: string }[]) {
      if ((await stats(`area=${unit.code}&kind=LHHTX`)).organizations.total === 0) {
        empty = unit.code;
        break;
      }
    }
    expect(empty).toBeDefined();
    await page.goto(`${server.url}/dashboard?province=04&commune=${empty}&kind=LHHTX`);
    await expect
      .poll(() => page.getByTestId('dashboard-empty').innerText(), { timeout: 10_000 })
      .toContain('Chưa có LHHTX nào trên địa bàn này');
  });

  it('shows the server’s message for an area that no longer exists', async () => {
    await page.goto(`${server.url}/dashboard?province=06`);
    await page.getByTestId('error-alert').waitFor();
    expect(await page.getByTestId('error-alert').innerText()).toMatch(/\b06\b/);
  });
});

describe('imports in the browser', () => {
  it('checks a file, applies it and the dashboard counts the new organisations', async () => {
    const before = await stats('area=04&period=2024');
    await checkFile(
      'ba-htx.csv',
      [
        'Mã số,Tên,Loại hình,Lĩnh vực,Mã tỉnh,Mã xã,Số thành viên,Số lao động,Vốn điều lệ,Xếp loại',
        'E2E-001,Hợp tác xã Nam Tuấn Xanh,HTX,Nông nghiệp,04,01660,9,4,"500.000.000",Tốt',
        'E2E-002,Hợp tác xã Nam Tuấn Vàng,HTX,Xây dựng,04,01660,7,3,"300.000.000",Khá',
        'E2E-003,Tổ hợp tác Nam Tuấn,THT,Thương mại - dịch vụ,04,,5,,,',
      ].join('\n'),
    );
    await page.getByTestId('import-preview').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-preview-row').count()).toBe(3);
    await page.screenshot({ path: `${shots}import-checked.png`, fullPage: true });
    expect((await stats('area=04&period=2024')).organizations.total).toBe(before.organizations.total);

    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-done').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-done').innerText()).toContain('3 tổ chức thêm mới');
    expect((await stats('area=04&period=2024')).organizations.total).toBe(before.organizations.total + 3);
  });

  it('lists every bad cell and writes nothing', async () => {
    await checkFile(
      'loi.csv',
      ['Mã số,Tên,Loại hình,Lĩnh vực,Mã tỉnh,Ghi chú', 'E2E-101,Hợp tác xã Sai,XYZ,Nông nghiệp,99,x'].join('\n'),
    );
    await page.getByTestId('import-errors').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-error-row').count()).toBe(2);
    expect(await page.getByTestId('import-apply').count()).toBe(0);
    expect(await page.getByTestId('import-warnings').innerText()).toContain('Ghi chú');
    await page.screenshot({ path: `${shots}import-errors.png`, fullPage: true });
  });
});

describe('registry export', () => {
  it('links the Excel export to the current filters', async () => {
    await page.goto(`${server.url}/organizations?kind=HTX&q=nam`);
    const href = await page.getByTestId('export-organizations').getAttribute('href');
    expect(href).toBe('/api/v1/organizations/export.xlsx?q=nam&map=current&kind=HTX&sort=name');
    const res = await api(href!);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');

    // the figures of a chosen period, and only its weak organisations
    await page.getByTestId('filter-period').click();
    await page.getByRole('option', { name: 'Năm 2024', exact: true }).click();
    await page.getByTestId('filter-grade').click();
    await page.getByRole('option', { name: 'Yếu', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('export-organizations').getAttribute('href'))
      .toBe('/api/v1/organizations/export.xlsx?q=nam&map=current&kind=HTX&grade=weak&period=2024&sort=name');
  });
});

describe('the import page at its edges', () => {
  it('asks for the period of a file with figures next to the period field', async () => {
    await chooseFile('so-lieu.csv', `${HEADER},Số thành viên\nE2E-201,Hợp tác xã Kỳ,HTX,Nông nghiệp,04,9`);
    await page.getByTestId('import-check').click();
    // the server's answer, which names the columns with figures, under the period field
    const answer = page.getByTestId('import-period-field').getByText('có số liệu (Số thành viên)');
    await answer.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-period').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('import-unreadable').count()).toBe(0);

    // the file is still chosen: a period and "Check" again is enough
    await page.getByTestId('import-period').click();
    await page.getByRole('option', { name: 'Năm 2024', exact: true }).click();
    expect(await answer.count()).toBe(0);
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-valid').waitFor({ timeout: 30_000 });
  });

  it('goes back to an empty form in one click after a file that cannot be read', async () => {
    await chooseFile('thieu-cot.csv', 'Mã số,Tên\nE2E-202,Hợp tác xã Thiếu');
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-unreadable').waitFor({ timeout: 30_000 });
    // the job just left is not read again (once, that brought it back after the click)
    const job = new URL(page.url()).searchParams.get('job')!;
    const reads: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith(`/api/v1/imports/${job}`)) reads.push(request.url());
    });
    await page.getByTestId('import-another').click();
    await page.getByTestId('import-check').waitFor({ timeout: 5_000 });
    expect(new URL(page.url()).search).toBe('');
    expect(await page.getByTestId('import-unreadable').count()).toBe(0);
    expect(await page.getByTestId('import-file-name').count()).toBe(0);
    expect(reads).toEqual([]);
  });

  it('shows the size of a small file in bytes and refuses an empty one before sending it', async () => {
    await chooseFile('nho.csv', 'abc');
    expect(await page.getByTestId('import-file-size').innerText()).toBe('3 B');

    await chooseFile('rong.csv', '');
    expect(await page.getByTestId('import-file-size').innerText()).toBe('0 B');
    let uploads = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/api/v1/imports')) uploads += 1;
    });
    await page.getByTestId('import-check').click();
    await page.getByText('Tệp rỗng', { exact: true }).waitFor({ timeout: 5_000 });
    expect(uploads).toBe(0);
  });
});

describe('registry paging', () => {
  it('replaces a page past the end with the last page', async () => {
    const { total } = (await api('/api/v1/organizations?pageSize=20')).body as { total: number };
    const last = Math.ceil(total / 20);
    await page.goto(`${server.url}/dashboard`);
    await page.goto(`${server.url}/organizations?page=${last + 50}`);
    await expect.poll(() => new URL(page.url()).searchParams.get('page'), { timeout: 10_000 }).toBe(String(last));
    await page.getByTestId('total-count').waitFor();
    expect(await page.getByTestId('empty-state').count()).toBe(0);
    // the address was replaced, not added: back leaves the registry
    await page.goBack();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/dashboard');
  });
});
