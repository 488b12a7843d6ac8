// The Excel round trip of reports (sổ báo cáo) for the largest province of the national
// database (bench/lib/national-db.ts), by its provincial staff, over real HTTP (the app
// listening on a local port, as `hoptac serve` does):
//  1. download the province's workbook for the open period, pre-filled with each
//     organisation's latest figures;
//  2. change one figure on every row (as an officer filling in the year's members would) and
//     upload it for the preview, then rows whose other figures break a rule are put back as
//     they were (the officer leaves them out), and the preview is taken again;
//  3. apply: every row becomes a new report of the period, in one transaction;
//  4. download again, change every row again, apply: every report is updated.
// Afterwards the database must hold exactly the applied reports, with one audit event each.
//
//   node bench/workbook.ts [--engine pglite|postgres|both] [--rows full|small]
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Database } from '../server/cli/database.ts';
import { buildApp } from '../server/http/app.ts';
import ExcelJS from '../server/lib/exceljs.ts';
import { hashPassword } from '../server/modules/users/admin-account.ts';
import { insertUser } from '../server/modules/users/users.queries.ts';
import type { WorkbookPreview } from '../shared/contracts/reports.ts';
import { benchArgs } from './lib/args.ts';
import { loadNational, openFresh, resultHeading, sizes } from './lib/national-db.ts';
import { writeBlock } from './lib/results-file.ts';
import { BENCH_PASSWORD, httpSignIn } from './lib/session.ts';

const { args, engines, scale } = benchArgs(
  'node bench/workbook.ts [--engine pglite|postgres|both] [--rows full|small]',
  {},
);
const RESULTS = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
const command = `node bench/workbook.ts ${process.argv.slice(2).join(' ')}`.trim();
const PERIOD = String(new Date().getFullYear());
const MEMBERS = 'Số thành viên';

interface Step {
  name: string;
  ms: number;
  detail: string;
}

type Session = Awaited<ReturnType<typeof httpSignIn>>;

async function download(base: string, who: Session, area: string): Promise<Buffer> {
  const res = await fetch(`${base}/api/v1/reports/workbook.xlsx?area=${area}&period=${PERIOD}`, {
    headers: { cookie: who.cookie },
  });
  if (res.status !== 200) throw new Error(`download: ${res.status} ${await res.text()}`);
  return Buffer.from(await res.arrayBuffer());
}

async function upload(base: string, who: Session, data: Buffer, apply: boolean): Promise<WorkbookPreview> {
  const form = new FormData();
  form.set('period', PERIOD);
  form.set('apply', String(apply));
  form.set('file', new Blob([new Uint8Array(data)]), 'so-bao-cao.xlsx');
  const res = await fetch(`${base}/api/v1/reports/workbook`, {
    method: 'POST',
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf },
    body: form,
  });
  if (res.status !== 200) throw new Error(`upload: ${res.status} ${(await res.text()).slice(0, 500)}`);
  return (await res.json()) as WorkbookPreview;
}

/** The workbook with the members of every row changed, except on the lines of `leave`. */
async function edited(data: Buffer, leave: Set<number> = new Set()): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const column = (sheet.getRow(1).values as unknown[]).indexOf(MEMBERS);
  sheet.eachRow((row, n) => {
    if (n === 1 || leave.has(n)) return;
    const cell = row.getCell(column);
    cell.value = (typeof cell.value === 'number' ? cell.value : 10) + 1;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function timed<T>(steps: Step[], name: string, run: () => Promise<T>, detail: (t: T) => string): Promise<T> {
  const start = performance.now();
  const out = await run();
  steps.push({ name, ms: performance.now() - start, detail: detail(out) });
  console.log(`  ${name}: ${(steps.at(-1)!.ms / 1000).toFixed(1)} s, ${steps.at(-1)!.detail}`);
  return out;
}

const counted = (p: WorkbookPreview) =>
  `${p.counts.rows} rows: ${p.counts.new} new, ${p.counts.changed} changed, ${p.counts.unchanged} unchanged, ${p.counts.errors} with errors`;
const mb = (b: Buffer) => `${(b.length / 2 ** 20).toFixed(1)} MB`;

async function roundTrip(base: string, database: Database, area: string): Promise<{ steps: Step[]; check: string }> {
  const email = `province_staff.${area}@bench.hoptac`;
  await insertUser(database.db, {
    email,
    name: 'province_staff',
    role: 'province_staff',
    areaCode: area,
    organizationId: null,
    passwordHash: await hashPassword(BENCH_PASSWORD),
  });
  const who = await httpSignIn(base, email);
  const steps: Step[] = [];

  const first = await timed(steps, '1. download, pre-filled', () => download(base, who, area), mb);
  let sheet = await edited(first);
  const seen = await timed(steps, '2. preview', () => upload(base, who, sheet, false), counted);
  const broken = new Set(seen.rows.filter((r) => r.outcome === 'error').map((r) => r.line));
  if (broken.size) sheet = await edited(first, broken);
  const clean = await timed(
    steps,
    '2. preview, rows with errors left out',
    () => upload(base, who, sheet, false),
    counted,
  );
  if (clean.counts.errors > 0) throw new Error(`still ${clean.counts.errors} rows with errors`);
  const created = await timed(steps, '3. apply: new reports', () => upload(base, who, sheet, true), counted);

  const second = await timed(steps, '4. download again', () => download(base, who, area), mb);
  const again = await edited(second, broken);
  const updated = await timed(steps, '4. apply: every report changed', () => upload(base, who, again, true), counted);

  const { rows } = await database.db.execute<{ reports: number; versions: number; audit: number }>(sql`
    select count(*)::int as reports, count(*) filter (where r.version = 2)::int as versions,
      (select count(*)::int from audit_events where action in ('report.create', 'report.update')
        and note like 'so-bao-cao.xlsx:%') as audit
    from organization_reports r join organizations o on o.id = r.organization_id
    where r.period = ${PERIOD} and o.province_code = ${area}`);
  const c = rows[0]!;
  const expected = created.counts.new;
  const whole =
    created.applied &&
    updated.applied &&
    c.reports === expected &&
    c.versions === updated.counts.changed &&
    c.audit === 2 * expected;
  return {
    steps,
    check:
      `${c.reports.toLocaleString('en')} reports written for ${PERIOD}, ${c.versions.toLocaleString('en')} of them updated by the second upload, ` +
      `${c.audit.toLocaleString('en')} audit events; ${broken.size} rows left out for errors in the pre-filled figures — ${whole ? 'all as expected' : '**not as expected**'}`,
  };
}

for (const engine of engines) {
  console.log(`\n## ${engine}: loading …`);
  const load1 = loadavg()[0]!.toFixed(2);
  const { database, drop } = await openFresh(engine, { name: 'hoptac_bench_workbook' });
  try {
    await loadNational(database, { scale });
    const s = await sizes(database.db);
    const { rows } = await database.db.execute<{ code: string; name: string; orgs: number }>(sql`
      select o.province_code as code, u.full_name as name, count(*)::int as orgs
      from organizations o join admin_units u on u.map = 'current' and u.code = o.province_code
      group by 1, 2 order by 3 desc limit 1`);
    const province = rows[0]!;
    const app = await buildApp({ db: database.db, logLevel: 'silent', serveWeb: false });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const { steps, check } = await roundTrip(base, database, province.code);
    await app.close();
    const body = [
      ...(await resultHeading(engine, database, load1)),
      `- command: \`${command}\``,
      `- data: ${s.orgs.toLocaleString('en')} organisations; the largest province, ${province.name} (${province.code}), ` +
        `${province.orgs.toLocaleString('en')} of them; period ${PERIOD}; over HTTP to the app on 127.0.0.1, as its provincial staff`,
      `- result: ${check}`,
      '',
      '| step | seconds | |',
      '| --- | ---: | --- |',
      ...steps.map((st) => `| ${st.name} | ${(st.ms / 1000).toFixed(1)} | ${st.detail} |`),
    ].join('\n');
    console.log('\n' + body);
    if (!args['no-write']) writeBlock(RESULTS, `workbook:${engine}${args.rows === 'small' ? ':small' : ''}`, body);
  } finally {
    await database.close();
    await drop();
  }
}
