// All the SQL of grading: the schemes, an organisation's grade of a year, its status history.
import { sql } from 'drizzle-orm';
import type { Grade, GradingScheme } from '../../../shared/contracts/grading.ts';
import type { Status } from '../../../shared/contracts/enums.ts';
import type { Db } from '../../db/pool.ts';

type Executor = Pick<Db, 'execute'>;

export async function listSchemes(db: Executor, code?: string): Promise<GradingScheme[]> {
  const { rows } = await db.execute<GradingScheme>(sql`
    select code, name, name_en as "nameEn", criteria, cutoffs, min_months as "minMonths", note
    from grading_schemes where active ${code ? sql`and code = ${code}` : sql``} order by code`);
  return rows;
}

type GradeRow = Omit<Grade, 'year'> & { period: string };

export async function findGrade(
  db: Executor,
  organizationId: number,
  period: string,
  opts: { lock?: boolean } = {},
): Promise<GradeRow | undefined> {
  const { rows } = await db.execute<GradeRow>(sql`
    select organization_id as "organizationId", period, scheme, scores, total::float8 as total, grade, source, version,
      to_char(graded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "gradedAt"
    from organization_grades where organization_id = ${organizationId} and period = ${period}
    ${opts.lock ? sql`for update` : sql``}`);
  return rows[0];
}

export async function writeScoredGrade(
  db: Executor,
  g: {
    organizationId: number;
    period: string;
    scheme: string;
    scores: Record<string, number>;
    total: number;
    grade: string;
    by: number | null;
  },
): Promise<void> {
  await db.execute(sql`
    insert into organization_grades (organization_id, period, grade, source, scheme, scores, total, graded_by)
    values (${g.organizationId}, ${g.period}, ${g.grade}, 'scored', ${g.scheme}, ${JSON.stringify(g.scores)}::jsonb,
      ${g.total}, ${g.by})
    on conflict (organization_id, period) do update set
      grade = excluded.grade, source = 'scored', scheme = excluded.scheme, scores = excluded.scores,
      total = excluded.total, graded_by = excluded.graded_by, graded_at = now(),
      version = organization_grades.version + 1`);
}

/** The dated legal status history, oldest first. */
export async function statusEvents(db: Executor, organizationId: number): Promise<{ status: Status; on: string }[]> {
  const { rows } = await db.execute<{ status: Status; on: string }>(sql`
    select status, effective_on as on from organization_status_events
    where organization_id = ${organizationId} order by effective_on, id`);
  return rows;
}
