// The import page's edges in a real browser: a file the server cannot read, a file with figures
// sent without their period, an empty file; and the registry asked for a page past its end.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, launchBrowser, signInPage, startServer } from './server.ts';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;
let files: string;
let api: Awaited<ReturnType<typeof apiSession>>;

beforeAll(async () => {
  files = mkdtempSync(join(tmpdir(), 'hoptac-e2e-files-'));
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage();
  api = await apiSession(server.url);
  await signInPage(page, server.url);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (files) rmSync(files, { recursive: true, force: true });
});

const HEADER = 'Mã số,Tên,Loại hình,Lĩnh vực,Mã tỉnh';

/** Opens the import page and chooses a file with this text. */
async function chooseFile(name: string, text: string) {
  const path = join(files, name);
  writeFileSync(path, text);
  await page.goto(`${server.url}/imports`);
  await page.getByTestId('import-file').setInputFiles(path);
}

describe('import page', () => {
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
