// Periodic reports at national scale (the national database of bench/lib/national-db.ts):
//  - the deadline peak: N cooperatives (500), each signed in with its own account, save a new
//    report for the period and submit it, over real HTTP (the app listening on a local port,
//    as `hoptac serve` does, with its default pool), first all at once (a burst), then arriving
//    evenly over --ramp seconds, from a worker thread (bench/lib/peak-client.ts). Every request is timed; afterwards the database must hold
//    exactly N submitted reports of those organisations for the period — none lost, none
//    duplicated — with two audit events each, and completeness must count them.
//  - completeness (GET /completeness) for the country, a province and a commune.
//
//   node bench/reports.ts [--engine pglite|postgres|both] [--rows full|small] [--submitters 500] [--ramp 10]
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Database } from '../server/cli/database.ts';
import { buildApp } from '../server/http/app.ts';
import { createRandom } from '../server/modules/demo/random.ts';
import { hashPassword } from '../server/modules/users/admin-account.ts';
import { insertUser } from '../server/modules/users/users.queries.ts';
import { cpuNow, cpuSince } from './lib/cpu.ts';
import { measure, percentile, table, type Measured } from './lib/measure.ts';
import { loadNational, openFresh, resultHeading, SEED, sizes, type Engine } from './lib/national-db.ts';
import { benchArgs } from './lib/args.ts';
import { writeBlock } from './lib/results-file.ts';
import { BENCH_PASSWORD, httpSignIn, signedIn, type BenchUser } from './lib/session.ts';
import type { PeakRun, PeakTimes } from './lib/peak-client.ts';

const { args, engines, scale } = benchArgs(
  'node bench/reports.ts [--engine pglite|postgres|both] [--rows full|small] [--submitters 500] [--ramp 10]',
  { submitters: { type: 'string', default: '500' }, ramp: { type: 'string', default: '10' } },
);
const RESULTS = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
const command = `node bench/reports.ts ${process.argv.slice(2).join(' ')}`.trim();
const N = Number(args.submitters);
const YEAR = new Date().getFullYear();
const cores = availableParallelism();
const DATABASE = 'hoptac_bench_reports';

/** Plausible figures, with the explanation any warning (a change from last year) asks for. */
const FIGURES = {
  members: 24,
  workers: 11,
  charterCapitalVnd: 1_200_000_000,
  revenueVnd: 3_400_000_000,
  profitVnd: 160_000_000,
  incomePerWorkerMonthVnd: 6_200_000,
  difficulties: ['capital'],
  comment: 'Số liệu theo sổ sách kế toán năm',
};

type Submitter = PeakRun['submitters'][number];

/** N organisations spread over the country, each with a cooperative account signed in over HTTP. */
async function submitters(base: string, database: Database): Promise<Submitter[]> {
  const { rows } = await database.db.execute<{ id: number }>(sql`
    select id from organizations where kind = 'HTX' and status = 'active' order by md5(id::text) limit ${N}`);
  const hash = await hashPassword(BENCH_PASSWORD);
  const out: Submitter[] = [];
  for (let i = 0; i < rows.length; i += 4) {
    const batch = await Promise.all(
      rows.slice(i, i + 4).map(async ({ id }) => {
        const email = `htx-${id}@bench.hoptac`;
        await insertUser(database.db, {
          email,
          name: `HTX ${id}`,
          role: 'cooperative',
          areaCode: null,
          organizationId: id,
          passwordHash: hash,
        });
        return { organizationId: id, ...(await httpSignIn(base, email)) };
      }),
    );
    out.push(...batch);
  }
  return out;
}

interface Peak {
  name: string;
  times: number[];
  errors: string[];
  wallMs: number;
  /** CPU seconds used during the run: by the app's process (less the load generator's thread) and its PostgreSQL sessions, and by the load generator */
  cpu: { app: number; postgres: number; client: number };
  check: { reports: number; submitted: number; duplicates: number; audit: number; completeness: number };
}

/** Each submitter saves then submits; `rampMs` spreads their starts evenly (0: all at once). */
async function deadlinePeak(
  base: string,
  admin: BenchUser,
  database: Database,
  who: Submitter[],
  period: string,
  rampMs: number,
  name: string,
): Promise<Peak> {
  const run: PeakRun = { base, period, rampMs, figures: FIGURES, submitters: who };
  const cpu0 = cpuNow(DATABASE);
  const worker = new Worker(new URL('./lib/peak-client.ts', import.meta.url), { workerData: run });
  const { times, errors, wallMs, cpuSeconds } = await new Promise<PeakTimes>((done, fail) => {
    worker.once('message', done);
    worker.once('error', fail);
  });
  const used = cpuSince(DATABASE, cpu0);
  await worker.terminate();
  times.sort((a, b) => a - b);

  const ids = who.map((s) => s.organizationId);
  const { rows } = await database.db.execute<Omit<Peak['check'], 'completeness'>>(sql`
    select count(*)::int as reports,
      count(*) filter (where status = 'submitted')::int as submitted,
      (select count(*)::int from (select organization_id from organization_reports
         where period = ${period} group by 1 having count(*) > 1) d) as duplicates,
      (select count(*)::int from audit_events where action in ('report.create', 'report.submit')
         and organization_id = any(${sql.param(ids)}::int[]) and changes ? ${`status@${period}`}) as audit
    from organization_reports where period = ${period} and organization_id = any(${sql.param(ids)}::int[])`);
  const completeness = (await admin.get(`/api/v1/completeness?area=VN&period=${period}`)).json<{
    submitted: number;
  }>().submitted;
  const cpu = { app: used.node - cpuSeconds, postgres: used.postgres, client: cpuSeconds };
  return { name, times, errors, wallMs, cpu, check: { ...rows[0]!, completeness } };
}

const ms = (v: number) => (v < 10 ? v.toFixed(1) : v.toFixed(0));

function peakTable(peaks: Peak[]): string {
  const lines = [
    '| arrival | requests | errors | wall s | p50 ms | p95 ms | p99 ms | max ms | p99 target | reports written / submitted / duplicated | audit events | completeness counts | |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- |',
  ];
  for (const p of peaks) {
    const c = p.check;
    const whole = c.reports === N && c.submitted === N && c.duplicates === 0 && c.audit === 2 * N;
    const p99 = percentile(p.times, 99);
    const ok = p.errors.length === 0 && whole && c.completeness === N && p99 <= 500;
    lines.push(
      `| ${p.name} | ${p.times.length} | ${p.errors.length} | ${(p.wallMs / 1000).toFixed(1)} | ${ms(percentile(p.times, 50))} | ${ms(percentile(p.times, 95))} | ${ms(p99)} | ${ms(p.times.at(-1)!)} | 500 | ${c.reports} / ${c.submitted} / ${c.duplicates} | ${c.audit} | ${c.completeness} | ${ok ? 'ok' : '**missed**'} |`,
    );
  }
  return lines.join('\n');
}

/** What the server's CPU makes of the time target: N saves and submits need their CPU, shared by the cores. */
function cpuLines(peaks: Peak[], engine: Engine): string {
  return peaks
    .map((p) => {
      const server = p.cpu.app + p.cpu.postgres;
      const database =
        engine === 'pglite'
          ? `the app's process (PGlite runs in it) ${p.cpu.app.toFixed(1)} s`
          : `the app's process ${p.cpu.app.toFixed(1)} s, its PostgreSQL sessions ${p.cpu.postgres.toFixed(1)} s`;
      return (
        `- CPU during "${p.name}": ${database}, ` +
        `the load generator ${p.cpu.client.toFixed(1)} s; the server (app and PostgreSQL) ${((1000 * server) / N).toFixed(1)} ms per ` +
        `save and submit, so ${N} of them need at least ${(server / cores).toFixed(1)} s on ${cores} cores however they are scheduled`
      );
    })
    .join('\n');
}

async function completeness(admin: BenchUser, database: Database): Promise<Measured[]> {
  const { db } = database;
  const { rows } = await db.execute<{ province: string; commune: string }>(sql`
    with p as (select province_code from organizations group by 1 order by count(*) desc limit 1)
    select (select province_code from p) as province,
      (select commune_code from organizations where province_code = (select province_code from p)
        and commune_code is not null group by 1 order by count(*) desc limit 1) as commune`);
  const { province, commune } = rows[0]!;
  const opts = { requests: Number(args.requests), warmup: 20, budgetMs: Number(args.budget) * 1000 };
  const periods = ['2023', '2024', '2025-H1', '2025', String(YEAR)];
  const out: Measured[] = [];
  for (const [name, area] of [
    ['the country', 'VN'],
    [`a province (${province}, the largest)`, province],
    [`a commune (${commune}, its busiest)`, commune],
  ] as const) {
    const r = createRandom(`${SEED}:completeness:${area}`);
    out.push(
      await measure(`/completeness, ${name}`, opts, async () => {
        await admin.get(`/api/v1/completeness?area=${area}&period=${r.pick(periods)}`);
        return null;
      }),
    );
    console.log(`  ${out.at(-1)!.name}: p95 ${out.at(-1)!.p95.toFixed(1)} ms`);
  }
  return out;
}

for (const engine of engines) {
  console.log(`\n## ${engine}: loading …`);
  const load1 = loadavg()[0]!.toFixed(2);
  const { database, drop } = await openFresh(engine, { name: DATABASE });
  try {
    await loadNational(database, { scale });
    const s = await sizes(database.db);
    const app = await buildApp({ db: database.db, logLevel: 'silent', serveWeb: false });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    console.log(`  listening on ${address}; signing in ${N} cooperatives …`);
    const who = await submitters(address, database);
    const admin = await signedIn(app, database.db, 'admin', null);
    const peaks = [
      await deadlinePeak(address, admin, database, who, String(YEAR), 0, `all ${N} at once`),
      await deadlinePeak(
        address,
        admin,
        database,
        who,
        `${YEAR}-H1`,
        Number(args.ramp) * 1000,
        `${N} arriving over ${args.ramp} s`,
      ),
    ];
    for (const p of peaks) console.log(`  ${p.name}: ${p.errors.length} errors ${p.errors.slice(0, 3).join(' | ')}`);
    const measured = await completeness(admin, database);
    await app.close();
    const body = [
      ...(await resultHeading(engine, database, load1)),
      `- command: \`${command}\``,
      `- data: ${s.orgs.toLocaleString('en')} organisations, ${s.reports.toLocaleString('en')} reports before the peak`,
      `- deadline peak: ${N} cooperatives, each its own account and session, over HTTP (keep-alive) to the app listening on 127.0.0.1 with its default pool (10 connections); each saves a new report (PUT) and submits it (POST); a request is one save or one submit`,
      '',
      peakTable(peaks),
      '',
      cpuLines(peaks, engine),
      '',
      table(measured, (name) => (name.includes('country') ? 100 : undefined)),
    ].join('\n');
    console.log('\n' + body);
    if (!args['no-write']) writeBlock(RESULTS, `reports:${engine}${args.rows === 'small' ? ':small' : ''}`, body);
  } finally {
    await database.close();
    await drop();
  }
}
