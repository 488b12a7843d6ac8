// Runs PGlite (embedded PostgreSQL) in a worker thread behind a Unix socket, so the app,
// the CLI and tools all talk to it with the ordinary `pg` driver, and a slow query never
// blocks the HTTP event loop (see docs/decisions/0002-database.md).
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

const { dataDir, socketPath } = workerData as { dataDir: string; socketPath: string };

const db = await PGlite.create({ dataDir, extensions: { unaccent, pg_trgm } });
const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 64 });
await server.start();
parentPort?.postMessage({ ready: true });

parentPort?.on('message', async (msg: { stop?: boolean }) => {
  if (!msg.stop) return;
  await server.stop();
  await db.close();
  parentPort?.postMessage({ stopped: true });
});
