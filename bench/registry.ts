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
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildApp, type App } from '../server/http/app.ts';
import type { Database } from '../server/cli/database.ts';
import { asciiFold } from '../server/modules/demo/names.ts';
import { createRandom, type Random } from '../server/modules/demo/random.ts';
import { sql } from 'drizzle-orm';
import { countsAt, loadNational, openFresh, resultHeading, SEED, sizes, type Org } from './lib/national-db.ts';
import { measure, table, type Measured } from './lib/measure.ts';
import { benchArgs } from './lib/args.ts';
import { writeBlock } from './lib/results-file.ts';
import { signedIn } from './lib/session.ts';

const USAGE = 'node bench/registry.ts [--engine pglite|postgres|both] [--rows full|small] [--requests N]';
const { args, engines, scale } = benchArgs(USAGE, {
  budget: { type: 'string', default: '120' },
  'no-analyze': { type: 'boolean', default: false },
  keep: { type: 'boolean', default: false },
  reuse: { type: 'boolean', default: false },
  'data-dir': { type: 'string' },
});
if (args.reuse && (engines.length > 1 || (engines[0] === 'pglite' && !args['data-dir']))) {
  console.error(
    `usage: ${USAGE}\n       node bench/registry.ts --reuse --engine postgres | --reuse --engine pglite --data-dir DIR`,
  );
  process.exit(1);
}
const COUNTS = countsAt(scale);
const REQUESTS = Number(args.requests);
const RESULTS = fileURLToPath(new URL('./RESULTS.md', import.meta.url));

/** p95 targets from the issue: PostgreSQL search 50 ms, list 30 ms; PGlite at most 3× those. */
function target(engine: string, scenario: string): number | undefined {
  const factor = engine === 'pglite' ? 3 : 1;
  if (scenario.startsWith('d') || scenario.startsWith('e')) return 50 * factor;
  if (/^[abc]/.test(scenario)) return 30 * factor;
  return undefined;
}

async function run(app: App, database: Database, orgs: Org[]): Promise<Measured[]> {
  const { db } = database;
  const admin = await signedIn(app, db, 'admin');
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
    const res = await admin.get(`/api/v1/organizations?${query}`);
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
    await admin.get(`/api/v1/organizations/${r.int(ids!.min, ids!.max)}`);
    return null;
  });
  return out;
}

const command = `node bench/registry.ts ${process.argv.slice(2).join(' ')}`.trim();

for (const engine of engines) {
  console.log(`\n## ${engine}: loading ${COUNTS.HTX + COUNTS.THT + COUNTS.LHHTX} organisations …`);
  const load1 = loadavg()[0]!.toFixed(2);
  const { database, drop } = await openFresh(engine, {
    name: 'hoptac_bench',
    keep: args.keep,
    reuse: args.reuse,
    dataDir: args['data-dir'],
  });
  try {
    const loaded = await loadNational(database, { scale, reuse: args.reuse, analyze: !args['no-analyze'] });
    const s = await sizes(database.db);
    console.log(`  loaded: ${JSON.stringify(loaded.times)} ${JSON.stringify(s)}`);
    const app = await buildApp({ db: database.db, logLevel: 'silent', serveWeb: false });
    const results = await run(app, database, loaded.orgs);
    await app.close();
    const loadTotal = Object.values(loaded.times).reduce((a, b) => a + b, 0);
    const body = [
      ...(await resultHeading(engine, database, load1)),
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
