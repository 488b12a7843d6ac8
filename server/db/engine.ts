import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Config } from '../config.ts';

/** A running database: where to connect, and how to let go of it. */
export interface Engine {
  url: string;
  kind: 'postgres' | 'pglite';
  /** true when another hoptac process owns the embedded database and we go through it */
  shared: boolean;
  stop(): Promise<void>;
}

export class EngineError extends Error {}

/**
 * DATABASE_URL → that server. Otherwise the embedded PGlite under HOPTAC_DATA_DIR, started in
 * a worker thread behind a Unix socket. A second process on the same directory (the CLI while
 * the server runs) connects through the running one's socket instead of opening the files.
 */
export async function startEngine(config: Pick<Config, 'DATABASE_URL' | 'HOPTAC_DATA_DIR'>): Promise<Engine> {
  if (config.DATABASE_URL) {
    return { url: config.DATABASE_URL, kind: 'postgres', shared: false, stop: async () => {} };
  }
  const dir = resolve(config.HOPTAC_DATA_DIR);
  mkdirSync(dir, { recursive: true });
  const socketPath = join(dir, '.s.PGSQL.5432');
  const lockPath = join(dir, 'hoptac.lock');
  const url = `postgresql://postgres@/postgres?host=${encodeURIComponent(dir)}`;

  const owner = lockOwner(lockPath);
  if (owner !== undefined) {
    if (await socketAnswers(socketPath, 15_000)) {
      return { url, kind: 'pglite', shared: true, stop: async () => {} };
    }
    throw new EngineError(
      `Cơ sở dữ liệu ${dir} đang được tiến trình ${owner} dùng / The embedded database is in use by process ${owner}`,
    );
  }
  writeFileSync(lockPath, String(process.pid));
  rmSync(socketPath, { force: true });

  const worker = new Worker(new URL('./pglite-worker.ts', import.meta.url), {
    workerData: { dataDir: join(dir, 'pglite'), socketPath },
  });
  try {
    await new Promise<void>((ok, fail) => {
      worker.once('message', () => ok());
      worker.once('error', fail);
      worker.once('exit', (code) => fail(new EngineError(`PGlite worker exited with code ${code}`)));
    });
  } catch (err) {
    rmSync(lockPath, { force: true });
    throw err;
  }
  worker.unref();

  let stopped = false;
  return {
    url,
    kind: 'pglite',
    shared: false,
    async stop() {
      if (stopped) return;
      stopped = true;
      const done = new Promise((ok) => worker.once('message', ok));
      worker.postMessage({ stop: true });
      await Promise.race([done, new Promise((ok) => setTimeout(ok, 5000).unref())]);
      await worker.terminate();
      rmSync(lockPath, { force: true });
    },
  };
}

/** The pid holding the data directory, when that process is still alive. */
function lockOwner(lockPath: string): number | undefined {
  let pid: number;
  try {
    pid = Number(readFileSync(lockPath, 'utf8'));
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

async function socketAnswers(path: string, waitMs: number): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((done) => {
      const s = connect(path, () => {
        s.end();
        done(true);
      });
      s.once('error', () => done(false));
    });
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}
