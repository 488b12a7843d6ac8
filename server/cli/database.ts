import type { Config } from '../config.ts';
import { startEngine, type Engine } from '../db/engine.ts';
import { applyMigrations } from '../db/migrate.ts';
import { createDb, createPool, type Db } from '../db/pool.ts';
import { ensureCurrentUnits } from '../modules/admin-units/load-current.ts';

export interface Database {
  engine: Engine;
  db: Db;
  /** `afterOthers`: see Engine.stop */
  close(opts?: { afterOthers?: boolean }): Promise<void>;
}

/** Opens the configured database and brings it up to date: migrations, the shipped unit list. */
export async function openDatabase(config: Config, opts: { poolSize?: number } = {}): Promise<Database> {
  const engine = await startEngine(config);
  const pool = createPool(engine.url, opts.poolSize);
  let db: Db;
  try {
    db = createDb(pool);
    await applyMigrations(db);
    await ensureCurrentUnits(db);
  } catch (err) {
    await pool.end();
    await engine.stop();
    throw err;
  }
  return {
    engine,
    db,
    async close(opts) {
      await pool.end();
      await engine.stop(opts);
    },
  };
}
