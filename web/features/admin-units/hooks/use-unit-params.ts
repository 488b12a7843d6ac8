import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { MAPS, type MapName } from '../../../../shared/contracts/enums.ts';

export interface UnitParams {
  map: MapName;
  /** The selected unit. */
  unit: string | null;
  q: string;
}

const CODE = /^\d{2,5}$/;

/** The browser's map, selected unit and search, kept in the query string. */
export function useUnitParams() {
  const [search, setSearch] = useSearchParams();
  const params = useMemo<UnitParams>(() => {
    const unit = search.get('unit');
    return {
      map: MAPS.find((m) => m === search.get('map')) ?? 'current',
      unit: unit && CODE.test(unit) ? unit : null,
      q: search.get('q') ?? '',
    };
  }, [search]);

  const update = useCallback(
    (patch: Partial<UnitParams>, { replace = false } = {}) => {
      const next = { ...params, ...patch };
      const out = new URLSearchParams();
      if (next.map !== 'current') out.set('map', next.map);
      if (next.unit) out.set('unit', next.unit);
      if (next.q) out.set('q', next.q);
      setSearch(out, { replace });
    },
    [params, setSearch],
  );

  return { params, update };
}
