import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Agent } from '../../../test/app.ts';
import { buildOrganization, unique } from '../../../test/factories.ts';
import type { Organization, OrganizationDetail, OrganizationList } from '../../../shared/contracts/organizations.ts';

let app: Agent;
beforeAll(async () => {
  ({ admin: app } = await testApp());
});

async function create(overrides = {}) {
  const res = await app.inject({ method: 'POST', url: '/api/v1/organizations', payload: buildOrganization(overrides) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Organization>();
}
const list = async (query: string) => {
  const res = await app.inject({ url: `/api/v1/organizations?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<OrganizationList>();
};

describe('bad input', () => {
  it('answers 400 problem+json naming each invalid field, in Vietnamese and English', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/organizations',
      payload: { ...buildOrganization(), kind: 'XYZ', provinceCode: '4', foundedOn: '2999-01-01' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body.code).toBe('validation_failed');
    expect(body.title).toBe('Dữ liệu không hợp lệ');
    const fields = body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['foundedOn', 'kind', 'provinceCode']);
    const kindError = body.errors.find((e: { field: string }) => e.field === 'kind');
    expect(kindError.messageEn).toMatch(/expected one of/i);
    expect(kindError.message).not.toBe(kindError.messageEn);
  });

  it('refuses a commune that is not in the province, and writes nothing', async () => {
    const org = buildOrganization({ provinceCode: '01', communeCode: '01558' });
    const res = await app.inject({ method: 'POST', url: '/api/v1/organizations', payload: org });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('communeCode');
    expect((await list(`q=${org.registrationNo}`)).total).toBe(0);
  });

  it('refuses an unknown code on the current map', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/organizations',
      payload: buildOrganization({ communeCode: '01534' }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detailEn).toContain('01534 does not exist on the current map');
  });

  it('answers 409 on a duplicate registration number, whatever its case', async () => {
    const typed = `k2-${unique()}`;
    const first = await create({ registrationNo: typed });
    expect(first.registrationNo).toBe(typed.toUpperCase());
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/organizations',
      payload: buildOrganization({ registrationNo: typed }),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'conflict', errors: [{ field: 'registrationNo' }] });
  });

  it('answers 400 on malformed JSON and 404 problem on unknown routes and ids', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/organizations',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation_failed');
    const route = await app.inject({ url: '/api/v1/nothing-here' });
    expect(route.statusCode).toBe(404);
    expect(route.json().code).toBe('not_found');
    const id = await app.inject({ url: '/api/v1/organizations/999999999' });
    expect(id.statusCode).toBe(404);
    expect(id.json().code).toBe('not_found');
    const notId = await app.inject({ url: '/api/v1/organizations/abc' });
    expect(notId.statusCode).toBe(400);
    expect(notId.json().errors[0].field).toBe('id');
  });

  it('refuses an unknown filter value and an area that is not on the map', async () => {
    expect((await app.inject({ url: '/api/v1/organizations?kind=ABC' })).statusCode).toBe(400);
    const res = await app.inject({ url: '/api/v1/organizations?area=99999' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('area');
  });
});

describe('create, read, update', () => {
  it('creates with a status event and reads it back with names of its units', async () => {
    const created = await create({ status: 'active', statusSince: '2016-01-05' });
    expect(created).toMatchObject({
      version: 1,
      provinceName: 'Tỉnh Cao Bằng',
      communeName: 'Xã Hạ Lang',
      recordedMap: 'current',
    });
    const res = await app.inject({ url: `/api/v1/organizations/${created.id}` });
    const detail = res.json<OrganizationDetail>();
    expect(detail.statusHistory).toEqual([expect.objectContaining({ status: 'active', effectiveOn: '2016-01-05' })]);
    expect(detail.reports).toEqual([]);
  });

  it('updates with the version it read, records a status change with its date, bumps the version', async () => {
    const org = await create();
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/v1/organizations/${org.id}`,
      payload: { version: 1, name: 'Hợp tác xã Đổi Tên', status: 'dissolved', statusSince: '2024-06-30' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      version: 2,
      name: 'Hợp tác xã Đổi Tên',
      status: 'dissolved',
      statusSince: '2024-06-30',
    });
    const detail = (await app.inject({ url: `/api/v1/organizations/${org.id}` })).json<OrganizationDetail>();
    expect(detail.statusHistory.map((e) => e.status)).toEqual(['dissolved', 'active']);
  });

  it('keeps the status history in order: no status before the current one; a corrected date moves its event', async () => {
    const org = await create({ foundedOn: '2010-01-01' });
    const patch = (payload: Record<string, unknown>) =>
      app.inject({ method: 'PATCH', url: `/api/v1/organizations/${org.id}`, payload });
    const history = async () =>
      (await app.inject({ url: `/api/v1/organizations/${org.id}` }))
        .json<OrganizationDetail>()
        .statusHistory.map((e) => `${e.status}@${e.effectiveOn}`);
    const suspended = await patch({ version: 1, status: 'suspended', statusSince: '2023-12-31' });
    expect(suspended.statusCode, suspended.body).toBe(200);

    // a new status dated before the current one began would leave the history out of order
    const backdated = await patch({ version: 2, status: 'dissolved', statusSince: '2023-06-01' });
    expect(backdated.statusCode).toBe(400);
    expect(backdated.json().errors).toEqual([
      expect.objectContaining({ field: 'statusSince', message: expect.stringContaining('31/12/2023') }),
    ]);
    // the date of the current status, corrected: its event moves with it, not before the one before
    const tooEarly = await patch({ version: 2, statusSince: '2009-12-31' });
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.json().errors[0].message).toContain('01/01/2010');
    const corrected = await patch({ version: 2, statusSince: '2023-03-01' });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(await history()).toEqual(['suspended@2023-03-01', 'active@2010-01-01']);
  });

  it('moves the founding with a founding date set later, so the organisation counts from then', async () => {
    const org = await create({ foundedOn: null });
    const today = new Date().toISOString().slice(0, 10);
    const detail = async () =>
      (await app.inject({ url: `/api/v1/organizations/${org.id}` })).json<OrganizationDetail>();
    expect((await detail()).statusHistory.map((e) => e.effectiveOn)).toEqual([today]);
    const founded = await app.inject({
      method: 'PATCH',
      url: `/api/v1/organizations/${org.id}`,
      payload: { version: 1, foundedOn: '2020-01-01' },
    });
    expect(founded.statusCode, founded.body).toBe(200);
    expect(founded.json()).toMatchObject({ foundedOn: '2020-01-01', statusSince: '2020-01-01' });
    expect((await detail()).statusHistory.map((e) => `${e.status}@${e.effectiveOn}`)).toEqual(['active@2020-01-01']);

    // never past the next change: the history keeps its order
    await app.inject({
      method: 'PATCH',
      url: `/api/v1/organizations/${org.id}`,
      payload: { version: 2, status: 'suspended', statusSince: '2023-12-31' },
    });
    const later = await app.inject({
      method: 'PATCH',
      url: `/api/v1/organizations/${org.id}`,
      payload: { version: 3, foundedOn: '2024-05-01' },
    });
    expect(later.statusCode, later.body).toBe(200);
    expect((await detail()).statusHistory.map((e) => `${e.status}@${e.effectiveOn}`)).toEqual([
      'suspended@2023-12-31',
      'active@2020-01-01',
    ]);
  });

  it('answers 409 with the current record on a stale version, and changes nothing', async () => {
    const org = await create();
    const first = await app.inject({
      method: 'PATCH',
      url: `/api/v1/organizations/${org.id}`,
      payload: { version: 1, phone: '0206 3812 345' },
    });
    expect(first.statusCode).toBe(200);
    const stale = await app.inject({
      method: 'PATCH',
      url: `/api/v1/organizations/${org.id}`,
      payload: { version: 1, name: 'Tên cũ ghi đè' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conflict', current: { version: 2, phone: '0206 3812 345' } });
    const now = (await app.inject({ url: `/api/v1/organizations/${org.id}` })).json<OrganizationDetail>();
    expect(now.name).toBe(org.name);
    expect(now.version).toBe(2);
  });

  it('moves an organisation to another commune and checks the new place', async () => {
    const org = await create();
    const ok = await app.inject({
      method: 'PATCH',
      url: `/api/v1/organizations/${org.id}`,
      payload: { version: 1, provinceCode: '01', communeCode: '00004' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ provinceCode: '01', communeCode: '00004', communeName: 'Phường Ba Đình' });
    const bad = await app.inject({
      method: 'PATCH',
      url: `/api/v1/organizations/${org.id}`,
      payload: { version: 2, communeCode: '01558' },
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('list, filter, search, sort, page', () => {
  it('finds names without diacritics, in any word order, and by registration number', async () => {
    const token = unique();
    const org = await create({ name: `Hợp tác xã Tuấn Tú ${token}` });
    for (const q of [`tuan tu ${token}`, `TUẤN ${token}`, `${token} tu`, org.registrationNo.toLowerCase()]) {
      const found = await list(`q=${encodeURIComponent(q)}`);
      expect(
        found.items.map((o) => o.id),
        q,
      ).toEqual([org.id]);
    }
    expect((await list(`q=${encodeURIComponent(`tuan tuu ${token}`)}`)).total).toBe(0);
  });

  it('reads HTX, THT, LHHTX as the words they stand for, and still as themselves', async () => {
    const token = unique();
    const spelled = await create({ name: `Hợp tác xã Tuấn Tú ${token}` });
    const short = await create({ name: `HTX Đồng Tâm ${token}` });
    const ids = async (q: string) => (await list(`q=${encodeURIComponent(q)}&sort=name`)).items.map((x) => x.id);
    expect(await ids(`HTX Tuấn Tú ${token}`)).toEqual([spelled.id]);
    expect((await ids(`htx ${token}`)).sort()).toEqual([short.id, spelled.id].sort());
    expect(await ids(`hop tac xa ${token}`)).toEqual([spelled.id]);
    expect(await ids(`THT ${token}`)).toEqual([]);
  });

  it('treats % and _ in the search as plain characters', async () => {
    const token = unique();
    await create({ name: `Hợp tác xã ${token}` });
    expect((await list(`q=${token.slice(0, 3)}%25${token.slice(4)}`)).total).toBe(0);
  });

  it('sorts names in the Vietnamese alphabet: ă â after a, đ after d, ô ơ after o, ư after u, then tones', async () => {
    const token = unique();
    const names = [
      'Ánh',
      'An',
      'Ăn',
      'Ân',
      'Du lịch',
      'Dược liệu',
      'Điều Hòa',
      'Đồng Loan',
      'Cơ khí',
      'Cô Ngân',
      'Chế biến',
      'Chè',
      'Cô',
    ];
    for (const name of names) await create({ name: `${name} ${token}` });
    const sorted = async (sort: string) =>
      (await list(`q=${token}&sort=${sort}&pageSize=50`)).items.map((o) => o.name.replace(` ${token}`, ''));
    const expected = [
      'An',
      'Ánh',
      'Ăn',
      'Ân',
      'Chè',
      'Chế biến',
      'Cô',
      'Cô Ngân',
      'Cơ khí',
      'Du lịch',
      'Dược liệu',
      'Điều Hòa',
      'Đồng Loan',
    ];
    expect(await sorted('name')).toEqual(expected);
    expect(await sorted('-name')).toEqual([...expected].reverse());
  });

  it('filters by area on the current map, kind, sector and status; sorts and pages', async () => {
    const token = unique();
    const names = ['An', 'Bình', 'Cường', 'Đức', 'Em'];
    for (const [i, n] of names.entries()) {
      await create({
        name: `Tổ hợp tác ${n} ${token}`,
        kind: 'THT',
        sector: i % 2 ? 'trade_services' : 'agriculture',
        foundedOn: `201${i}-01-01`,
      });
    }
    await create({ name: `Hợp tác xã Khác ${token}`, provinceCode: '01', communeCode: '00004' });

    const tht = await list(`q=${token}&area=04&kind=THT&sort=name&pageSize=2&page=2`);
    expect(tht.total).toBe(5);
    expect(tht.items.map((o) => o.name.split(' ')[3])).toEqual(['Cường', 'Đức']);
    expect((await list(`q=${token}&area=01558`)).total).toBe(5);
    expect((await list(`q=${token}&area=01`)).total).toBe(1);
    expect((await list(`q=${token}&area=VN`)).total).toBe(6);
    expect((await list(`q=${token}&sector=trade_services`)).total).toBe(2);
    const byFounding = await list(`q=${token}&kind=THT&sort=-foundedOn`);
    expect(byFounding.items[0]!.foundedOn).toBe('2014-01-01');
    expect((await list(`q=${token}&status=dissolved`)).total).toBe(0);
  });
});

describe('OpenAPI and health', () => {
  it('serves the OpenAPI document with the organisation routes, and health', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/organizations', '/api/v1/organizations/{id}']),
    );
    expect((await app.inject({ url: '/api/health' })).json()).toEqual({ status: 'ok' });
  });
});

describe('compression', () => {
  it('sends a page of the list compressed to a client that accepts it, never to be stored, and a small answer as it is', async () => {
    for (let i = 0; i < 3; i++) await create({ name: `Hợp tác xã Nén ${unique()}` });
    const url = '/api/v1/organizations?pageSize=50';
    const plain = await app.inject({ url, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('no-store');
    const br = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
    const gzip = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    expect([br.headers['content-encoding'], gzip.headers['content-encoding']]).toEqual(['br', 'gzip']);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString())).toEqual(plain.json());
    const small = await app.inject({ url: '/api/health', headers: { 'accept-encoding': 'br, gzip' } });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json()).toEqual({ status: 'ok' });
  });
});

describe('export', () => {
  it('exports the filtered list to Excel with the import headers, Vietnamese labels and the figures', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const token = unique();
    await create({ name: `Hợp tác xã Xuất ${token}`, sector: 'construction', foundedOn: '2011-09-28' });
    await create({ name: `Tổ hợp tác Xuất ${token}`, kind: 'THT' });
    const res = await app.inject({ url: `/api/v1/organizations/export.xlsx?q=${token}&kind=HTX` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    const header = (sheet.getRow(1).values as unknown[]).slice(1, 9);
    expect(header).toEqual(['Mã số', 'Tên', 'Loại hình', 'Lĩnh vực', 'Mã tỉnh', 'Mã huyện', 'Mã xã', 'Ngày thành lập']);
    const row = sheet.getRow(2);
    expect(row.getCell(2).value).toBe(`Hợp tác xã Xuất ${token}`);
    expect(row.getCell(4).value).toBe('Xây dựng');
    expect((row.getCell(8).value as Date).toISOString().slice(0, 10)).toBe('2011-09-28');
    expect(row.getCell(8).numFmt).toBe('dd/mm/yyyy');
    expect(row.getCell(9).value).toBe('Đang hoạt động');
  });
});
