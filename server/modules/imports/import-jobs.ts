// Imports from the web app run as background jobs: the upload is stored (import_jobs), runs
// after the answer, one at a time per process, and the web app polls its progress. A preview
// (dry run) that found no error can then be applied: the same stored bytes run again for good.
//
// While a job runs, its state is answered from memory: on the embedded database every other
// connection waits for the import's transaction, so reading the job row would wait too.
import { Readable } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import type { ImportJob } from '../../../shared/contracts/imports.ts';
import type { Db } from '../../db/pool.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { importOrganizations } from './import-organizations.ts';
import {
  claimApply,
  findJob,
  finishJob,
  insertJob,
  jobFile,
  markRunning,
  type JobOptions,
  type JobRow,
} from './import-jobs.queries.ts';
import { formatOf } from './read-rows.ts';
import type { Caller } from '../auth/caller.ts';

/** Jobs of this process that have not finished, as the web app should see them, with their owner. */
const live = new Map<string, ImportJob & { createdBy: number | null }>();
let queue: Promise<void> = Promise.resolve();

const missing = (id: string) => notFound(`Không có lần nhập ${id}`, `No import ${id}`);

export async function startImportJob(
  db: Db,
  log: FastifyBaseLogger,
  caller: Caller,
  upload: { fileName: string; fileData: Buffer; options: JobOptions },
): Promise<ImportJob> {
  formatOf(upload.fileName, upload.fileData); // refuses .xls before anything is stored
  const row = await insertJob(db, { ...upload, createdBy: caller.user?.id ?? null });
  return enqueue(db, log, caller, row);
}

/** A job is its uploader's: for anyone else it does not exist. */
export async function getImportJob(db: Db, caller: Caller, id: string): Promise<ImportJob> {
  const running = live.get(id);
  const job = running ?? (await findJob(db, id));
  if (!job || job.createdBy !== (caller.user?.id ?? null)) throw missing(id);
  return running ? withoutOwner(running) : shape(job as JobRow);
}

export async function applyImportJob(db: Db, log: FastifyBaseLogger, caller: Caller, id: string): Promise<ImportJob> {
  const job = await getImportJob(db, caller, id);
  const claimed = live.has(id) ? undefined : await claimApply(db, id);
  if (claimed) return enqueue(db, log, caller, claimed);
  const why =
    job.status === 'queued' || job.status === 'running'
      ? { vi: 'lần nhập này chưa chạy xong', en: 'this import has not finished yet' }
      : !job.options.dryRun
        ? { vi: 'tệp này đã được áp dụng', en: 'this file was already applied' }
        : {
            vi: 'bản xem trước có lỗi: sửa tệp rồi tải lên lại',
            en: 'the preview found errors: fix the file and upload it again',
          };
  throw new AppError('conflict', { vi: `Không áp dụng được: ${why.vi}`, en: `Cannot apply: ${why.en}` });
}

/** Resolves when every queued job has run (the server waits for it before closing). */
export const importJobsIdle = (): Promise<void> => queue;

function enqueue(db: Db, log: FastifyBaseLogger, caller: Caller, row: JobRow): ImportJob {
  const job = { ...shape(row), createdBy: row.createdBy };
  live.set(job.id, job);
  queue = queue.then(() => run(db, log, caller, job));
  return withoutOwner(job);
}

const withoutOwner = ({ createdBy: _c, ...job }: ImportJob & { createdBy: number | null }): ImportJob => ({ ...job });

async function run(db: Db, log: FastifyBaseLogger, caller: Caller, job: ImportJob): Promise<void> {
  let status: 'succeeded' | 'failed' = 'failed';
  let outcome: NonNullable<JobRow['result']>;
  try {
    const file = await jobFile(db, job.id);
    job.status = 'running';
    await markRunning(db, job.id);
    const result = await importOrganizations(db, {
      caller,
      fileName: file.fileName,
      format: formatOf(file.fileName, file.fileData),
      source: Readable.from(chunks(file.fileData)),
      period: file.options.period,
      map: file.options.map,
      dryRun: file.options.dryRun,
      onProgress: (rows) => (job.processedRows = rows),
    });
    status = result.errorCount > 0 ? 'failed' : 'succeeded';
    outcome = { result };
    job.processedRows = result.rows;
  } catch (err) {
    if (!(err instanceof AppError)) log.error({ err, importJob: job.id }, 'import job crashed');
    outcome = {
      error:
        err instanceof AppError
          ? {
              message: err.detailVi ?? err.message,
              messageEn: err.detailEn ?? err.message,
              ...(err.errors?.length === 1 && { field: err.errors[0]!.field }),
            }
          : { message: 'Lỗi hệ thống khi nhập tệp', messageEn: 'Internal error while importing the file' },
    };
  }
  try {
    await finishJob(db, job.id, { status, processedRows: job.processedRows, outcome });
  } catch (err) {
    log.error({ err, importJob: job.id }, 'cannot record the end of an import job');
  } finally {
    live.delete(job.id);
  }
}

/** The stored bytes in 256 KiB pieces, so the readers stream them like a file. */
function* chunks(data: Buffer, size = 256 * 1024): Generator<Buffer> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

function shape(row: JobRow): ImportJob {
  const dryRun = row.options.dryRun;
  return {
    id: row.id,
    kind: 'organizations',
    status: row.status,
    fileName: row.fileName,
    options: { period: row.options.period ?? null, map: row.options.map, dryRun },
    processedRows: row.processedRows,
    ...(row.result?.result && { result: row.result.result }),
    ...(row.result?.error && { error: row.result.error }),
    canApply: row.status === 'succeeded' && dryRun && row.appliedAt === null,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
  };
}
