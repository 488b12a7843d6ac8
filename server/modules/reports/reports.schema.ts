// Reporting periods with their deadlines, and the validation rules of reports (as data).
import { boolean, date, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { ReportRule } from '../../../shared/contracts/reports.ts';

/** A period's window: reports open on `opensOn`, are due on `dueOn` (late after it). */
export const reportingPeriods = pgTable('reporting_periods', {
  period: text().primaryKey(),
  opensOn: date({ mode: 'string' }).notNull(),
  dueOn: date({ mode: 'string' }).notNull(),
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** The rules shared/rules/check-report.ts runs; seeded by migration 0009, kept as data. */
export const reportRules = pgTable('report_rules', {
  code: text().primaryKey(),
  position: integer().notNull(),
  level: text().$type<ReportRule['level']>().notNull(),
  kind: text().$type<ReportRule['kind']>().notNull(),
  params: jsonb().$type<Record<string, unknown>>().notNull(),
  message: text().notNull(),
  messageEn: text().notNull(),
  active: boolean().notNull().default(true),
});
