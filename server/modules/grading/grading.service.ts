// Grading an organisation for a year (Circular 01/2020): the scheme's criteria scored, the
// total and grade computed (never typed), refused for an organisation that cannot be graded
// that year: operating for less than the scheme's months at the year's end, or suspended for
// more than three months of it. One transaction, optimistic version, audited.
import type { z } from 'zod';
import type { Grade, gradeInputSchema, GradingScheme } from '../../../shared/contracts/grading.ts';
import type { Status } from '../../../shared/contracts/enums.ts';
import { scoreGrade } from '../../../shared/rules/grade.ts';
import type { Db } from '../../db/pool.ts';
import { AppError, invalidField, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.ts';
import type { Caller } from '../auth/caller.ts';
import { assertWritable } from '../auth/scope.ts';
import { findReadable } from '../organizations/organizations.service.ts';
import { findGrade, listSchemes, statusEvents, writeScoredGrade } from './grading.queries.ts';

type Executor = Parameters<typeof findReadable>[0];
type Input = z.output<typeof gradeInputSchema>;

const DAY = 86_400_000;
/** "more than three months suspended in the year" (Circular 01/2020), counted in days */
const SUSPENDED_DAYS = 90;

export const listGradingSchemes = (db: Executor) => listSchemes(db);

const shape = (g: NonNullable<Awaited<ReturnType<typeof findGrade>>>): Grade => {
  const { period, ...rest } = g;
  return { ...rest, year: period };
};

export async function getGrade(db: Executor, caller: Caller, id: number, year: string): Promise<Grade> {
  await findReadable(db, caller, id);
  const found = await findGrade(db, id, year);
  if (!found)
    throw notFound(`Tổ chức ${id} chưa được xếp loại năm ${year}`, `Organisation ${id} has no grade for ${year}`);
  return shape(found);
}

/** Why the organisation cannot be graded for the year; null when it can. */
export function whyNotGraded(
  foundedOn: string | null,
  year: string,
  scheme: Pick<GradingScheme, 'minMonths'>,
  events: { status: Status; on: string }[],
): { vi: string; en: string } | null {
  const yearEnd = Date.parse(`${year}-12-31`);
  if (foundedOn) {
    const from = new Date(`${foundedOn}T00:00:00Z`);
    from.setUTCMonth(from.getUTCMonth() + scheme.minMonths);
    if (from.getTime() > yearEnd + DAY) {
      return {
        vi: `Hoạt động chưa đủ ${scheme.minMonths} tháng tính đến 31/12/${year} (thành lập ${foundedOn}): không xếp loại`,
        en: `Operating for less than ${scheme.minMonths} months by 31 December ${year} (founded ${foundedOn}): not graded`,
      };
    }
  }
  const yearStart = Date.parse(`${year}-01-01`);
  let suspended = 0;
  events.forEach((e, i) => {
    if (e.status !== 'suspended') return;
    const from = Math.max(Date.parse(e.on), yearStart);
    const to = Math.min(i + 1 < events.length ? Date.parse(events[i + 1]!.on) : Infinity, yearEnd + DAY);
    if (to > from) suspended += (to - from) / DAY;
  });
  if (suspended > SUSPENDED_DAYS) {
    return {
      vi: `Tạm ngừng hoạt động ${Math.round(suspended)} ngày trong năm ${year} (quá 3 tháng): không xếp loại`,
      en: `Suspended for ${Math.round(suspended)} days in ${year} (over three months): not graded`,
    };
  }
  return null;
}

export async function scoreOrganization(
  db: Db,
  caller: Caller,
  id: number,
  year: string,
  input: Input,
): Promise<Grade> {
  return db.transaction(async (tx) => {
    const org = await findReadable(tx, caller, id);
    assertWritable(caller, org);
    const [scheme] = await listSchemes(tx, input.scheme);
    if (!scheme)
      throw invalidField('scheme', `Không có bộ tiêu chí ${input.scheme}`, `No grading scheme ${input.scheme}`);
    const scored = scoreGrade(scheme, input.scores);
    if (scored.issues.length > 0) {
      throw new AppError('validation_failed', {
        vi: scored.issues.map((i) => i.message).join('; '),
        en: scored.issues.map((i) => i.messageEn).join('; '),
        errors: scored.issues.map((i) => ({
          field: `scores.${i.criterion}`,
          message: i.message,
          messageEn: i.messageEn,
        })),
      });
    }
    const why = whyNotGraded(org.foundedOn, year, scheme, await statusEvents(tx, id));
    if (why)
      throw new AppError('validation_failed', {
        ...why,
        errors: [{ field: 'year', message: why.vi, messageEn: why.en }],
      });

    const before = await findGrade(tx, id, year, { lock: true });
    if (before && before.version !== input.version) {
      throw new AppError('conflict', {
        vi: 'Năm này đã được xếp loại (hoặc người khác vừa chấm lại); hãy xem rồi chấm lại',
        en: 'This year has a grade already (or someone just scored it again); review it and score again',
        current: shape(before) as unknown as Record<string, unknown>,
      });
    }
    await writeScoredGrade(tx, {
      organizationId: id,
      period: year,
      scheme: scheme.code,
      scores: input.scores,
      total: scored.total,
      grade: scored.grade,
      by: caller.user?.id ?? null,
    });
    const after = (await findGrade(tx, id, year))!;
    const values = (g: typeof before) =>
      g && {
        [`grade@${year}`]: g.grade,
        [`total@${year}`]: g.total,
        [`scheme@${year}`]: g.scheme,
        [`scores@${year}`]: g.scores,
      };
    await recordAudit(tx, caller, {
      action: 'grade',
      entity: 'organization',
      entityId: id,
      organizationId: id,
      before: values(before) ?? null,
      after: values(after),
    });
    return shape(after);
  });
}
