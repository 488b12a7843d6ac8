import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../../../lib/session.tsx';
import { dashboardSearch, parseDashboardParams, withHome, type DashboardParams } from '../utils/dashboard-params.ts';

/**
 * The dashboard's choices read from and written to the query string (each change is a history
 * entry). Without an area in the address, the signed-in user's own area.
 */
export function useDashboardParams() {
  const [search, setSearch] = useSearchParams();
  const { homeArea, homeProvince } = useSession();
  const params = useMemo(
    () => withHome(parseDashboardParams(search), { area: homeArea, province: homeProvince }),
    [search, homeArea, homeProvince],
  );
  const update = useCallback(
    (patch: Partial<DashboardParams>) =>
      setSearch((previous) => dashboardSearch({ ...parseDashboardParams(previous), ...patch })),
    [setSearch],
  );
  return { params, update };
}
