import { describe, expect, it } from 'vitest';
import { narrative, sectorOrder } from './narrative.ts';
import { HA_LANG, HA_LANG_TEXT } from './stats.fixtures.ts';

const NOTHING_REPORTED = {
  members: null,
  workers: null,
  totals: { charterCapitalVnd: null, revenueVnd: null, profitVnd: null },
  averages: { charterCapitalVnd: null, revenueVnd: null, profitVnd: null, incomePerWorkerMonthVnd: null },
};

describe('the narrative paragraph (contracts §5)', () => {
  it('reads like the officials’ paragraph for the Hạ Lang example', () => {
    expect(narrative(HA_LANG)).toBe(HA_LANG_TEXT);
  });

  it('leaves out what nobody reported, rather than writing 0', () => {
    const text = narrative({ ...HA_LANG, ...NOTHING_REPORTED, effective: { count: 0, graded: 0, share: null } });
    expect(text).toBe(
      'Trên địa bàn huyện Hạ Lang có tổng số 15 HTX, trong đó có 4 HTX nông nghiệp, 7 HTX xây dựng, ' +
        '3 HTX thương mại - dịch vụ, 1 HTX công nghiệp - tiểu thủ công nghiệp.',
    );
  });

  it('names every kind when no kind is asked, and the whole country as "cả nước"', () => {
    const text = narrative({
      ...HA_LANG,
      area: { code: 'VN', name: 'Việt Nam', level: 'country', map: 'current' },
      kind: null,
      organizations: { ...HA_LANG.organizations, total: 1264, byKind: { HTX: 1000, THT: 264, LHHTX: 0 } },
      members: 25_300,
    });
    expect(text).toMatch(
      /^Trên phạm vi cả nước có tổng số 1\.264 tổ chức kinh tế tập thể \(1\.000 HTX, 264 THT\), với tổng số 25\.300 thành viên, trong đó có 4 tổ chức nông nghiệp, 7 tổ chức xây dựng/,
    );
    expect(text).toContain('số tổ chức hoạt động hiệu quả chiếm 20%');
    expect(text).toContain('Vốn điều lệ bình quân 497 triệu đồng/tổ chức');
  });

  it('says of how many the effective share is, when not all were graded', () => {
    const text = narrative({ ...HA_LANG, effective: { count: 2, graded: 2, share: 1 } });
    expect(text).toContain('; số HTX hoạt động hiệu quả chiếm 100% trong 2 HTX được xếp loại.');
    expect(narrative(HA_LANG)).toContain('; số HTX hoạt động hiệu quả chiếm 20%.');
  });

  it('writes tỷ to the million, as officials do ("2,002 tỷ đồng", "3,6 tỷ đồng")', () => {
    const text = narrative({
      ...HA_LANG,
      averages: {
        ...HA_LANG.averages,
        charterCapitalVnd: 2_002_000_000,
        revenueVnd: 3_600_000_000,
        profitVnd: 288_000_000,
      },
    });
    expect(text).toContain(
      'Vốn điều lệ bình quân 2,002 tỷ đồng/HTX; doanh thu bình quân 3,6 tỷ đồng; lợi nhuận bình quân 288 triệu đồng.',
    );
  });

  it('says when the area has none', () => {
    const none = { ...HA_LANG, organizations: { ...HA_LANG.organizations, total: 0 } };
    expect(narrative(none)).toBe('Trên địa bàn huyện Hạ Lang chưa có HTX nào.');
    expect(narrative({ ...none, kind: null, area: { ...none.area, name: 'Xã Nậm Nèn', level: 'commune' } })).toBe(
      'Trên địa bàn xã Nậm Nèn chưa có tổ chức kinh tế tập thể nào.',
    );
  });

  it('writes a loss as a loss, people’s credit funds by their name, one decimal only when needed', () => {
    const text = narrative({
      ...HA_LANG,
      organizations: {
        ...HA_LANG.organizations,
        bySector: { ...HA_LANG.organizations.bySector, credit_fund: 2 },
      },
      effective: { count: 1, graded: 8, share: 0.125 },
      averages: { ...HA_LANG.averages, profitVnd: -45_600_000, incomePerWorkerMonthVnd: 4_850_000 },
    });
    expect(text).toContain('2 quỹ tín dụng nhân dân');
    expect(text).toContain('chiếm 12,5%');
    expect(text).toContain('lỗ bình quân 46 triệu đồng');
    expect(text).toContain('đạt 4,85 triệu đồng/tháng');
  });

  it('orders sectors: agriculture first, then by count, ties in the order of §7; none left out but zeros', () => {
    const zero = { ...HA_LANG.organizations.bySector, agriculture: 0, industry_handicraft: 0, construction: 0 };
    expect(sectorOrder(HA_LANG.organizations.bySector)).toEqual([
      'agriculture',
      'construction',
      'trade_services',
      'industry_handicraft',
    ]);
    expect(sectorOrder({ ...zero, trade_services: 2, transport: 5, other: 2, environment: 2 })).toEqual([
      'transport',
      'trade_services',
      'environment',
      'other',
    ]);
  });
});
