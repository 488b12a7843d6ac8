// Registry at national scale: 35,000 HTX + 80,000 THT + 165 LHHTX over the 3,321 communes of
// the current map, then list and search latency through the real HTTP API (in-process
// `app.inject`: routing, zod validation, SQL and serialisation, no TCP).
//
//   node bench/registry.ts [--engine pglite|postgres|both] [--rows full|small] [--requests 300] [--budget 120]
//                          [--no-analyze] [--keep] [--reuse [--data-dir DIR]] [--no-write]
//
// pglite: a fresh temporary HOPTAC_DATA_DIR through openDatabase (the app's own worker + socket).
// postgres: drops and recreates the database `hoptac_bench` on DATABASE_URL's server (default
// postgresql://postgres@localhost:5432/test) and leaves it there for EXPLAIN afterwards.
// --reuse measures an already loaded database (hoptac_bench, or the PGlite --data-dir kept by
// --keep) without loading: for trying an index or a query change against the same data.
// A scenario stops after --budget seconds (at least 20 measured requests); the table says so.
// Results are printed and written into bench/RESULTS.md (one block per engine).
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../server/cli/database.ts';
import { loadConfig } from '../server/config.ts';
import { buildApp, type App } from '../server/http/app.ts';
import { currentCommunes } from '../server/modules/demo/communes.ts';
import { generateOrganizations } from '../server/modules/demo/generate.ts';
import { insertOrganizations } from '../server/modules/demo/insert.ts';
import { asciiFold } from '../server/modules/demo/names.ts';
import { createRandom, type Random } from '../server/modules/demo/random.ts';
import { derivePlacement } from '../server/modules/organizations/placement.ts';
import { measure, table, type Measured } from './lib/measure.ts';
import { writeBlock } from './lib/results-file.ts';

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'both' },
    rows: { type: 'string', default: 'full' },
    requests: { type: 'string', default: '300' },
    budget: { type: 'string', default: '120' },
    'no-analyze': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
    'no-write': { type: 'boolean', default: false },
  },
});
const engines = args.engine === 'both' ? (['pglite', 'postgres'] as const) : [args.engine as 'pglite' | 'postgres'];
const badReuse = args.reuse && (engines.length > 1 || (engines[0] === 'pglite' && !args['data-dir']));
if (!engines.every((e) => e === 'pglite' || e === 'postgres') || !['full', 'small'].includes(args.rows!) || badReuse) {
  console.error('usage: node bench/registry.ts [--engine pglite|postgres|both] [--rows full|small] [--requests N]');
  console.error('       node bench/registry.ts --reuse --engine postgres | --reuse --engine pglite --data-dir DIR');
  process.exit(1);
}
const scale = args.rows === 'small' ? 0.1 : 1;
const COUNTS = { HTX: Math.round(35_000 * scale), THT: Math.round(80_000 * scale), LHHTX: Math.round(165 * scale) };
const REQUESTS = Number(args.requests);
const SEED = 'hoptac-bench-1';
const RESULTS = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
const BASE_URL = process.env.DATABASE_URL || 'postgresql://postgres@localhost:5432/test';

/** p95 targets from the issue: PostgreSQL search 50 ms, list 30 ms; PGlite at most 3× those. */
function target(engine: string, scenario: string): number | undefined {
  const factor = engine === 'pglite' ? 3 : 1;
  if (scenario.startsWith('d') || scenario.startsWith('e')) return 50 * factor;
  if (/^[abc]/.test(scenario)) return 30 * factor;
  return undefined;
}

async function openFresh(engine: 'pglite' | 'postgres'): Promise<{ database: Database; drop(): Promise<void> }> {
  const config = loadConfig();
  if (engine === 'pglite') {
    const dir = args['data-dir'] ?? mkdtempSync(join(tmpdir(), 'hoptac-bench-'));
    const database = await openDatabase({ ...config, DATABASE_URL: undefined, HOPTAC_DATA_DIR: dir });
    const keep = args.keep || args.reuse;
    return {
      database,
      drop: async () => (keep ? console.log(`kept ${dir}`) : rmSync(dir, { recursive: true, force: true })),
    };
  }
  const url = new URL(BASE_URL);
  url.pathname = '/hoptac_bench';
  if (!args.reuse) {
    const admin = new pg.Client({ connectionString: BASE_URL });
    await admin.connect();
    await admin.query('drop database if exists hoptac_bench with (force)');
    await admin.query('create database hoptac_bench');
    await admin.end();
  }
  const database = await openDatabase({ ...config, DATABASE_URL: url.toString() });
  return { database, drop: async () => {} };
}

const since = (start: number) => Math.round(performance.now() - start);

async function load(database: Database) {
  const { db } = database;
  const times: Record<string, number> = {};
  let t = performance.now();
  const communes = await currentCommunes(db);
  const orgs = generateOrganizations({ seed: SEED, communes, counts: COUNTS });
  times.generate = since(t);
  if (args.reuse) return { orgs, times: {}, sizes: await sizes(db) };
  t = performance.now();
  await db.transaction(async (tx) => {
    await insertOrganizations(tx, orgs);
    times.insert = since(t);
    t = performance.now();
    await derivePlacement(tx);
    times.derivePlacement = since(t);
  });
  if (!args['no-analyze']) {
    t = performance.now();
    await db.execute(sql`vacuum analyze`);
    times.vacuumAnalyze = since(t);
  }
  return { orgs, times, sizes: await sizes(db) };
}

async function sizes(db: Database['db']) {
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

type Org = ReturnType<typeof generateOrganizations>[number];

async function run(app: App, database: Database, orgs: Org[]): Promise<Measured[]> {
  const { db } = database;
  const count = async (query: ReturnType<typeof sql>) => (await db.execute<{ code: string; n: number }>(query)).rows;
  const htxByProvince = await count(
    sql`select province_code as code, count(*)::int as n from organizations where kind = 'HTX' group by 1 order by 1`,
  );
  const byCommune = await count(
    sql`select commune_code as code, count(*)::int as n from organizations where commune_code is not null group by 1 order by 1`,
  );
  const [ids] = (
    await db.execute<{ min: number; max: number; n: number }>(
      sql`select min(id), max(id), count(*)::int as n from organizations`,
    )
  ).rows;
  const pages = (n: number) => Math.max(1, Math.ceil(n / 20));

  const list = async (query: string) => {
    const res = await app.inject({ url: `/api/v1/organizations?${query}` });
    if (res.statusCode !== 200) throw new Error(`${query}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return (res.json() as { total: number }).total;
  };
  const words = (r: Random) => {
    const org = r.pick(orgs);
    const pair = asciiFold(org.name).toLowerCase().split(' ').slice(-2).join(' ');
    return { q: encodeURIComponent(pair), province: org.provinceCode };
  };
  const opts = { requests: REQUESTS, warmup: 20, budgetMs: Number(args.budget) * 1000 };
  const out: Measured[] = [];
  /** Each scenario draws its parameters from its own seeded generator: same requests on every run. */
  const scenario = async (name: string, call: (r: Random) => Promise<number | null>) => {
    const r = createRandom(`${SEED}:${name}`);
    out.push(await measure(name, opts, () => call(r)));
    console.log(`  ${name}: p95 ${out.at(-1)!.p95.toFixed(1)} ms`);
  };

  await scenario('a. province + kind=HTX, sort=name, random page', (r) => {
    const p = r.pick(htxByProvince);
    return list(`area=${p.code}&kind=HTX&sort=name&page=${r.int(1, pages(p.n))}&pageSize=20`);
  });
  await scenario('b. commune, sort=name, random page', (r) => {
    const c = r.pick(byCommune);
    return list(`area=${c.code}&sort=name&page=${r.int(1, pages(c.n))}&pageSize=20`);
  });
  await scenario('c. whole country, sort=name, pages 1–10', (r) => list(`sort=name&page=${r.int(1, 10)}&pageSize=20`));
  await scenario('c′. whole country, sort=name, random page of all', (r) =>
    list(`sort=name&page=${r.int(1, pages(ids!.n))}&pageSize=20`),
  );
  await scenario('d. search q (2 words, no diacritics)', (r) => list(`q=${words(r).q}&pageSize=20`));
  await scenario('e. search q + province', (r) => {
    const w = words(r);
    return list(`q=${w.q}&area=${w.province}&pageSize=20`);
  });
  await scenario('f. GET /organizations/:id', async (r) => {
    const res = await app.inject({ url: `/api/v1/organizations/${r.int(ids!.min, ids!.max)}` });
    if (res.statusCode !== 200) throw new Error(`by id: ${res.statusCode}`);
    return null;
  });
  return out;
}

async function engineVersion(database: Database) {
  const [row] = (await database.db.execute<{ version: string }>(sql`select version()`)).rows;
  return row!.version.split(' on ')[0]!.replace(/ \(Debian[^)]*\)/, '');
}

const machine = `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GB RAM, ${type()} ${release()}, Node ${process.version}`;
const command = `node bench/registry.ts ${process.argv.slice(2).join(' ')}`.trim();

for (const engine of engines) {
  console.log(`\n## ${engine}: loading ${COUNTS.HTX + COUNTS.THT + COUNTS.LHHTX} organisations …`);
  const load1 = loadavg()[0]!.toFixed(2);
  const { database, drop } = await openFresh(engine);
  try {
    const loaded = await load(database);
    console.log(`  loaded: ${JSON.stringify(loaded.times)} ${JSON.stringify(loaded.sizes)}`);
    const app = await buildApp({ db: database.db, logLevel: 'silent', serveWeb: false });
    const results = await run(app, database, loaded.orgs);
    await app.close();
    const load2 = loadavg()[0]!.toFixed(2);
    const s = loaded.sizes;
    const loadTotal = Object.values(loaded.times).reduce((a, b) => a + b, 0);
    const body = [
      `#### ${engine === 'pglite' ? 'PGlite (embedded, worker + socket)' : 'PostgreSQL server'} — ${await engineVersion(database)}`,
      '',
      `- date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; machine: ${machine}; load average ${load1} at start, ${load2} at end`,
      `- command: \`${command}\` (requests through \`app.inject\`, one at a time, after 20 warm-up requests)`,
      `- data: ${s.orgs.toLocaleString('en')} organisations (${COUNTS.HTX} HTX, ${COUNTS.THT} THT, ${COUNTS.LHHTX} LHHTX) in ${s.communes} communes, ` +
        `${s.reports.toLocaleString('en')} reports, ${s.events.toLocaleString('en')} status events; database ${(s.bytes / 2 ** 20).toFixed(0)} MB`,
      args.reuse
        ? '- load: (reused an already loaded database)'
        : `- load: ${(loadTotal / 1000).toFixed(1)} s = ` +
          Object.entries(loaded.times)
            .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
            .join(' + ') +
          (args['no-analyze'] ? ' (no ANALYZE: planner statistics as the app leaves them)' : ''),
      '',
      table(results, (name) => target(engine, name)),
    ].join('\n');
    console.log('\n' + body);
    const key = `registry:${engine}${args.rows === 'small' ? ':small' : ''}${args['no-analyze'] ? ':no-analyze' : ''}`;
    if (!args['no-write'] && !args.reuse) writeBlock(RESULTS, key, body);
  } finally {
    await database.close();
    await drop();
  }
}
