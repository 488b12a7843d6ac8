import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { dashboardSearch, parseDashboardParams, type DashboardParams } from '../utils/dashboard-params.ts';

/** The dashboard's choices read from and written to the query string (each change is a history entry). */
export function useDashboardParams() {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => parseDashboardParams(search), [search]);
  const update = useCallback(
    (patch: Partial<DashboardParams>) =>
      setSearch((previous) => dashboardSearch({ ...parseDashboardParams(previous), ...patch })),
    [setSearch],
  );
  return { params, update };
}
