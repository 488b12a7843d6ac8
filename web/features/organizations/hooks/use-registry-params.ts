import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseRegistryParams, registrySearch, type RegistryParams } from '../utils/registry-params.ts';

interface UpdateOptions {
  /** Replace the history entry (typing in the search box) instead of adding one. */
  replace?: boolean;
}

/** The registry's filters read from and written to the query string; a change of filter goes back to page 1. */
export function useRegistryParams() {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => parseRegistryParams(search), [search]);

  const update = useCallback(
    (patch: Partial<RegistryParams>, { replace = false }: UpdateOptions = {}) => {
      setSearch(
        (previous) => {
          const current = parseRegistryParams(previous);
          return registrySearch({ ...current, page: 1, ...patch });
        },
        { replace },
      );
    },
    [setSearch],
  );

  return { params, update };
}
