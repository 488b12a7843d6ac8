// The audit trail: who changed what, when, from where, with the before/after of each field.
import { z } from 'zod';
import { MAPS, type MapName } from './enums.ts';

export const AUDIT_ENTITIES = ['organization', 'user', 'admin_units', 'import', 'field_review', 'setting'] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export const auditEventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.number().int().nullable(),
  userEmail: z.string().nullable().describe('null: the command line or the system'),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  action: z.string().describe('create, update, import …'),
  entity: z.enum(AUDIT_ENTITIES),
  entityId: z.string(),
  organizationId: z.number().int().nullable(),
  changes: z
    .record(z.string(), z.tuple([z.unknown(), z.unknown()]))
    .describe('field → [before, after]; before is null on create'),
  note: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditQuery = z.object({
  userId: z.coerce.number().int().positive().optional(),
  entity: z.enum(AUDIT_ENTITIES).optional(),
  entityId: z.string().max(100).optional(),
  from: z.iso.date().optional().describe('first day, YYYY-MM-DD (Vietnam time)'),
  to: z.iso.date().optional().describe('last day, YYYY-MM-DD (Vietnam time)'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** The fields of a change that hold an administrative unit's code, and the map the code is on. */
export const AUDIT_UNIT_FIELDS: Partial<Record<string, MapName>> = {
  areaCode: 'current',
  provinceCode: 'current',
  communeCode: 'current',
  oldProvinceCode: 'pre-2025',
  oldDistrictCode: 'pre-2025',
  oldCommuneCode: 'pre-2025',
};

export const auditListSchema = z.object({
  items: z.array(auditEventSchema),
  unitNames: z
    .record(z.enum(MAPS), z.record(z.string(), z.string()))
    .describe("by map, the full names of the units these events' changes name by code (AUDIT_UNIT_FIELDS)"),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AuditList = z.infer<typeof auditListSchema>;
