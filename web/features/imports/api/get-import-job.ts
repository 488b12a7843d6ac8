import type { ImportJob } from '../../../../shared/contracts/imports.ts';
import { apiFetch } from '../../../lib/api.ts';

/** The progress and, once over, the result of an import. */
export function getImportJob(id: string, signal?: AbortSignal): Promise<ImportJob> {
  return apiFetch<ImportJob>(`/api/v1/imports/${encodeURIComponent(id)}`, { signal });
}
