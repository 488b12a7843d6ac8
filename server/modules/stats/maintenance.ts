// Keeps the statistics summary small while the server runs: the changes writers append to
// stats_cells are merged every minute, and on the embedded engine (PGlite has no autovacuum)
// the space they took is reclaimed.
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/pool.ts';
import { compactCells } from './stats.queries.ts';

export interface MaintenanceOptions {
  /** VACUUM the summary after merging: for PGlite, which never does it by itself */
  vacuum: boolean;
  log: Pick<FastifyBaseLogger, 'warn'>;
  everyMs?: number;
}

/** One pass: merges the pending changes; answers how many rows were merged. */
export async function maintainStats(db: Db, opts: Pick<MaintenanceOptions, 'vacuum'>): Promise<number> {
  const merged = await compactCells(db);
  if (merged > 0 && opts.vacuum) await db.execute(sql`vacuum stats_cells`);
  return merged;
}

/** Runs maintainStats every minute (one pass at a time) until the returned function is called. */
export function startStatsMaintenance(db: Db, opts: MaintenanceOptions): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running
      .then(() => maintainStats(db, opts))
      .catch((err: unknown) => opts.log.warn({ err }, 'statistics maintenance failed'));
  }, opts.everyMs ?? 60_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
