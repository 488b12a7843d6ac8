// The national database of the benchmarks: a fresh database on either engine, loaded with the
// demo generator's organisations (35,000 HTX + 80,000 THT + 165 LHHTX at full scale) over the
// 3,321 communes of the current map, each with its status history and reports for 2023, 2024,
// 2025-H1 and 2025.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../server/cli/database.ts';
import { loadConfig } from '../../server/config.ts';
import { currentCommunes } from '../../server/modules/demo/communes.ts';
import { generateOrganizations } from '../../server/modules/demo/generate.ts';
import { insertOrganizations } from '../../server/modules/demo/insert.ts';

export type Engine = 'pglite' | 'postgres';
export type Org = ReturnType<typeof generateOrganizations>[number];

export const SEED = 'hoptac-bench-1';
export const BASE_URL = process.env.DATABASE_URL || 'postgresql://postgres@localhost:5432/test';

export const countsAt = (scale: number) => ({
  HTX: Math.round(35_000 * scale),
  THT: Math.round(80_000 * scale),
  LHHTX: Math.round(165 * scale),
});

export interface OpenOptions {
  /** the PostgreSQL database to (re)create */
  name: string;
  /** keep the PGlite directory afterwards (printed) */
  keep?: boolean;
  /** reuse an already loaded database: PGlite's directory, or the PostgreSQL database as it is */
  reuse?: boolean;
  dataDir?: string;
}

/** A fresh (or reused) database through the app's own openDatabase: migrations, the shipped units. */
export async function openFresh(
  engine: Engine,
  opts: OpenOptions,
): Promise<{ database: Database; drop(): Promise<void> }> {
  const config = loadConfig();
  if (engine === 'pglite') {
    const dir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'hoptac-bench-'));
    const database = await openDatabase({ ...config, DATABASE_URL: undefined, HOPTAC_DATA_DIR: dir });
    const keep = opts.keep || opts.reuse;
    return {
      database,
      drop: async () => (keep ? console.log(`kept ${dir}`) : rmSync(dir, { recursive: true, force: true })),
    };
  }
  const url = new URL(BASE_URL);
  url.pathname = `/${opts.name}`;
  if (!opts.reuse) {
    const admin = new pg.Client({ connectionString: BASE_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${opts.name} with (force)`);
    await admin.query(`create database ${opts.name}`);
    await admin.end();
  }
  const database = await openDatabase({ ...config, DATABASE_URL: url.toString() });
  return { database, drop: async () => {} };
}

const since = (start: number) => Math.round(performance.now() - start);

/** Generates and inserts the organisations in one transaction; answers them and what each step took (ms). */
export async function loadNational(
  database: Database,
  opts: { scale: number; reuse?: boolean; analyze?: boolean },
): Promise<{ orgs: Org[]; times: Record<string, number> }> {
  const { db } = database;
  const times: Record<string, number> = {};
  let t = performance.now();
  const communes = await currentCommunes(db);
  const orgs = generateOrganizations({ seed: SEED, communes, counts: countsAt(opts.scale) });
  times.generate = since(t);
  if (opts.reuse) return { orgs, times: {} };
  t = performance.now();
  await db.transaction(async (tx) => {
    await insertOrganizations(tx, orgs);
    times.insert = since(t);
  });
  if (opts.analyze !== false) {
    t = performance.now();
    await db.execute(sql`vacuum analyze`);
    times.vacuumAnalyze = since(t);
  }
  return { orgs, times };
}

export async function sizes(db: Database['db']) {
  const [row] = (
    await db.execute<{ orgs: number; reports: number; events: number; communes: number; bytes: number }>(sql`
      select (select count(*) from organizations)::int as orgs,
             (select count(*) from organization_reports)::int as reports,
             (select count(*) from organization_status_events)::int as events,
             (select count(distinct commune_code) from organizations)::int as communes,
             pg_database_size(current_database())::bigint as bytes`)
  ).rows;
  return row!;
}

export async function engineVersion(database: Database) {
  const [row] = (await database.db.execute<{ version: string }>(sql`select version()`)).rows;
  return row!.version.split(' on ')[0]!.replace(/ \(Debian[^)]*\)/, '');
}

export const engineTitle = (engine: Engine) =>
  engine === 'pglite' ? 'PGlite (embedded, worker + socket)' : 'PostgreSQL server';

export const machine = () =>
  `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GB RAM, ${type()} ${release()}, Node ${process.version}`;

export const utcNow = () => new Date().toISOString().slice(0, 16).replace('T', ' ');

/** The first lines of a results block: the engine and its version, when, on what machine, how loaded. */
export async function resultHeading(engine: Engine, database: Database, loadAtStart: string): Promise<string[]> {
  return [
    `#### ${engineTitle(engine)} — ${await engineVersion(database)}`,
    '',
    `- date: ${utcNow()} UTC; machine: ${machine()}; load average ${loadAtStart} at start, ${loadavg()[0]!.toFixed(2)} at end`,
  ];
}
