// How the web app reaches a browser: its bundles compressed once at build time and kept a year
// under their hashed names, the page that names them asked again each time; a bundle no build
// has is a 404; and a page left open across an upgrade loads the new build instead of failing.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signInPage, startServer } from './server.ts';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the web app', () => {
  it('sends its bundles compressed and cacheable, and its page to be asked again', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const script = /src="(\/assets\/index-[^"]+\.js)"/.exec(await page.text())![1]!;
    const plain = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    await plain.arrayBuffer();
    for (const encoding of ['br', 'gzip']) {
      const res = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': encoding } });
      expect(res.headers.get('content-encoding')).toBe(encoding);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(Number(res.headers.get('content-length'))).toBeLessThan(Number(plain.headers.get('content-length')) / 2);
      await res.arrayBuffer();
    }
    const missing = await fetch(`${server.url}/assets/index-00000000.js`);
    expect(missing.status).toBe(404);
  });

  it('left open across an upgrade, loads the new build when a page of the old one is gone', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signInPage(page, server.url);
    await page.goto(`${server.url}/organizations`);
    await page.getByTestId('nav-dashboard').waitFor();
    // the dashboard's bundle is gone, as the old build's are after an upgrade, until the page is
    // loaded again (which, after a real upgrade, names the new build's bundles)
    let reloaded = false;
    let refused = 0;
    page.on('request', (r) => {
      if (r.resourceType() === 'document') reloaded = true;
    });
    await page.route('**/assets/dashboard-page-*.js', (route) => {
      if (reloaded) return route.continue();
      refused++;
      return route.fulfill({ status: 404, body: '' });
    });
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('area-trail').waitFor({ timeout: 20_000 });
    expect(refused).toBeGreaterThan(0);
    expect(reloaded).toBe(true);
    expect(await page.getByText('Trang gặp sự cố').count()).toBe(0);
  });
});
