// Background import jobs (POST /api/v1/imports/organizations). To be re-exported from
// server/db/schema.ts so that drizzle-kit generates the migration.
import { sql } from 'drizzle-orm';
import { IMPORT_JOB_STATUSES, type ImportJob, type ImportResult } from '../../../shared/contracts/imports.ts';
import { check, customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/users.schema.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

/** One uploaded file and its run(s): a preview (dry run) and, later, the apply. */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** what is imported: 'organizations' for now */
    kind: text().notNull(),
    status: text().$type<ImportJobStatus>().notNull().default('queued'),
    fileName: text().notNull(),
    /** who uploaded it: only they see and apply it */
    createdBy: integer().references(() => users.id),
    /** the uploaded bytes, kept so that "apply after preview" re-runs the very same file */
    fileData: bytea().notNull(),
    options: jsonb().$type<ImportJob['options']>().notNull(),
    processedRows: integer().notNull().default(0),
    /** the last run: its result, or why the file could not be read */
    result: jsonb().$type<{ result?: ImportResult; error?: { message: string; messageEn: string } }>(),
    /** set when this job's file was applied (committed) — a second apply is a 409 */
    appliedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.createdAt),
    check('import_jobs_status_check', sql.raw(`status in (${IMPORT_JOB_STATUSES.map((s) => `'${s}'`).join(', ')})`)),
  ],
);
