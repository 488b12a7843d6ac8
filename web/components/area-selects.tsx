import { Select } from '@mantine/core';
import type { ReactNode } from 'react';
import type { MapName } from '../../shared/contracts/enums.ts';
import { foldedFilter } from './folded-filter.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useAreaUnits } from '../lib/area-units.ts';

export interface AreaValue {
  province: string | null;
  district: string | null;
  commune: string | null;
}
type Level = keyof AreaValue;

interface AreaSelectsProps {
  map: MapName;
  value: AreaValue;
  onChange: (value: AreaValue) => void;
  /** `name` and `data-testid` of each select, for forms and browser tests. */
  names: Record<Level, string>;
  labels?: Partial<Record<Level, string>>;
  errors?: Partial<Record<Level, ReactNode>>;
  descriptions?: Partial<Record<Level, ReactNode>>;
  required?: boolean;
  /** Shown in an empty select whose parent is chosen; "all" by default (filters). */
  placeholder?: string;
  /** A placeholder for one level only ("whole country" for the province on the dashboard). */
  placeholders?: Partial<Record<Level, string>>;
  /** Only the province is asked (an account of a province's staff). */
  provinceOnly?: boolean;
  /** The province is shown, not chosen: the caller reads no other (staff of a province or a commune). */
  provinceFixed?: boolean;
}

/**
 * Cascading selects: province, then (pre-2025 map only) district, then commune.
 * Renders the selects side by side without a wrapper so the parent lays them out.
 */
export function AreaSelects({
  map,
  value,
  onChange,
  names,
  labels,
  errors,
  descriptions,
  required,
  placeholder,
  placeholders,
  provinceOnly,
  provinceFixed,
}: AreaSelectsProps) {
  const { t } = useI18n();
  const hasDistricts = map === 'pre-2025' && !provinceOnly;
  const communeParent = hasDistricts ? value.district : value.province;

  const provinces = useAreaUnits(map, null);
  const districts = useAreaUnits(map, hasDistricts ? (value.province ?? undefined) : undefined);
  const communes = useAreaUnits(map, provinceOnly ? undefined : (communeParent ?? undefined));

  const options = (query: typeof provinces) =>
    (query.data?.items ?? []).map((unit) => ({ value: unit.code, label: unit.fullName }));

  const select = (
    level: Level,
    query: typeof provinces,
    parentChosen: boolean,
    next: (code: string | null) => AreaValue,
  ) => (
    <Select
      key={level}
      name={names[level]}
      data-testid={names[level]}
      label={labels?.[level] ?? t.registry[level]}
      placeholder={parentChosen ? (placeholders?.[level] ?? placeholder ?? t.registry.all) : undefined}
      data={options(query)}
      value={value[level]}
      onChange={(code) => onChange(next(code))}
      disabled={!parentChosen}
      readOnly={level === 'province' && provinceFixed}
      searchable
      clearable={!(level === 'province' && provinceFixed)}
      filter={foldedFilter}
      nothingFoundMessage={query.isFetching ? t.app.loading : t.units.none}
      error={errors?.[level]}
      description={descriptions?.[level]}
      required={required && level === 'province'}
      comboboxProps={{ withinPortal: true }}
    />
  );

  return (
    <>
      {select('province', provinces, true, (province) => ({ province, district: null, commune: null }))}
      {hasDistricts &&
        select('district', districts, value.province !== null, (district) => ({ ...value, district, commune: null }))}
      {!provinceOnly && select('commune', communes, communeParent !== null, (commune) => ({ ...value, commune }))}
    </>
  );
}
