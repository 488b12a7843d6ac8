import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/pool.ts';
import { organizations, organizationStatusEvents } from '../../db/schema.ts';
import { AppError, invalidField, notFound } from '../../http/errors.ts';
import type { Organization, OrganizationDetail } from '../../../shared/contracts/organizations.ts';
import type { organizationCreateSchema, organizationPatchSchema } from '../../../shared/contracts/organizations.ts';
import type { z } from 'zod';
import { formatDate } from '../../../shared/format/vietnamese.ts';
import { successorsOf } from '../admin-units/admin-units.queries.ts';
import { recordAudit } from '../audit/audit.ts';
import type { Caller } from '../auth/caller.ts';
import { assertReadable, assertWritable, canWrite } from '../auth/scope.ts';
import { checkPlacement, derivePlacement, type Placement } from './placement.ts';
import {
  findOrganization,
  lockOrganization,
  registrationNoTaken,
  reportsOf,
  statusHistory,
  type Executor,
  type OrganizationRow,
} from './organizations.queries.ts';

type CreateInput = z.output<typeof organizationCreateSchema>;
type PatchInput = z.output<typeof organizationPatchSchema>;

const today = () => new Date().toISOString().slice(0, 10);
const missing = (id: number) => notFound(`Không có tổ chức số ${id}`, `No organization ${id}`);
const duplicate = (no: string) =>
  new AppError('conflict', {
    vi: `Mã số ${no} đã được dùng cho một tổ chức khác`,
    en: `Registration number ${no} is already used by another organization`,
    errors: [{ field: 'registrationNo', message: 'Mã số đã tồn tại', messageEn: 'Registration number already exists' }],
  });

/** What the caller may do with the organisation, for the web app to show only those actions. */
export function withAbilities(caller: Caller, org: OrganizationRow): Organization {
  return { ...org, can: { update: caller.permissions.has('organizations.update') && canWrite(caller, org) } };
}

/** The organisation, when the caller may see it (404 otherwise, as if it did not exist). */
export async function findReadable(db: Executor, caller: Caller, id: number): Promise<Organization> {
  const org = await findOrganization(db, id);
  if (!org) throw missing(id);
  assertReadable(caller, org, () => missing(id));
  return withAbilities(caller, org);
}

export async function getOrganization(db: Executor, caller: Caller, id: number): Promise<OrganizationDetail> {
  const org = await findReadable(db, caller, id);
  return { ...org, statusHistory: await statusHistory(db, id), reports: await reportsOf(db, id) };
}

export async function createOrganization(db: Db, caller: Caller, input: CreateInput): Promise<Organization> {
  return db.transaction(async (tx) => {
    if (await registrationNoTaken(tx, input.registrationNo)) throw duplicate(input.registrationNo);
    const placement = await placementOf(tx, input);
    const [row] = await tx
      .insert(organizations)
      .values({
        registrationNo: input.registrationNo,
        name: input.name,
        kind: input.kind,
        sector: input.sector,
        status: input.status,
        statusSince: input.statusSince ?? input.foundedOn ?? today(),
        foundedOn: input.foundedOn ?? null,
        ...placement,
        address: input.address ?? null,
        representative: input.representative ?? null,
        phone: input.phone ?? null,
        email: input.email ?? null,
      })
      .returning({ id: organizations.id });
    const id = row!.id;
    await tx.insert(organizationStatusEvents).values({
      organizationId: id,
      status: input.status,
      effectiveOn: input.statusSince ?? input.foundedOn ?? today(),
    });
    await derivePlacement(tx, [id]);
    const created = (await findOrganization(tx, id))!;
    assertWritable(caller, created); // outside the caller's area: rolled back
    await recordAudit(tx, caller, {
      action: 'create',
      entity: 'organization',
      entityId: id,
      organizationId: id,
      before: null,
      after: created,
    });
    return withAbilities(caller, created);
  });
}

export async function updateOrganization(db: Db, caller: Caller, id: number, input: PatchInput): Promise<Organization> {
  return db.transaction(async (tx) => {
    const before = await lockOrganization(tx, id);
    if (!before) throw missing(id);
    const shown = (await findOrganization(tx, id))!;
    assertReadable(caller, shown, () => missing(id));
    assertWritable(caller, shown);
    if (before.version !== input.version) {
      throw new AppError('conflict', {
        vi: 'Bản ghi đã được người khác sửa sau khi bạn mở; hãy xem thay đổi rồi lưu lại',
        en: 'Someone else changed this record after you opened it; review their changes and save again',
        current: withAbilities(caller, shown) as unknown as Record<string, unknown>,
      });
    }
    const { version: _version, ...changes } = input;
    // nothing new: no write, no event, and the version read stays the current one
    const same = (k: string, v: unknown) =>
      JSON.stringify(v ?? null) === JSON.stringify(shown[k as keyof typeof shown] ?? null);
    if (Object.entries(changes).every(([k, v]) => same(k, v))) return withAbilities(caller, shown);
    if (changes.registrationNo && (await registrationNoTaken(tx, changes.registrationNo, id))) {
      throw duplicate(changes.registrationNo);
    }
    const placementChanged = PLACEMENT_KEYS.some((k) => k in changes);
    const placement = placementChanged ? await placementOf(tx, mergePlacement(before, changes)) : {};
    const statusChanged = changes.status !== undefined && changes.status !== before.status;
    const events = statusChanged || changes.statusSince !== undefined ? await statusDates(tx, id) : [];
    const statusOn = statusChanged ? (changes.statusSince ?? today()) : changes.statusSince;
    // the history stays in order: a new status starts no earlier than the current one did; a
    // corrected date of the current status moves its event, no earlier than the one before
    const floor = statusChanged ? events.at(-1) : events.at(-2);
    if (statusOn && floor && statusOn < floor.effectiveOn) {
      throw invalidField(
        'statusSince',
        `phải từ ${formatDate(floor.effectiveOn)} trở đi: trạng thái trước đó có từ ngày này`,
        `must be ${floor.effectiveOn} or later: the status before it dates from then`,
      );
    }
    const moved = !statusChanged && statusOn && statusOn !== before.statusSince ? events.at(-1) : undefined;

    await tx
      .update(organizations)
      .set({
        ...withoutPlacement(changes),
        ...placement,
        ...(statusChanged && { statusSince: changes.statusSince ?? today() }),
        version: sql`${organizations.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(organizations.id, id));
    if (moved) {
      await tx
        .update(organizationStatusEvents)
        .set({ effectiveOn: statusOn! })
        .where(eq(organizationStatusEvents.id, moved.id));
    }
    if (statusChanged) {
      await tx.insert(organizationStatusEvents).values({
        organizationId: id,
        status: changes.status!,
        effectiveOn: changes.statusSince ?? today(),
      });
    }
    if (placementChanged) await derivePlacement(tx, [id]);
    const after = (await findOrganization(tx, id))!;
    assertWritable(caller, after); // not moved out of the caller's area
    await recordAudit(tx, caller, {
      action: 'update',
      entity: 'organization',
      entityId: id,
      organizationId: id,
      before: shown,
      after,
    });
    return withAbilities(caller, after);
  });
}

const PLACEMENT_KEYS = ['provinceCode', 'communeCode', 'oldProvinceCode', 'oldDistrictCode', 'oldCommuneCode'] as const;
type PlacementInput = Partial<Record<(typeof PLACEMENT_KEYS)[number], string | null>>;

function withoutPlacement<T extends PlacementInput>(changes: T): Omit<T, (typeof PLACEMENT_KEYS)[number]> {
  const rest = { ...changes };
  for (const k of PLACEMENT_KEYS) delete rest[k];
  return rest;
}

/** An edit moves the record to the map whose codes it changes, keeping the other codes of that map. */
function mergePlacement(before: PlacementInput & { recordedMap: string }, changes: PlacementInput): PlacementInput {
  const pick = (k: (typeof PLACEMENT_KEYS)[number]) => (k in changes ? changes[k] : before[k]);
  const toCurrent = 'provinceCode' in changes || 'communeCode' in changes;
  const toOld = PLACEMENT_KEYS.slice(2).some((k) => k in changes);
  const map = toCurrent ? 'current' : toOld ? 'pre-2025' : before.recordedMap;
  return map === 'current'
    ? { provinceCode: pick('provinceCode'), communeCode: pick('communeCode') }
    : {
        oldProvinceCode: pick('oldProvinceCode'),
        oldDistrictCode: pick('oldDistrictCode'),
        oldCommuneCode: pick('oldCommuneCode'),
      };
}

/**
 * The placement as entered: on the current map when a current province code is given,
 * otherwise on the pre-2025 map, whose province decides the current one.
 */
async function placementOf(tx: Executor, input: PlacementInput): Promise<Placement & { provinceCode: string }> {
  const current = input.provinceCode != null;
  const p: Placement = current
    ? {
        recordedMap: 'current',
        provinceCode: input.provinceCode!,
        communeCode: input.communeCode ?? null,
        oldProvinceCode: null,
        oldDistrictCode: null,
        oldCommuneCode: null,
      }
    : {
        recordedMap: 'pre-2025',
        provinceCode: null,
        communeCode: null,
        oldProvinceCode: input.oldProvinceCode ?? null,
        oldDistrictCode: input.oldDistrictCode ?? null,
        oldCommuneCode: input.oldCommuneCode ?? null,
      };
  if (!p.provinceCode && !p.oldProvinceCode) {
    throw invalidField('provinceCode', 'Cần mã tỉnh', 'A province code is required');
  }
  await checkPlacement(tx, p);
  if (!current) {
    const [next] = await successorsOf(tx, p.oldProvinceCode!);
    if (!next) {
      throw invalidField(
        'oldProvinceCode',
        'Chưa nạp bảng chuyển đổi đơn vị hành chính trước 01/7/2025 (hoptac admin-units import)',
        'The pre-2025 mapping is not loaded (hoptac admin-units import)',
      );
    }
    p.provinceCode = next.code;
  }
  return { ...p, provinceCode: p.provinceCode! };
}

/** The organisation's status history, oldest first: each change's date (status_events). */
async function statusDates(tx: Executor, id: number): Promise<{ id: number; effectiveOn: string }[]> {
  return tx
    .select({ id: organizationStatusEvents.id, effectiveOn: organizationStatusEvents.effectiveOn })
    .from(organizationStatusEvents)
    .where(eq(organizationStatusEvents.organizationId, id))
    .orderBy(organizationStatusEvents.effectiveOn, organizationStatusEvents.id);
}
