// Field reviews (rà soát): where and when a delegation went, and what it found per organisation.
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { Difficulty } from '../../../shared/contracts/reports.ts';
import { organizations } from '../../db/schema.ts';

export const fieldReviews = pgTable(
  'field_reviews',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    version: integer().notNull().default(1),
    kind: text().notNull(),
    title: text().notNull(),
    heldOn: date({ mode: 'string' }).notNull(),
    /** where it took place on the current map: a province, or a commune of it */
    provinceCode: text().notNull(),
    communeCode: text(),
    delegation: text().notNull(),
    notes: text(),
    createdBy: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.provinceCode, t.heldOn),
    index().on(t.communeCode, t.heldOn),
    check('field_reviews_kind_check', sql`kind in ('visit', 'survey')`),
  ],
);

export const fieldReviewFindings = pgTable(
  'field_review_findings',
  {
    reviewId: integer()
      .notNull()
      .references(() => fieldReviews.id, { onDelete: 'cascade' }),
    organizationId: integer()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    findings: text(),
    difficulties: text()
      .array()
      .$type<Difficulty[]>()
      .notNull()
      .default(sql`'{}'`),
    proposals: text(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.organizationId] }), index().on(t.organizationId)],
);
