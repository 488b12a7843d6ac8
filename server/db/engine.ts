import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { invalidConfig, type Config } from '../config.ts';

/** A running database: where to connect, and how to let go of it. */
export interface Engine {
  url: string;
  kind: 'postgres' | 'pglite';
  /** true when another hoptac process owns the embedded database and we go through it */
  shared: boolean;
  /**
   * Lets go of the database. `afterOthers`: the owner of an embedded database first waits
   * until the other processes working through it (a second command) have disconnected, so
   * that they are not cut off half-way; the server does not wait (a supervisor would not).
   */
  stop(opts?: { afterOthers?: boolean }): Promise<void>;
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
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw invalidConfig([
      `HOPTAC_DATA_DIR: không tạo được thư mục ${dir} / cannot create the directory ${dir} (${(err as Error).message})`,
    ]);
  }
  const socketPath = join(dir, '.s.PGSQL.5432');
  const lockPath = join(dir, 'hoptac.lock');
  const url = `postgresql://postgres@/postgres?host=${encodeURIComponent(dir)}`;

  const owner = lockOwner(lockPath);
  if (owner !== undefined) {
    if (await socketAnswers(socketPath, 15_000)) {
      return { url, kind: 'pglite', shared: true, stop: async () => {} };
    }
    // a Node process that is not hoptac may hold the pid since a crash: say how to get the directory back
    throw new EngineError(
      `Cơ sở dữ liệu ${dir} đang được tiến trình ${owner} dùng; nếu đó không phải hoptac, hãy xoá ${lockPath} / ` +
        `The embedded database is in use by process ${owner}; if that is not hoptac, delete ${lockPath}`,
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

  const connections = () =>
    new Promise<number>((ok) => {
      worker.once('message', (m: { connections: number }) => ok(m.connections));
      worker.postMessage({ connections: true });
    });
  let stopped = false;
  return {
    url,
    kind: 'pglite',
    shared: false,
    async stop(opts = {}) {
      if (stopped) return;
      stopped = true;
      // this process's own connections have ended; a closed one may take a moment to be counted out
      for (let waited = 0; opts.afterOthers && (await connections()) > 0; waited += 100) {
        if (waited === 1000) {
          console.error(
            'Đang chờ tiến trình hoptac khác dùng cơ sở dữ liệu này xong… / Waiting for another hoptac process using this database to finish…',
          );
        }
        await new Promise((ok) => setTimeout(ok, 100));
      }
      const done = new Promise((ok) => worker.once('message', ok));
      worker.postMessage({ stop: true });
      await Promise.race([done, new Promise((ok) => setTimeout(ok, 5000).unref())]);
      await worker.terminate();
      rmSync(lockPath, { force: true });
    },
  };
}

/**
 * For the one-shot commands (import, migrate, statistics…), not for the server. Memory
 * (bench/RESULTS.md, "Import at national scale"): V8 grows the main thread's young generation
 * to 128 MB (two 64 MB semi-spaces) while the CLI loads its modules, and an import's stream of
 * short-lived rows keeps all of it resident; the old generation grows along with it: the heap
 * was 220–250 MB for 40–150 MB used, most of the import's 386 MB peak on PostgreSQL. The size
 * limit (--max-semi-space-size) can only be given when the process starts; here: no growth
 * from now on (the factor is read at run time), and one memory-reducing full GC (~50–100 ms)
 * shrinks the young generation to 1–2 MB. Measured: heap ~100 MB, import peak 386 → 268 MB on
 * PostgreSQL; the import 10–20% slower under CPU contention, not slower on a quiet machine.
 * Process-wide, so PGlite's worker thread too. A server would pay for it on every request: it
 * made /stats 18% slower, with a fifth of the time in the garbage collector ("Statistics").
 */
let gc: ((options: object) => void) | undefined;
export function keepYoungGenerationSmall() {
  if (gc) return;
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--expose-gc'); // only contexts created while it is set get gc()
  gc = runInNewContext('gc') as (options: object) => void;
  setFlagsFromString('--no-expose-gc');
  reduceMemory();
}

/**
 * One memory-reducing full GC (~50–100 ms), in a one-shot command (keepYoungGenerationSmall;
 * nothing in the server): V8 gives back the pages of this thread's heap it no longer needs,
 * those it keeps pooled for reuse too — 40–70 MB after the rows of a national CSV, resident
 * otherwise while PGlite, in this process, rebuilds the indexes.
 */
export function reduceMemory() {
  gc?.({ type: 'major', execution: 'sync', flavor: 'last-resort' });
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
  } catch {
    return undefined;
  }
  return runsNode(pid) ? pid : undefined;
}

/** A live pid that is no Node process (Linux tells) is not ours: the pid was reused after a crash. */
function runsNode(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0]!.includes('node');
  } catch {
    return true; // cannot tell: taken as ours, and its socket decides
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
