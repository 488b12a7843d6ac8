// Field reviews (rà soát): officers log a visit or survey of their area with what they found
// per organisation. A review is seen where its area is readable and written where it is
// writable; every organisation it names must be in its area and writable by the caller.
// One transaction per write, optimistic version, audited.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  DifficultyStats,
  difficultyStatsQuery,
  FieldReview,
  fieldReviewInputSchema,
  FieldReviewList,
  fieldReviewListQuery,
} from '../../../shared/contracts/field-reviews.ts';
import { DIFFICULTIES } from '../../../shared/contracts/reports.ts';
import type { Db } from '../../db/pool.ts';
import { AppError, invalidField, notFound } from '../../http/errors.ts';
import { resolveArea } from '../admin-units/area.ts';
import { recordAudit } from '../audit/audit.ts';
import type { Caller } from '../auth/caller.ts';
import { canRead, inScope, readableArea, scopeWhere } from '../auth/scope.ts';
import {
  childUnits,
  difficultyCounts,
  findReview,
  listReviews,
  placementsOf,
  provinceOfUnit,
  reviewAreaWhere,
  reviewScopeWhere,
  writeReview,
  type ReviewContent,
} from './field-reviews.queries.ts';

type Executor = Pick<Db, 'execute' | 'select'>;
type Input = z.output<typeof fieldReviewInputSchema>;

const missing = (id: number) => notFound(`Không có đợt rà soát số ${id}`, `No field review ${id}`);

export async function listFieldReviews(
  db: Executor,
  caller: Caller,
  q: z.output<typeof fieldReviewListQuery>,
): Promise<FieldReviewList> {
  // an organisation's reviews are wherever the caller may read them: a province's delegation
  // may have seen it, not only its commune's officers
  const area = q.organizationId && !q.area ? null : await readableArea(db, caller, { area: q.area, map: 'current' });
  const where = sql`${reviewScopeWhere(caller.read)} and ${area ? reviewAreaWhere(area.code) : sql`true`}`;
  const { items, total } = await listReviews(db, { ...q, where });
  return { items, total, page: q.page, pageSize: q.pageSize };
}

const placedOf = (r: { provinceCode: string; communeCode: string | null }) => ({ id: 0, ...r });

export async function getFieldReview(db: Executor, caller: Caller, id: number): Promise<FieldReview> {
  const found = await findReview(db, id);
  if (!found || !canRead(caller, placedOf(found))) throw missing(id);
  return strip(found);
}

const strip = ({ communeCode: _c, ...review }: NonNullable<Awaited<ReturnType<typeof findReview>>>) => review;

const outside = (name: string) =>
  new AppError('forbidden', {
    vi: `Địa bàn ${name} nằm ngoài phạm vi bạn được cập nhật`,
    en: `${name} is outside the area you may change`,
  });

/** The review's place on the current map, checked against where the caller may write. */
async function placeOf(db: Executor, caller: Caller, code: string) {
  const unit = await resolveArea(db, code, 'current');
  const place = { provinceCode: await provinceOfUnit(db, code), communeCode: unit.level === 'commune' ? code : null };
  if (!inScope(caller.write, placedOf(place))) throw outside(unit.name);
  return place;
}

/** Every organisation named exists for the caller, may be changed by them, and lies in the area. */
async function checkFindings(db: Executor, caller: Caller, place: ReviewContent, input: Input) {
  const ids = input.findings.map((f) => f.organizationId);
  const found = new Map((await placementsOf(db, ids)).map((o) => [o.id, o]));
  const problems = input.findings.flatMap((f, i) => {
    const org = found.get(f.organizationId);
    const field = `findings.${i}.organizationId`;
    if (!org || !canRead(caller, org))
      return [
        { field, message: `Không có tổ chức số ${f.organizationId}`, messageEn: `No organisation ${f.organizationId}` },
      ];
    if (!inScope(caller.write, org))
      return [
        {
          field,
          message: `${org.name}: nằm ngoài địa bàn bạn được cập nhật`,
          messageEn: `${org.name}: outside the area you may change`,
        },
      ];
    const inside = place.communeCode ? org.communeCode === place.communeCode : org.provinceCode === place.provinceCode;
    if (!inside)
      return [
        {
          field,
          message: `${org.name}: không thuộc địa bàn rà soát`,
          messageEn: `${org.name}: not in the reviewed area`,
        },
      ];
    return [];
  });
  if (problems.length > 0) {
    throw new AppError('validation_failed', {
      vi: problems.map((p) => p.message).join('; '),
      en: problems.map((p) => p.messageEn).join('; '),
      errors: problems,
    });
  }
}

async function save(db: Db, caller: Caller, id: number | null, input: Input): Promise<FieldReview> {
  return db.transaction(async (tx) => {
    const before = id === null ? undefined : await findReview(tx, id, { lock: true });
    if (id !== null) {
      if (!before || !canRead(caller, placedOf(before))) throw missing(id);
      if (input.version === undefined)
        throw invalidField('version', 'Thiếu version đã đọc', 'The version read is missing');
      if (before.version !== input.version) {
        throw new AppError('conflict', {
          vi: 'Đợt rà soát đã được người khác sửa sau khi bạn mở; hãy xem lại rồi lưu',
          en: 'Someone else changed this review after you opened it; review it and save again',
          current: strip(before) as unknown as Record<string, unknown>,
        });
      }
      if (!inScope(caller.write, placedOf(before))) throw outside(before.areaName);
    }
    const content: ReviewContent = {
      kind: input.kind,
      title: input.title,
      heldOn: input.heldOn,
      ...(await placeOf(tx, caller, input.areaCode)),
      delegation: input.delegation,
      notes: input.notes || null,
      findings: input.findings.map((f) => ({
        organizationId: f.organizationId,
        findings: f.findings || null,
        difficulties: [...new Set(f.difficulties)],
        proposals: f.proposals || null,
      })),
    };
    await checkFindings(tx, caller, content, input);
    const reviewId = await writeReview(tx, id, content, caller.user?.id ?? null);
    const after = (await findReview(tx, reviewId))!;
    await recordAudit(tx, caller, {
      action: before ? 'field_review.update' : 'field_review.create',
      entity: 'field_review',
      entityId: reviewId,
      before: before ? auditValues(before) : null,
      after: auditValues(after),
    });
    return strip(after);
  });
}

/** The review as the audit trail compares it: findings keyed by organisation. */
function auditValues(r: FieldReview): Record<string, unknown> {
  const { findings, ...header } = r;
  return {
    ...header,
    ...Object.fromEntries(
      findings.map((f) => [
        `org ${f.organizationId}`,
        { findings: f.findings, difficulties: f.difficulties, proposals: f.proposals },
      ]),
    ),
  };
}

export const createFieldReview = (db: Db, caller: Caller, input: Input) => save(db, caller, null, input);
export const updateFieldReview = (db: Db, caller: Caller, id: number, input: Input) => save(db, caller, id, input);

/** How many organisations of an area named each difficulty in a year, overall and one level down. */
export async function difficultyStats(
  db: Executor,
  caller: Caller,
  q: z.output<typeof difficultyStatsQuery>,
): Promise<DifficultyStats> {
  const area = await readableArea(db, caller, { area: q.area, map: 'current' });
  const unit = await resolveArea(db, area.code, 'current');
  const rows = await difficultyCounts(db, { area: area.code, year: q.year, scope: scopeWhere(caller.read, 'o') });
  const zero = () => Object.fromEntries(DIFFICULTIES.map((d) => [d, 0])) as DifficultyStats['byCategory'];
  const tally = (code: string | null) => {
    const mine = rows.filter((r) => (code === null ? r.whole : !r.whole && r.code === code));
    const byCategory = zero();
    for (const r of mine) if (r.category) byCategory[r.category] = r.n;
    return { organizations: mine.find((r) => r.category === null)?.n ?? 0, byCategory };
  };
  const children = await childUnits(db, area.code);
  return {
    area: { code: unit.code, name: unit.name, level: unit.level },
    year: q.year,
    ...tally(null),
    breakdown: children.map((c) => ({ code: c.code, name: c.name, ...tally(c.code) })),
  };
}
