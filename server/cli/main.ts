import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig } from '../config.ts';
import { EngineError, keepYoungGenerationSmall } from '../db/engine.ts';
import { AppError } from '../http/errors.ts';
import { openDatabase, type Database } from './database.ts';

/** Runs a command against the database and turns user errors into exit code 1 (contracts §2). */
async function withDatabase(run: (database: Database) => Promise<void>) {
  const config = loadConfig();
  keepYoungGenerationSmall();
  const database = await openDatabase(config);
  try {
    await run(database);
  } finally {
    await database.close({ afterOthers: true }); // a second command working through this one finishes first
  }
}

/** Options shared by the statistics commands (contracts §2). */
const areaOptions = (command: Command) =>
  command
    .requiredOption('--area <code>', 'VN, mã tỉnh (2 số), mã huyện cũ (3 số) hoặc mã xã (5 số)')
    .option('--period <period>', '2024, 2024-H1, 2024-H2 (mặc định: kỳ mới nhất có số liệu / default: latest)')
    .option('--kind <kind>', 'HTX | THT | LHHTX')
    .option('--map <map>', 'current | pre-2025');

/** Commander's own errors, said in Vietnamese first as every other error (contracts §2). */
const COMMANDER_ERRORS: [RegExp, string][] = [
  [/^error: unknown command '([^']*)'/, "không có lệnh '$1'"],
  [/^error: unknown option '([^']*)'/, "không có tuỳ chọn '$1'"],
  [/^error: required option '([^']*)' not specified/, "thiếu tuỳ chọn bắt buộc '$1'"],
  [/^error: missing required argument '([^']*)'/, "thiếu tham số '$1'"],
  [/^error: option '([^']*)' argument missing/, "tuỳ chọn '$1' cần một giá trị"],
  [/^error: too many arguments/, 'thừa tham số'],
];

function inVietnamese(message: string): string {
  for (const [pattern, vi] of COMMANDER_ERRORS) {
    const m = pattern.exec(message);
    if (m) return `Lỗi: ${vi.replace('$1', m[1] ?? '')}\n${message}`;
  }
  return message;
}

const program = new Command('hoptac')
  .description('hoptac — hệ thống thông tin hợp tác xã / information system for cooperatives')
  .configureOutput({ outputError: (message, write) => write(inVietnamese(message)) })
  .showHelpAfterError();

program
  .command('serve')
  .description('chạy ứng dụng web và API / run the web application and the API')
  .option('--demo', 'nạp dữ liệu mẫu khi cơ sở dữ liệu còn trống / load demo data on a new database')
  .action(async (opts: { demo?: boolean }) => {
    const { serve } = await import('./serve.ts');
    await serve(loadConfig(), { demo: opts.demo ?? false });
  });

program
  .command('migrate')
  .description('áp dụng các migration còn thiếu / apply pending migrations')
  .action(() => withDatabase(async () => console.log('Đã cập nhật cơ sở dữ liệu / Database is up to date')));

program
  .command('seed')
  .argument('<set>', 'demo')
  .description('nạp bộ dữ liệu mẫu (chạy lại không nhân đôi) / load the demo data set (idempotent)')
  .action((set: string) =>
    withDatabase(async ({ db }) => {
      if (set !== 'demo')
        throw new AppError('validation_failed', {
          vi: `Không có bộ dữ liệu "${set}"`,
          en: `Unknown data set "${set}"`,
        });
      const { seedDemo } = await import('../modules/demo/seed-demo.ts');
      const result = await seedDemo(db);
      console.log(
        result.organizations
          ? `Dữ liệu mẫu / Demo data: ${result.organizations} tổ chức / organizations`
          : 'Dữ liệu mẫu đã có sẵn / Demo data already loaded',
      );
    }),
  );

const adminUnits = program.command('admin-units').description('đơn vị hành chính / administrative units');
adminUnits
  .command('import')
  .argument('<files...>', 'JSON (danh sách hoặc bảng chuyển đổi) hoặc CSV code,name,level,parent_code')
  .description('nạp hoặc cập nhật danh sách đơn vị hành chính / load or update administrative units')
  .action((files: string[]) =>
    withDatabase(async ({ db }) => {
      const { importAdminUnitFiles } = await import('../modules/admin-units/import-files.ts');
      for (const line of await importAdminUnitFiles(db, files)) console.log(line);
    }),
  );

program
  .command('import')
  .description('nhập dữ liệu / import data')
  .command('organizations')
  .argument('<file>', '.xlsx hoặc .csv (contracts §3)')
  .option('--period <period>', 'kỳ của số liệu / period of the figures')
  .option('--map <map>', 'bản đồ của mã địa bàn / map of the area codes: current | pre-2025', 'current')
  .option('--dry-run', 'chỉ kiểm tra, không ghi / check only, write nothing')
  .description('nhập HTX, THT, LHHTX và số liệu; sai một dòng thì không ghi gì / import organisations, all-or-nothing')
  .action((file: string, opts: { period?: string; map: string; dryRun?: boolean }) =>
    withDatabase(async ({ db }) => {
      const { importCommand } = await import('../modules/imports/import-command.ts');
      console.log(await importCommand(db, { file, ...opts }));
    }),
  );

areaOptions(program.command('stats'))
  .option('--json', 'in JSON (contracts §4) / print JSON')
  .description('số liệu thống kê của một địa bàn / statistics of an area')
  .action((opts: { area: string; period?: string; kind?: string; map?: string; json?: boolean }) =>
    withDatabase(async ({ db }) => {
      const { statsCommand } = await import('../modules/stats/stats-command.ts');
      console.log(await statsCommand(db, opts));
    }),
  );

areaOptions(program.command('report').description('báo cáo / reports').command('narrative'))
  .description('đoạn tóm tắt bằng tiếng Việt (contracts §5) / the Vietnamese summary paragraph')
  .action((opts: { area: string; period?: string; kind?: string; map?: string }) =>
    withDatabase(async ({ db }) => {
      const { narrativeCommand } = await import('../modules/stats/stats-command.ts');
      console.log(await narrativeCommand(db, opts));
    }),
  );

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  if (err instanceof AppError) {
    console.error(`Lỗi: ${err.detailVi ?? err.message}\nError: ${err.detailEn ?? err.message}`);
    process.exit(1);
  }
  if (err instanceof ConfigError || err instanceof EngineError) {
    console.error(err.message);
    process.exit(1);
  }
  const known = systemFailure(err);
  if (known) {
    console.error(`Lỗi: ${known.vi}\nError: ${known.en}`);
    process.exit(1);
  }
  throw err;
}

/**
 * What the machine refused, said in both languages rather than as a stack: the database server
 * out of reach, the port taken. `err` or one of its causes (drizzle wraps pg's) carries the code.
 */
function systemFailure(err: unknown): { vi: string; en: string } | null {
  for (let e = err as { code?: string; message?: string; cause?: unknown; port?: number } | undefined; e;) {
    const code = e.code ?? '';
    if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', '28P01', '28000', '3D000'].includes(code)) {
      return {
        vi: `không kết nối được máy chủ PostgreSQL của DATABASE_URL (${e.message})`,
        en: `cannot connect to the PostgreSQL server of DATABASE_URL (${e.message})`,
      };
    }
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      return {
        vi: `không mở được cổng ${e.port ?? ''} (PORT): cổng đang được dùng hoặc không được phép`,
        en: `cannot listen on port ${e.port ?? ''} (PORT): it is in use or not allowed`,
      };
    }
    e = e.cause as typeof e;
  }
  return null;
}
