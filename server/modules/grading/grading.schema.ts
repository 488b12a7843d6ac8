// Grading schemes as data: a scheme's criteria with their points and the cut-offs of its
// grades (Circular 01/2020/TT-BKHĐT seeded by migration 0009; a new circular is a new row).
import { boolean, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import type { GradingScheme } from '../../../shared/contracts/grading.ts';

export const gradingSchemes = pgTable('grading_schemes', {
  code: text().primaryKey(),
  name: text().notNull(),
  nameEn: text().notNull(),
  criteria: jsonb().$type<GradingScheme['criteria']>().notNull(),
  cutoffs: jsonb().$type<GradingScheme['cutoffs']>().notNull(),
  /** organisations operating for less than this at the year's end are not graded */
  minMonths: integer().notNull(),
  note: text(),
  active: boolean().notNull().default(true),
});
