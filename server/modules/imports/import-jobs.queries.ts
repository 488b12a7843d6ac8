// The SQL of import jobs (import_jobs): the uploaded file, its options, its last run.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { ImportJob, ImportResult } from '../../../shared/contracts/imports.ts';
import type { Db } from '../../db/pool.ts';
import { importJobs, type ImportJobStatus } from './imports.schema.ts';

export type JobOptions = ImportJob['options'];
export type JobOutcome = { result?: ImportResult; error?: { message: string; messageEn: string } };

const iso = (column: typeof importJobs.createdAt | typeof importJobs.finishedAt) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Everything but the file's bytes. */
const jobColumns = {
  id: importJobs.id,
  status: importJobs.status,
  fileName: importJobs.fileName,
  createdBy: importJobs.createdBy,
  options: importJobs.options,
  processedRows: importJobs.processedRows,
  result: importJobs.result,
  appliedAt: importJobs.appliedAt,
  createdAt: iso(importJobs.createdAt),
  finishedAt: iso(importJobs.finishedAt),
};
export type JobRow = {
  id: string;
  status: ImportJobStatus;
  fileName: string;
  createdBy: number | null;
  options: JobOptions;
  processedRows: number;
  result: JobOutcome | null;
  appliedAt: Date | null;
  createdAt: string;
  finishedAt: string | null;
};

export async function insertJob(
  db: Db,
  job: { fileName: string; fileData: Buffer; options: JobOptions; createdBy: number | null },
): Promise<JobRow> {
  const [row] = await db
    .insert(importJobs)
    .values({
      kind: 'organizations',
      fileName: job.fileName,
      createdBy: job.createdBy,
      fileData: job.fileData,
      options: job.options,
      // an upload that is not a dry run is its own apply
      appliedAt: job.options.dryRun ? null : sql`now()`,
    })
    .returning(jobColumns);
  return row as JobRow;
}

export async function findJob(db: Db, id: string): Promise<JobRow | undefined> {
  const [row] = await db.select(jobColumns).from(importJobs).where(eq(importJobs.id, id));
  return row as JobRow | undefined;
}

export async function jobFile(
  db: Db,
  id: string,
): Promise<{ fileName: string; fileData: Buffer; options: JobOptions }> {
  const [row] = await db
    .select({ fileName: importJobs.fileName, fileData: importJobs.fileData, options: importJobs.options })
    .from(importJobs)
    .where(eq(importJobs.id, id));
  if (!row) throw new Error(`import job ${id} vanished`);
  return row as { fileName: string; fileData: Buffer; options: JobOptions };
}

export async function markRunning(db: Db, id: string): Promise<void> {
  await db.update(importJobs).set({ status: 'running' }).where(eq(importJobs.id, id));
}

export async function finishJob(
  db: Db,
  id: string,
  run: { status: ImportJobStatus; processedRows: number; outcome: JobOutcome },
): Promise<void> {
  await db
    .update(importJobs)
    .set({ status: run.status, processedRows: run.processedRows, result: run.outcome, finishedAt: sql`now()` })
    .where(eq(importJobs.id, id));
}

/** Turns a clean, not yet applied preview into a queued real run; undefined when it is not one. */
export async function claimApply(db: Db, id: string): Promise<JobRow | undefined> {
  const [row] = await db
    .update(importJobs)
    .set({
      status: 'queued',
      options: sql`jsonb_set(${importJobs.options}, '{dryRun}', 'false')`,
      appliedAt: sql`now()`,
      processedRows: 0,
      result: null,
      finishedAt: null,
    })
    .where(
      and(
        eq(importJobs.id, id),
        eq(importJobs.status, 'succeeded'),
        isNull(importJobs.appliedAt),
        sql`(${importJobs.options}->>'dryRun')::boolean`,
      ),
    )
    .returning(jobColumns);
  return row as JobRow | undefined;
}

/** Jobs a stopped process left queued or running: failed, so nobody waits for them. */
export async function failInterruptedJobs(db: Db): Promise<number> {
  const rows = await db
    .update(importJobs)
    .set({
      status: 'failed',
      finishedAt: sql`now()`,
      result: {
        error: {
          message: 'Việc nhập bị dừng do máy chủ khởi động lại; hãy tải tệp lên lại',
          messageEn: 'The import stopped when the server restarted; upload the file again',
        },
      },
    })
    .where(sql`${importJobs.status} in ('queued', 'running')`)
    .returning({ id: importJobs.id });
  return rows.length;
}
