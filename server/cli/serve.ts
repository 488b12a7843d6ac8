import type { Config } from '../config.ts';
import { buildApp } from '../http/app.ts';
import { ensureFirstAdmin } from '../modules/users/admin-account.ts';
import { failInterruptedJobs } from '../modules/imports/import-jobs.queries.ts';
import { startStatsMaintenance } from '../modules/stats/maintenance.ts';
import { openDatabase } from './database.ts';

const STOP_GRACE_MS = 5_000;

/** `hoptac serve`: open the database, create the first administrator, optionally seed, listen. */
export async function serve(config: Config, opts: { demo: boolean }): Promise<void> {
  const database = await openDatabase(config);
  const { db, engine } = database;
  await failInterruptedJobs(db); // a job left 'running' by a previous process will never finish
  const admin = await ensureFirstAdmin(db, {
    email: config.HOPTAC_ADMIN_EMAIL,
    password: config.HOPTAC_ADMIN_PASSWORD,
  });
  if (opts.demo) {
    const { seedDemo } = await import('../modules/demo/seed-demo.ts');
    const seeded = await seedDemo(db, { onlyIfEmpty: true });
    if (seeded.organizations) console.log(`Đã nạp dữ liệu mẫu / Demo data loaded: ${seeded.organizations} tổ chức`);
  }
  const app = await buildApp({ db, logLevel: config.LOG_LEVEL });
  const stopMaintenance = startStatsMaintenance(db, { vacuum: engine.kind === 'pglite', log: app.log });
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  const url = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
  const where = engine.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite (${config.HOPTAC_DATA_DIR})`;
  console.log(`\nhoptac đang chạy tại / is running at ${url}  —  cơ sở dữ liệu / database: ${where}`);
  // a generated password is printed once (contracts §1); one given in the environment, never
  if (admin?.generated) {
    console.log(`Quản trị viên / Administrator: ${admin.email}  mật khẩu / password: ${admin.password}`);
    console.log('(mật khẩu ngẫu nhiên, chỉ in một lần / random password, printed only once)');
  } else if (admin) {
    console.log(
      `Quản trị viên / Administrator: ${admin.email}  mật khẩu: HOPTAC_ADMIN_PASSWORD / password: HOPTAC_ADMIN_PASSWORD`,
    );
  }
  const stop = async () => {
    await stopMaintenance();
    // Requests under way may finish, for a while: a client that neither ends its request nor
    // reads the answer would hold the stop until its timeout (a minute), past a supervisor's
    // patience (`docker stop` waits 10 s), which then kills the embedded database unclosed.
    const cutOff = setTimeout(() => app.server.closeAllConnections(), STOP_GRACE_MS);
    await app.close();
    clearTimeout(cutOff);
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
