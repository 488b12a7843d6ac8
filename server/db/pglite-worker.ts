// Runs PGlite (embedded PostgreSQL) in a worker thread behind a Unix socket, so the app,
// the CLI and tools all talk to it with the ordinary `pg` driver, and a slow query never
// blocks the HTTP event loop (see docs/decisions/0002-database.md).
import { setFlagsFromString } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { BatchQueue } from './pglite-queue.ts';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

const { dataDir, socketPath } = workerData as { dataDir: string; socketPath: string };

// Memory (bench/RESULTS.md, "Import at national scale"): PGlite shares the process, so its
// memory counts against the ≤ 400 MB of an import.
// - V8 compiles PGlite's WebAssembly with its baseline compiler (Liftoff), then recompiles hot
//   functions with TurboFan; one of them (a 105 KB function body) takes ~600 MB of compiler
//   memory for about a second, seconds after the database opens: peaks of 0.8–1.2 GB for
//   `hoptac migrate` or an import. Liftoff only: no such peak, but slower SQL (national
//   import 46 → 59–63 s when measured alone).
//   The flags are process-wide and must be set before PGlite compiles its module (create).
// - shared_buffers: PGlite's default 128 MB buffer pool lives in the WebAssembly heap, whose
//   pages stay resident once touched (it never shrinks); 16 MB (import peak 407 → 377 MB
//   against 32 MB, no slower within noise): the rest of the data is in the OS file cache.
setFlagsFromString('--no-wasm-tier-up');
setFlagsFromString('--no-wasm-dynamic-tiering');
const startParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

const db = await PGlite.create({ dataDir, extensions: { unaccent, pg_trgm }, startParams });
const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 64 });
// one connection's query at a time, whole (pglite-queue.ts): the server's own queue interleaves them
(server as unknown as { queryQueue: BatchQueue }).queryQueue = new BatchQueue(db);
await server.start();
parentPort?.postMessage({ ready: true });

parentPort?.on('message', async (msg: { stop?: boolean; connections?: boolean }) => {
  if (msg.connections) parentPort?.postMessage({ connections: server.getStats().activeConnections });
  if (!msg.stop) return;
  await server.stop();
  await db.close();
  parentPort?.postMessage({ stopped: true });
});
