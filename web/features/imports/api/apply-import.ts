import type { ImportJob } from '../../../../shared/contracts/imports.ts';
import { apiFetch } from '../../../lib/api.ts';

/** Runs a dry run without errors again, for good; the same job then reports the real run. */
export function applyImport(id: string): Promise<ImportJob> {
  return apiFetch<ImportJob>(`/api/v1/imports/${encodeURIComponent(id)}/apply`, { method: 'POST' });
}
