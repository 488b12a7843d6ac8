// The `hoptac` command as users run it: a real process on its own embedded data directory.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { connect, createServer, type AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const bin = new URL('../../bin/hoptac.js', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'hoptac-cli-'));
const env = { ...process.env, DATABASE_URL: '', HOPTAC_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const run = (args: string[], extraEnv: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin, ...args], { env: { ...env, ...extraEnv }, encoding: 'utf8', timeout: 60_000 });

describe('hoptac CLI', () => {
  it('stops with exit code 1 and names a bad environment variable', () => {
    const res = run(['migrate'], { PORT: 'not-a-port' });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('PORT: phải là số cổng từ 0 đến 65535 / must be a port number from 0 to 65535');
  });

  it('names HOPTAC_DATA_DIR, without a stack, when its directory cannot be made', () => {
    const res = run(['migrate'], { HOPTAC_DATA_DIR: join(bin, 'data') }); // under a file
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/HOPTAC_DATA_DIR: không tạo được thư mục .* \/ cannot create the directory/);
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });

  it('says in both languages, without a stack, that the database or the port is out of reach', async () => {
    const db = run(['migrate'], { DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/x' });
    expect(db.status).toBe(1);
    expect(db.stderr).toMatch(/^Lỗi: không kết nối được máy chủ PostgreSQL của DATABASE_URL .*\nError: cannot connect/);
    expect(db.stderr).not.toMatch(/\n\s+at /);

    const taken = createServer().listen(0, '127.0.0.1');
    await once(taken, 'listening');
    const ownDir = mkdtempSync(join(tmpdir(), 'hoptac-cli-port-')); // the shared one must stay new
    try {
      const port = String((taken.address() as AddressInfo).port);
      const serve = spawnSync(process.execPath, [bin, 'serve'], {
        env: { ...env, HOPTAC_DATA_DIR: ownDir, PORT: port, HOST: '127.0.0.1' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(serve.status).toBe(1);
      expect(serve.stderr).toContain(`Error: cannot listen on port ${port} (PORT)`);
      expect(serve.stderr).not.toMatch(/\n\s+at /);
    } finally {
      taken.close();
      rmSync(ownDir, { recursive: true, force: true });
    }
  });

  it('exits 1 on an unknown command and an unknown data set', () => {
    const unknown = run(['frobnicate']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/^Lỗi: không có lệnh 'frobnicate'\nerror: unknown command 'frobnicate'/);
    const missing = run(['stats', '--json']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^Lỗi: thiếu tuỳ chọn bắt buộc '--area <code>'\nerror: required option/);
    const seed = run(['seed', 'nonsense']);
    expect(seed.status).toBe(1);
    expect(seed.stderr).toContain('Unknown data set');
  });

  it('serves, prints the URL and the first administrator once, and lets a second process work through it', async () => {
    const server = spawn(process.execPath, [bin, 'serve'], {
      env: { ...env, PORT: '0', HOST: '127.0.0.1', HOPTAC_ADMIN_PASSWORD: 'mat-khau-thu' },
    });
    try {
      let out = '';
      server.stdout.on('data', (d) => (out += d));
      // the administrator is named; a password given in the environment is not printed
      await expect
        .poll(() => out, { timeout: 30_000, interval: 200 })
        .toMatch(/Administrator: admin@hoptac.local {2}mật khẩu: HOPTAC_ADMIN_PASSWORD/);
      expect(out).not.toContain('mat-khau-thu');
      const url = /running at (http:\/\/\S+)/.exec(out)?.[1];
      expect(url).toBeDefined();
      const health = await fetch(`${url}/api/health`);
      expect(await health.json()).toEqual({ status: 'ok' });

      // The CLI while the server owns the data directory: through its socket, no corruption.
      const migrate = run(['migrate']);
      expect(migrate.stderr).toBe('');
      expect(migrate.status).toBe(0);
      expect((await fetch(`${url}/api/v1/admin-units`)).status).toBe(401);
      const login = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@hoptac.local', password: 'mat-khau-thu' }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
      expect((await fetch(`${url}/api/v1/admin-units`, { headers: { cookie } })).status).toBe(200);

      // A client that stalls half-way through its request does not hold the stop for its
      // timeout (a minute): the server waits a few seconds, cuts it off and closes the database.
      const { port } = new URL(url!);
      const stalled = connect(Number(port), '127.0.0.1');
      await once(stalled, 'connect');
      stalled.write('GET /api/health HTTP/1.1\r\nHost: localhost\r\n');
      const cutOff = once(stalled, 'close');
      const stopped = performance.now();
      server.kill('SIGTERM');
      const [code] = (await once(server, 'exit')) as [number];
      expect(code).toBe(0);
      expect(performance.now() - stopped).toBeLessThan(15_000);
      await cutOff;
    } finally {
      if (server.exitCode === null) {
        server.kill('SIGTERM');
        await once(server, 'exit');
      }
    }
    // After a clean stop the lock is released and the directory opens again; no new admin printed.
    const again = run(['migrate']);
    expect(again.status).toBe(0);
  });

  it('takes over a lock whose pid another program has since been given', () => {
    const other = spawn('sleep', ['60']); // alive, and not hoptac
    try {
      writeFileSync(join(dataDir, 'hoptac.lock'), String(other.pid));
      const res = run(['migrate']); // it said "in use by process …"
      expect(res.status, res.stderr).toBe(0);
    } finally {
      other.kill();
    }
  });

  it('says where a former province went on a new database, before any pre-2025 list is loaded', () => {
    const stats = run(['stats', '--area', '06', '--json']);
    expect(stats.status).toBe(1);
    expect(stats.stderr).toContain(
      '06 Tỉnh Bắc Kạn no longer exists on the current map: it merged into 19 Tỉnh Thái Nguyên on 1 July 2025',
    );
  });
});
