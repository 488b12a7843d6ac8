// The template's sample rows (template.ts), and how an import knows one left in a file: a row
// that only shows the layout must not become an organisation.
import { GRADE_LABELS, SECTOR_LABELS, STATUS_LABELS } from '../../../shared/contracts/enums.ts';
import type { Field } from './columns.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
export const SAMPLES: Partial<Record<Field, unknown>>[] = [
  {
    registrationNo: '0401000123',
    name: 'Hợp tác xã Nông nghiệp Mẫu',
    kind: 'HTX',
    sector: SECTOR_LABELS.agriculture.vi,
    provinceCode: '04',
    districtCode: null,
    communeCode: '01558',
    foundedOn: day('2015-03-02'),
    status: STATUS_LABELS.active.vi,
    members: 12,
    workers: 6,
    charterCapitalVnd: 750_000_000,
    revenueVnd: 2_100_000_000,
    profitVnd: 150_000_000,
    incomePerWorkerMonthVnd: 5_500_000,
    grade: GRADE_LABELS.fair.vi,
  },
  {
    registrationNo: '0401000124',
    name: 'Tổ hợp tác Dịch vụ Mẫu',
    kind: 'THT',
    sector: SECTOR_LABELS.trade_services.vi,
    provinceCode: '04',
    districtCode: null,
    communeCode: '01558',
    foundedOn: day('2021-07-15'),
    status: STATUS_LABELS.active.vi,
    members: 7,
    workers: 3,
    charterCapitalVnd: null,
    revenueVnd: 420_000_000,
    profitVnd: -12_000_000,
    incomePerWorkerMonthVnd: 4_000_000,
    grade: GRADE_LABELS.average.vi,
  },
  {
    registrationNo: '0401000125',
    name: 'Liên hiệp hợp tác xã Mẫu',
    kind: 'LHHTX',
    sector: SECTOR_LABELS.other.vi,
    provinceCode: '04',
    districtCode: null,
    communeCode: null,
    foundedOn: day('2019-11-20'),
    status: STATUS_LABELS.suspended.vi,
    members: 4,
    workers: null,
    charterCapitalVnd: 2_000_000_000,
    revenueVnd: null,
    profitVnd: null,
    incomePerWorkerMonthVnd: null,
    grade: null,
  },
];

const SAMPLE_KEYS = new Set(SAMPLES.map((s) => `${String(s.registrationNo)} ${String(s.name)}`));

/** The row is one of the template's samples: its registration number and name both. */
export const isSample = (registrationNo: string, name: string) => SAMPLE_KEYS.has(`${registrationNo} ${name}`);
