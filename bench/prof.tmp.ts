import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/http/app.ts';
import { openFresh } from './lib/national-db.ts';
import { signedIn } from './lib/session.ts';
import { paramsOf, SESSION_OPTIONS } from '../server/db/pool.ts';
import { resolveArea } from '../server/modules/admin-units/area.ts';
import { parsePeriod } from '../server/modules/reports/period.ts';
import { statsStatement, valuesOf } from '../server/modules/stats/stats.queries.ts';

const N = Number(process.env.N ?? 20000);
const { database } = await openFresh('postgres', { name: 'hoptac_bench_stats', reuse: true });
const { db } = database;
const app = await buildApp({ db, logLevel: 'silent', serveWeb: false });
const admin = await signedIn(app, db, 'admin');
const communes = (await db.execute<{ code: string }>(sql`select distinct commune_code as code from organizations where commune_code is not null order by 1 limit 64`)).rows.map((r) => r.code);
const client = new pg.Client({ connectionString: database.engine.url, options: SESSION_OPTIONS });
await client.connect();
const stmts = await Promise.all(communes.map(async (c) => {
  const area = await resolveArea(db, c, 'current');
  const scope = { area, period: '2024', end: parsePeriod('2024').end, kind: null };
  const s = statsStatement(area.map, area.level);
  return { name: s.name, text: s.text, values: paramsOf(s, valuesOf(scope)) };
}));
const mode = process.env.MODE ?? 'both';
async function loop(which: 'app' | 'floor', n: number) {
  const t = performance.now(); const c = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    if (which === 'app') await admin.get(`/api/v1/stats?area=${communes[i % 64]}&period=2024`);
    else await client.query(stmts[i % 64]!);
  }
  const u = process.cpuUsage(c);
  return { which, wallMs: (performance.now() - t) / n, userMs: u.user / 1000 / n, sysMs: u.system / 1000 / n };
}
await loop('app', 3000); await loop('floor', 3000);
for (let k = 0; k < 3; k++) {
  if (mode !== 'floor') console.log(await loop('app', N));
  if (mode !== 'app') console.log(await loop('floor', N));
}
await client.end(); await app.close(); await database.close();
