// Test fixtures of the statistics: organisations with a dated status history and reports,
// inserted directly (placed on the other map by the real placement code), and the Hạ Lang
// example file of contracts §4 loaded the same way until the importer lands.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { TransactionRollbackError } from 'drizzle-orm/errors';
import type { Db, Tx } from '../../db/pool.ts';
import type { Stats } from '../../../shared/contracts/stats.ts';
import type { PeriodFigures } from '../../../shared/contracts/organizations.ts';
import { organizationGrades, organizationReports, organizations, organizationStatusEvents } from '../../db/schema.ts';
import {
  GRADE_LABELS,
  SECTOR_LABELS,
  STATUS_LABELS,
  type Grade,
  type Kind,
  type Sector,
  type Status,
} from '../../../shared/contracts/enums.ts';
import { uniqueNo } from '../../../test/factories.ts';
import { derivePlacement } from '../organizations/placement.ts';

export interface FixtureOrg {
  kind?: Kind;
  sector?: Sector;
  /** on the current map, or (old*) on the pre-2025 map; the other map is derived */
  at: { province: string; commune?: string } | { oldProvince: string; oldDistrict?: string; oldCommune?: string };
  foundedOn?: string | null;
  /** status events, oldest first; the last one is the organisation's status. Default: active since founding */
  history?: [Status, string][];
  /** override organizations.status_since (null: recorded without a date) */
  statusSince?: string | null;
  reports?: Record<string, Partial<PeriodFigures>>;
  registrationNo?: string;
  name?: string;
}

/** Inserts the organisations with their history and reports; answers their ids. */
export async function insertOrganizations(db: Db | Tx, orgs: FixtureOrg[]): Promise<number[]> {
  const ids: number[] = [];
  for (const org of orgs) {
    const token = uniqueNo();
    const foundedOn = org.foundedOn === undefined ? '2015-01-01' : org.foundedOn;
    const history = org.history ?? [['active', foundedOn ?? '2015-01-01']];
    const [status, since] = history.at(-1)!;
    const at = org.at;
    const placement =
      'province' in at
        ? { recordedMap: 'current' as const, provinceCode: at.province, communeCode: at.commune ?? null }
        : {
            recordedMap: 'pre-2025' as const,
            provinceCode: at.oldProvince, // replaced by its successor in derivePlacement
            oldProvinceCode: at.oldProvince,
            oldDistrictCode: at.oldDistrict ?? null,
            oldCommuneCode: at.oldCommune ?? null,
          };
    const [row] = await db
      .insert(organizations)
      .values({
        registrationNo: org.registrationNo ?? `S${token}`,
        name: org.name ?? `Hợp tác xã Thống kê ${token}`,
        kind: org.kind ?? 'HTX',
        sector: org.sector ?? 'agriculture',
        status,
        statusSince: org.statusSince === undefined ? since : org.statusSince,
        foundedOn,
        ...placement,
      })
      .returning({ id: organizations.id });
    const id = row!.id;
    ids.push(id);
    await db
      .insert(organizationStatusEvents)
      .values(history.map(([s, on]) => ({ organizationId: id, status: s, effectiveOn: on })));
    const reports = Object.entries(org.reports ?? {});
    if (reports.length) {
      await db
        .insert(organizationReports)
        .values(reports.map(([period, { grade: _g, ...figures }]) => ({ organizationId: id, period, ...figures })));
    }
    const grades = reports.flatMap(([period, f]) => (f.grade ? [{ organizationId: id, period, grade: f.grade }] : []));
    if (grades.length) {
      await db
        .insert(organizationGrades)
        .values(grades.map((g) => ({ ...g, grade: g.grade as Exclude<Grade, 'unrated'>, source: 'import' })));
    }
  }
  await derivePlacement(db, ids);
  return ids;
}

/** Runs `run` in a transaction that is always rolled back: nothing is left in the shared database. */
export async function rolledBack<T>(
  db: Db,
  run: (tx: Tx) => Promise<T>,
  config?: Parameters<Db['transaction']>[1],
): Promise<T> {
  let result: T | undefined;
  try {
    await db.transaction(async (tx) => {
      result = await run(tx);
      tx.rollback();
    }, config);
  } catch (err) {
    if (!(err instanceof TransactionRollbackError)) throw err;
  }
  return result as T;
}

const byLabel = <K extends string>(labels: Record<K, { vi: string }>, text: string): K => {
  const key = (Object.keys(labels) as K[]).find((k) => labels[k].vi.toLowerCase() === text.trim().toLowerCase());
  if (!key) throw new Error(`unknown label "${text}"`);
  return key;
};
const money = (text: string) => (text.trim() === '' ? null : Number(text.replace(/[.,\s]/g, '')));
const isoDate = (text: string) => {
  const [d, m, y] = text.split('/');
  return text ? `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}` : null;
};

/**
 * The rows of an import file of contracts §3 recorded on the pre-2025 map, with their figures
 * for `period`. Registration numbers get `suffix`, so that a copy never meets another test's.
 */
export function readPre2025Csv(file: string, period: string, suffix: string): FixtureOrg[] {
  const rows = parse(readFileSync(file), { columns: true, bom: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  return rows.map((r) => {
    const foundedOn = isoDate(r['Ngày thành lập'] ?? '');
    return {
      registrationNo: `${r['Mã số']}${suffix}`,
      name: r['Tên']!,
      kind: r['Loại hình'] as Kind,
      sector: byLabel(SECTOR_LABELS, r['Lĩnh vực']!),
      at: { oldProvince: r['Mã tỉnh']!, oldDistrict: r['Mã huyện']!, oldCommune: r['Mã xã']! },
      foundedOn,
      history: [[byLabel(STATUS_LABELS, r['Trạng thái'] || 'Đang hoạt động'), foundedOn ?? '2000-01-01']],
      reports: {
        [period]: {
          members: money(r['Số thành viên']!),
          workers: money(r['Số lao động']!),
          charterCapitalVnd: money(r['Vốn điều lệ']!),
          revenueVnd: money(r['Doanh thu']!),
          profitVnd: money(r['Lợi nhuận']!),
          incomePerWorkerMonthVnd: money(r['Thu nhập bình quân']!),
          grade: r['Xếp loại'] ? byLabel(GRADE_LABELS, r['Xếp loại']) : null,
        },
      },
    };
  });
}

/** The statistics of contracts §4 (Hạ Lang, 2024, HTX). */
export const HA_LANG: Stats = {
  area: { code: '048', name: 'Huyện Hạ Lang', level: 'district', map: 'pre-2025' },
  period: '2024',
  kind: 'HTX',
  organizations: {
    total: 15,
    byKind: { HTX: 15, THT: 0, LHHTX: 0 },
    bySector: {
      agriculture: 4,
      industry_handicraft: 1,
      construction: 7,
      trade_services: 3,
      transport: 0,
      credit_fund: 0,
      environment: 0,
      other: 0,
    },
    byStatus: { active: 15, suspended: 0 },
    byGrade: { good: 1, fair: 2, average: 9, weak: 3, unrated: 0 },
  },
  effective: { count: 3, graded: 15, share: 0.2 },
  members: 119,
  workers: 60,
  totals: { charterCapitalVnd: 7457000000, revenueVnd: 25037000000, profitVnd: 1970000000 },
  averages: {
    charterCapitalVnd: 497133333,
    revenueVnd: 1669133333,
    profitVnd: 131333333,
    incomePerWorkerMonthVnd: 5000000,
  },
};

export const HA_LANG_TEXT =
  'Trên địa bàn huyện Hạ Lang có tổng số 15 HTX, với tổng số 119 thành viên, trong đó có ' +
  '4 HTX nông nghiệp, 7 HTX xây dựng, 3 HTX thương mại - dịch vụ, 1 HTX công nghiệp - tiểu thủ ' +
  'công nghiệp; số HTX hoạt động hiệu quả chiếm 20%. Thu nhập bình quân của lao động thường ' +
  'xuyên đạt 5 triệu đồng/tháng. Vốn điều lệ bình quân 497 triệu đồng/HTX; doanh thu bình quân ' +
  '1,669 tỷ đồng; lợi nhuận bình quân 131 triệu đồng.';
