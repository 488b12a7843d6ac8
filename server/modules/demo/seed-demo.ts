// `hoptac seed demo`: a living registry for a first look — about 360 cooperatives, groups and
// unions in five provinces of the current map, with status history and figures for 2023,
// 2024, 2025-H1 and 2025. Deterministic and idempotent: keyed on registration numbers, a
// second run adds nothing and changes nothing.
import { sql } from 'drizzle-orm';
import type { Kind } from '../../../shared/contracts/enums.ts';
import type { Db } from '../../db/pool.ts';
import { currentCommunes } from './communes.ts';
import { generateOrganizations, type GeneratedOrganization } from './generate.ts';
import { insertOrganizations } from './insert.ts';
import { recordAudit } from '../audit/audit.ts';
import { COMMAND_LINE } from '../auth/caller.ts';

/** Provinces of the demo and how many organisations of each kind each gets. */
export const DEMO_PROVINCES: readonly { code: string; counts: Record<Kind, number> }[] = [
  { code: '01', counts: { HTX: 52, THT: 44, LHHTX: 2 } }, // Thành phố Hà Nội
  { code: '91', counts: { HTX: 38, THT: 36, LHHTX: 1 } }, // An Giang
  { code: '66', counts: { HTX: 36, THT: 32, LHHTX: 1 } }, // Đắk Lắk
  { code: '42', counts: { HTX: 32, THT: 28, LHHTX: 1 } }, // Hà Tĩnh
  { code: '04', counts: { HTX: 30, THT: 24, LHHTX: 1 } }, // Cao Bằng
];

export const DEMO_SEED = 'hoptac-demo-1';

/** The demo set, generated from the current units of the demo provinces (no writes). */
export async function demoOrganizations(db: Db): Promise<GeneratedOrganization[]> {
  const communes = await currentCommunes(
    db,
    DEMO_PROVINCES.map((p) => p.code),
  );
  const taken = new Set<string>();
  return DEMO_PROVINCES.flatMap(({ code, counts }) =>
    generateOrganizations({
      seed: `${DEMO_SEED}:${code}`,
      communes: communes.filter((c) => c.provinceCode === code),
      counts,
      taken,
    }),
  );
}

/** Loads the demo set; returns how many organisations it added (0 when they were all there). */
export async function seedDemo(db: Db, opts: { onlyIfEmpty?: boolean } = {}): Promise<{ organizations: number }> {
  if (opts.onlyIfEmpty) {
    const found = await db.execute(sql`select 1 from organizations limit 1`);
    if (found.rows.length > 0) return { organizations: 0 };
  }
  const orgs = await demoOrganizations(db);
  const ids = await db.transaction(async (tx) => {
    const inserted = await insertOrganizations(tx, orgs);
    await recordAudit(tx, COMMAND_LINE, {
      action: 'seed',
      entity: 'import',
      entityId: 'demo',
      changes: { organizations: [null, inserted.length] },
      note: 'Dữ liệu mẫu / demo data set',
    });
    return inserted;
  });
  // PGlite runs no autovacuum: without this its planner would know nothing of the new rows.
  if (ids.length > 0) await db.execute(sql`analyze organizations, organization_status_events, organization_reports`);
  return { organizations: ids.length };
}
