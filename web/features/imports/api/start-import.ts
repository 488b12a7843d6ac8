import type { MapName } from '../../../../shared/contracts/enums.ts';
import type { ImportJob } from '../../../../shared/contracts/imports.ts';
import { apiFetch } from '../../../lib/api.ts';

export interface ImportOptions {
  map: MapName;
  /** null: the file carries no figures */
  period: string | null;
}

/** Uploads the file for a dry run (nothing is written); answers the background job to follow. */
export function startImport(file: File, { map, period }: ImportOptions): Promise<ImportJob> {
  const form = new FormData();
  form.set('map', map);
  if (period) form.set('period', period);
  form.set('dryRun', 'true');
  form.set('file', file, file.name);
  return apiFetch<ImportJob>('/api/v1/imports/organizations', { method: 'POST', body: form });
}

export const IMPORT_TEMPLATE_URL = '/api/v1/imports/organizations/template.xlsx';
