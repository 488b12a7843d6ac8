import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { useOrganizations } from '../lib/organization-list.ts';

export interface PickedOrganization {
  id: number;
  name: string;
  registrationNo: string;
}

type Passed = Pick<SelectProps, 'label' | 'description' | 'placeholder' | 'error' | 'required' | 'disabled'>;

/**
 * Finds an organisation by name or registration number, without diacritics ("tuan tu" finds
 * "Tuấn Tú"), asking the registry as one types. `value` is the chosen one (null: none, or a
 * picker that adds to a list and clears itself); `exclude` hides those already taken.
 */
export function OrganizationSelect({
  area,
  value,
  exclude = [],
  onChange,
  testId,
  ...passed
}: Passed & {
  area?: string | null;
  value: PickedOrganization | null;
  exclude?: number[];
  onChange: (org: PickedOrganization | null) => void;
  testId: string;
}) {
  const { t } = useI18n();
  const label = (o: PickedOrganization) => (o.registrationNo ? `${o.name} · ${o.registrationNo}` : o.name);
  const [search, setSearch] = useState(value ? label(value) : '');
  const [q] = useDebouncedValue(search, 250);
  // the chosen one's label in the box is not a search
  const asked = value && q === label(value) ? '' : q;
  const found = useOrganizations({
    q: asked || undefined,
    area: area ?? undefined,
    sort: 'name',
    page: 1,
    pageSize: 20,
  });
  const items: PickedOrganization[] = (found.data?.items ?? []).filter((o) => !exclude.includes(o.id));
  if (value && !items.some((o) => o.id === value.id)) items.unshift(value);
  return (
    <Select
      {...passed}
      searchable
      clearable={value !== null}
      allowDeselect={false}
      searchValue={search}
      onSearchChange={setSearch}
      value={value ? String(value.id) : null}
      data={items.map((o) => ({ value: String(o.id), label: label(o) }))}
      filter={({ options }) => options}
      onChange={(id) => {
        const org = items.find((o) => String(o.id) === id);
        onChange(org ? { id: org.id, name: org.name, registrationNo: org.registrationNo } : null);
        setSearch(''); // Select puts the chosen one's label back when `value` follows
      }}
      nothingFoundMessage={found.isFetching ? t.app.loading : t.registry.empty}
      comboboxProps={{ withinPortal: true }}
      data-testid={testId}
    />
  );
}
