// Accounts at national scale (the national database of bench/lib/national-db.ts):
//  - sign-in: one at a time (latency) and four at once (throughput), argon2id included;
//  - the cost of scoping: the same lists and statistics asked by an administrator naming the
//    area, and by a user whose scope is that area (province staff, a commune officer), p95
//    scoped ÷ unscoped. Both are signed in: the session lookup is in both.
//
//   node bench/auth.ts [--engine pglite|postgres|both] [--rows full|small] [--requests 300] [--budget 60] [--no-write]
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Database } from '../server/cli/database.ts';
import { buildApp, type App } from '../server/http/app.ts';
import { createRandom, type Random } from '../server/modules/demo/random.ts';
import { hashPassword } from '../server/modules/users/admin-account.ts';
import { insertUser } from '../server/modules/users/users.queries.ts';
import { measure, table, type Measured } from './lib/measure.ts';
import { loadNational, openFresh, resultHeading, SEED, sizes } from './lib/national-db.ts';
import { benchArgs } from './lib/args.ts';
import { writeBlock } from './lib/results-file.ts';
import { BENCH_PASSWORD, signedIn } from './lib/session.ts';

const { args, engines, scale } = benchArgs(
  'node bench/auth.ts [--engine pglite|postgres|both] [--rows full|small] [--requests N]',
  {},
);
const RESULTS = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
const command = `node bench/auth.ts ${process.argv.slice(2).join(' ')}`.trim();

async function run(app: App, database: Database) {
  const { db } = database;
  const opts = { requests: Number(args.requests), warmup: 20, budgetMs: Number(args.budget) * 1000 };
  const out: Measured[] = [];
  const scenario = async (name: string, call: (r: Random) => Promise<unknown>) => {
    const r = createRandom(`${SEED}:auth:${name}`);
    out.push(
      await measure(name, opts, async () => {
        await call(r);
        return null;
      }),
    );
    console.log(`  ${name}: p50 ${out.at(-1)!.p50.toFixed(1)} ms, p95 ${out.at(-1)!.p95.toFixed(1)} ms`);
  };

  // the largest province and, in it, the commune with the most organisations
  const { rows } = await db.execute<{ province: string; commune: string }>(sql`
    with p as (select province_code from organizations group by 1 order by count(*) desc limit 1)
    select (select province_code from p) as province,
      (select commune_code from organizations where province_code = (select province_code from p)
        and commune_code is not null group by 1 order by count(*) desc limit 1) as commune`);
  const { province, commune } = rows[0]!;
  const admin = await signedIn(app, db, 'admin', null);
  const staff = await signedIn(app, db, 'province_staff', province);
  const officer = await signedIn(app, db, 'commune_officer', commune);
  const pages = 20;

  // sign-in: latency, then throughput with four at once
  await insertUser(db, {
    email: 'dang-nhap@bench.hoptac',
    name: 'bench',
    role: 'viewer',
    areaCode: null,
    organizationId: null,
    passwordHash: await hashPassword(BENCH_PASSWORD),
  });
  const login = () =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'dang-nhap@bench.hoptac', password: BENCH_PASSWORD },
    });
  out.push(
    await measure('a. sign-in (argon2id verify + session), one at a time', { ...opts, requests: 200 }, async () => {
      if ((await login()).statusCode !== 200) throw new Error('sign-in failed');
      return null;
    }),
  );
  const started = performance.now();
  let done = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (performance.now() - started < 10_000) {
        await login();
        done++;
      }
    }),
  );
  const throughput = done / ((performance.now() - started) / 1000);

  await scenario('b. list of a province — administrator, area=P', (r) =>
    admin.get(`/api/v1/organizations?area=${province}&page=${r.int(1, pages)}`),
  );
  await scenario('b′. the same — province staff of P (scope)', (r) =>
    staff.get(`/api/v1/organizations?page=${r.int(1, pages)}`),
  );
  await scenario('c. search in a province — administrator, area=P', (r) =>
    admin.get(`/api/v1/organizations?area=${province}&q=${r.pick(['hop tac', 'nong nghiep', 'dich vu', 'xa'])}`),
  );
  await scenario('c′. the same — province staff of P (scope)', (r) =>
    staff.get(`/api/v1/organizations?q=${r.pick(['hop tac', 'nong nghiep', 'dich vu', 'xa'])}`),
  );
  const period = (r: Random) => r.pick(['2024', '2025']);
  await scenario('d. statistics of P — administrator', (r) =>
    admin.get(`/api/v1/stats?area=${province}&period=${period(r)}`),
  );
  await scenario('d′. the same — province staff of P', (r) =>
    staff.get(`/api/v1/stats?area=${province}&period=${period(r)}`),
  );
  await scenario('e. statistics of a commune — administrator', (r) =>
    admin.get(`/api/v1/stats?area=${commune}&period=${period(r)}`),
  );
  await scenario('e′. the same — its commune officer (looks up the commune’s province)', (r) =>
    officer.get(`/api/v1/stats?area=${commune}&period=${period(r)}`),
  );
  return { out, throughput, province, commune };
}

for (const engine of engines) {
  console.log(`\n## ${engine}: loading …`);
  const load1 = loadavg()[0]!.toFixed(2);
  const { database, drop } = await openFresh(engine, { name: 'hoptac_bench_auth' });
  try {
    await loadNational(database, { scale });
    const s = await sizes(database.db);
    const app = await buildApp({ db: database.db, logLevel: 'silent', serveWeb: false });
    const { out, throughput, province, commune } = await run(app, database);
    await app.close();
    const p95 = (name: string) => out.find((m) => m.name.startsWith(name))!.p95;
    const ratios = ['b', 'c', 'd', 'e'].map((k) => `${k}′/${k} ${(p95(`${k}′.`) / p95(`${k}.`)).toFixed(2)}`);
    const body = [
      ...(await resultHeading(engine, database, load1)),
      `- command: \`${command}\` (requests through \`app.inject\`, one at a time, signed in)`,
      `- data: ${s.orgs.toLocaleString('en')} organisations; province P = ${province} (the largest), its busiest commune ${commune}`,
      `- sign-in throughput, four at once for 10 s: ${throughput.toFixed(0)} per second`,
      `- scoped ÷ unscoped p95 (target ≤ 1.20): ${ratios.join(', ')}`,
      '',
      table(out, () => undefined),
    ].join('\n');
    console.log('\n' + body);
    if (!args['no-write']) writeBlock(RESULTS, `auth:${engine}${args.rows === 'small' ? ':small' : ''}`, body);
  } finally {
    await database.close();
    await drop();
  }
}
