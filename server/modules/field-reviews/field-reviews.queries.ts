// All the SQL of field reviews: the log, one review with its findings, writing them, and the
// difficulties organisations named in a year (in reviews and in their reports).
import { sql, type SQL } from 'drizzle-orm';
import type { FieldReview, FieldReviewList } from '../../../shared/contracts/field-reviews.ts';
import type { Difficulty } from '../../../shared/contracts/reports.ts';
import type { Db } from '../../db/pool.ts';
import type { Scope } from '../auth/caller.ts';

type Executor = Pick<Db, 'execute'>;

/** Reviews a scope may see: those held in its area (an organisation's account sees none). */
export function reviewScopeWhere(scope: Scope): SQL {
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'province':
      return sql`r.province_code = ${scope.code}`;
    case 'commune':
      return sql`r.commune_code = ${scope.code}`;
    case 'organization':
      return sql`false`;
  }
}

/** Reviews held in an area of the current map: the country, a province or a commune. */
export const reviewAreaWhere = (code: string): SQL =>
  code === 'VN' ? sql`true` : code.length === 2 ? sql`r.province_code = ${code}` : sql`r.commune_code = ${code}`;

const iso = sql.raw(`to_char(r.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
const HEADER = sql`r.id, r.version, r.kind, r.title, r.held_on::text as "heldOn",
  coalesce(r.commune_code, r.province_code) as "areaCode", u.full_name as "areaName",
  r.province_code as "provinceCode", r.delegation,
  ${iso} as "updatedAt"`;
const AREA_JOIN = sql`join admin_units u on u.map = 'current' and u.code = coalesce(r.commune_code, r.province_code)`;

export async function listReviews(
  db: Executor,
  q: { where: SQL; organizationId?: number | undefined; year?: number | undefined; page: number; pageSize: number },
): Promise<{ items: FieldReviewList['items']; total: number }> {
  const conditions = [
    q.where,
    q.year ? sql`r.held_on >= make_date(${q.year}, 1, 1) and r.held_on < make_date(${q.year + 1}, 1, 1)` : sql`true`,
    q.organizationId
      ? sql`exists (select 1 from field_review_findings f where f.review_id = r.id and f.organization_id = ${q.organizationId})`
      : sql`true`,
  ];
  const finding = q.organizationId
    ? sql`(select jsonb_build_object('findings', f.findings, 'difficulties', to_jsonb(f.difficulties),
        'proposals', f.proposals) from field_review_findings f
        where f.review_id = r.id and f.organization_id = ${q.organizationId}) as finding,`
    : sql``;
  const { rows } = await db.execute<FieldReviewList['items'][number] & { total: number }>(sql`
    select ${HEADER}, ${finding}
      (select count(*)::int from field_review_findings f where f.review_id = r.id) as organizations,
      count(*) over ()::int as total
    from field_reviews r ${AREA_JOIN}
    where ${sql.join(conditions, sql` and `)}
    order by r.held_on desc, r.id desc
    limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`);
  return { items: rows.map(({ total: _t, ...item }) => item), total: rows[0]?.total ?? 0 };
}

export type ReviewRow = Omit<FieldReview, 'findings'> & { communeCode: string | null };

export async function findReview(
  db: Executor,
  id: number,
  opts: { lock?: boolean } = {},
): Promise<(FieldReview & { communeCode: string | null }) | undefined> {
  const { rows } = await db.execute<ReviewRow>(sql`
    select ${HEADER}, r.notes, r.commune_code as "communeCode"
    from field_reviews r ${AREA_JOIN} where r.id = ${id} ${opts.lock ? sql`for update of r` : sql``}`);
  const review = rows[0];
  if (!review) return undefined;
  const findings = await db.execute<FieldReview['findings'][number]>(sql`
    select f.organization_id as "organizationId", o.registration_no as "registrationNo", o.name, f.findings,
      f.difficulties, f.proposals
    from field_review_findings f join organizations o on o.id = f.organization_id
    where f.review_id = ${id} order by o.name, o.id`);
  return { ...review, findings: findings.rows };
}

export interface ReviewContent {
  kind: string;
  title: string;
  heldOn: string;
  provinceCode: string;
  communeCode: string | null;
  delegation: string;
  notes: string | null;
  findings: { organizationId: number; findings: string | null; difficulties: Difficulty[]; proposals: string | null }[];
}

/** Writes a review (a new one when `id` is null) and replaces its findings; answers its id. */
export async function writeReview(db: Executor, id: number | null, c: ReviewContent, by: number | null) {
  const { rows } = await db.execute<{ id: number }>(
    id === null
      ? sql`insert into field_reviews (kind, title, held_on, province_code, commune_code, delegation, notes, created_by)
          values (${c.kind}, ${c.title}, ${c.heldOn}, ${c.provinceCode}, ${c.communeCode}, ${c.delegation}, ${c.notes}, ${by})
          returning id`
      : sql`update field_reviews set kind = ${c.kind}, title = ${c.title}, held_on = ${c.heldOn},
            province_code = ${c.provinceCode}, commune_code = ${c.communeCode}, delegation = ${c.delegation},
            notes = ${c.notes}, version = version + 1, updated_at = now()
          where id = ${id} returning id`,
  );
  const reviewId = rows[0]!.id;
  await db.execute(sql`delete from field_review_findings where review_id = ${reviewId}`);
  await db.execute(sql`
    insert into field_review_findings (review_id, organization_id, findings, difficulties, proposals)
    select ${reviewId}, f.organization_id, f.findings, array(select jsonb_array_elements_text(f.difficulties)), f.proposals
    from jsonb_to_recordset(${JSON.stringify(c.findings.map((f) => ({ organization_id: f.organizationId, ...f })))}::jsonb)
      as f(organization_id int, findings text, difficulties jsonb, proposals text)`);
  return reviewId;
}

/** The province of a unit of the current map (itself for a province). */
export async function provinceOfUnit(db: Executor, code: string): Promise<string> {
  const { rows } = await db.execute<{ provinceCode: string }>(
    sql`select province_code as "provinceCode" from admin_units where map = 'current' and code = ${code}`,
  );
  return rows[0]!.provinceCode;
}

/** Where the organisations stand on the current map, for the checks of scope and area. */
export async function placementsOf(db: Executor, ids: number[]) {
  const { rows } = await db.execute<{ id: number; name: string; provinceCode: string; communeCode: string | null }>(sql`
    select id, name, province_code as "provinceCode", commune_code as "communeCode"
    from organizations where id = any(${sql.param(ids)}::int[])`);
  return rows;
}

/**
 * Organisations naming each difficulty in a year — in a review held that year or in a report
 * of the year's periods that was submitted — for an area and each unit one level down.
 */
export async function difficultyCounts(db: Executor, q: { area: string; year: number; scope: SQL }) {
  const child =
    q.area === 'VN' ? sql.raw('o.province_code') : q.area.length === 2 ? sql.raw('o.commune_code') : sql`null::text`;
  const inArea =
    q.area === 'VN'
      ? sql`true`
      : q.area.length === 2
        ? sql`o.province_code = ${q.area}`
        : sql`o.commune_code = ${q.area}`;
  const periods = [String(q.year), `${q.year}-H1`, `${q.year}-H2`];
  const { rows } = await db.execute<{
    code: string | null;
    category: Difficulty | null;
    n: number;
    whole: boolean;
  }>(sql`
    with named as (
      select f.organization_id, unnest(f.difficulties) as category
      from field_review_findings f join field_reviews r on r.id = f.review_id
      where r.held_on >= make_date(${q.year}, 1, 1) and r.held_on < make_date(${q.year + 1}, 1, 1)
      union
      select organization_id, unnest(difficulties)
      from organization_reports
      where period = any(${sql.param(periods)}::text[]) and status in ('submitted', 'approved')
    )
    select ${child} as code, d.category, count(distinct d.organization_id)::int as n,
      grouping(${child}) = 1 as whole
    from named d join organizations o on o.id = d.organization_id
    where ${inArea} and ${q.scope}
    group by grouping sets ((d.category), (), (${child}, d.category), (${child}))`);
  return rows;
}

export async function childUnits(db: Executor, area: string) {
  if (area.length === 5) return [];
  const { rows } = await db.execute<{ code: string; name: string }>(
    area === 'VN'
      ? sql`select code, full_name as name from admin_units where map = 'current' and level = 'province' order by code`
      : sql`select code, full_name as name from admin_units where map = 'current' and parent_code = ${area}
            order by code`,
  );
  return rows;
}
