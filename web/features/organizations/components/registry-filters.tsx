import { Box, Button, Group, Paper, Select, SimpleGrid, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  GRADES,
  GRADE_LABELS,
  KINDS,
  KIND_LABELS,
  MAPS,
  MAP_LABELS,
  SECTORS,
  SECTOR_LABELS,
  STATUSES,
  STATUS_LABELS,
  type MapName,
} from '../../../../shared/contracts/enums.ts';
import { IconFilter, IconFilterOff, IconMap } from '../../../components/icons.tsx';
import { SearchBox } from '../../../components/search-box.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Bilingual } from '../../../i18n/lang.ts';
import { hasFilters, type RegistryParams } from '../utils/registry-params.ts';
import { AreaSelects } from '../../../components/area-selects.tsx';
import { PeriodSelect } from '../../../components/period-select.tsx';

interface RegistryFiltersProps {
  params: RegistryParams;
  onChange: (patch: Partial<RegistryParams>, options?: { replace?: boolean }) => void;
}

const AREA_NAMES = { province: 'filter-province', district: 'filter-district', commune: 'filter-commune' };

export function RegistryFilters({ params, onChange }: RegistryFiltersProps) {
  const { t, label } = useI18n();
  const [opened, { toggle }] = useDisclosure(false);
  const active = [params.province, params.kind, params.sector, params.status, params.grade].filter(Boolean).length;

  const options = <K extends string>(keys: readonly K[], labels: Record<K, Bilingual>) =>
    keys.map((key) => ({ value: key, label: label(labels[key]) }));

  const enumSelect = <K extends string>(
    field: 'kind' | 'sector' | 'status' | 'grade',
    keys: readonly K[],
    labels: Record<K, Bilingual>,
  ) => (
    <Select<string>
      data-testid={`filter-${field}`}
      label={t.registry[field]}
      placeholder={t.registry.all}
      data={options(keys, labels)}
      value={params[field]}
      onChange={(value) => onChange({ [field]: value })}
      clearable
    />
  );

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} mb="md" component="section" aria-label={t.registry.filters}>
      <Stack gap="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <div style={{ flex: '1 1 280px' }}>
            <SearchBox
              value={params.q}
              onSearch={(q) => onChange({ q }, { replace: params.q !== '' && q !== '' })}
              placeholder={t.registry.search}
              testId="search-input"
            />
          </div>
          <Select
            data-testid="filter-map"
            aria-label={t.registry.map}
            leftSection={<IconMap size={16} />}
            w={{ base: '100%', xs: 250 }}
            data={options(MAPS, MAP_LABELS)}
            value={params.map}
            allowDeselect={false}
            onChange={(map) =>
              onChange({ map: (map ?? 'current') as MapName, province: null, district: null, commune: null })
            }
          />
        </Group>
        <Button
          hiddenFrom="sm"
          variant="light"
          leftSection={<IconFilter size={16} />}
          onClick={toggle}
          aria-expanded={opened}
          data-testid="toggle-filters"
        >
          {t.registry.filters}
          {active > 0 && ` (${active})`}
        </Button>
        <Box display={{ base: opened ? 'block' : 'none', sm: 'block' }}>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }} spacing="sm">
            <AreaSelects
              map={params.map}
              value={params}
              names={AREA_NAMES}
              onChange={({ province, district, commune }) => onChange({ province, district, commune })}
            />
            {enumSelect('kind', KINDS, KIND_LABELS)}
            {enumSelect('sector', SECTORS, SECTOR_LABELS)}
            {enumSelect('status', STATUSES, STATUS_LABELS)}
            {enumSelect('grade', GRADES, GRADE_LABELS)}
            <PeriodSelect
              testId="filter-period"
              label={t.registry.period}
              years={8}
              value={params.period}
              onChange={(period) => onChange({ period })}
            />
          </SimpleGrid>
        </Box>
        {hasFilters(params) && (
          <Group justify="flex-end">
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconFilterOff size={14} />}
              onClick={() =>
                onChange({
                  q: '',
                  province: null,
                  district: null,
                  commune: null,
                  kind: null,
                  sector: null,
                  status: null,
                  grade: null,
                })
              }
              data-testid="clear-filters"
            >
              {t.registry.clearFilters}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
