import { Box, Button, Input, Paper, SegmentedControl, Select, SimpleGrid } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { KINDS, MAPS, MAP_LABELS, type Kind, type MapName } from '../../../../shared/contracts/enums.ts';
import { AreaSelects } from '../../../components/area-selects.tsx';
import { IconFilter, IconMap } from '../../../components/icons.tsx';
import { PeriodSelect } from '../../../components/period-select.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useSession } from '../../../lib/session.tsx';
import type { DashboardParams } from '../utils/dashboard-params.ts';

const AREA_NAMES = { province: 'dashboard-province', district: 'dashboard-district', commune: 'dashboard-commune' };
const PERIOD_YEARS = 5;
const ALL = 'all';

interface DashboardFiltersProps {
  params: DashboardParams;
  onChange: (patch: Partial<DashboardParams>) => void;
}

/** The area (on either map), the period and the kind the dashboard counts. */
export function DashboardFilters({ params, onChange }: DashboardFiltersProps) {
  const { t, label } = useI18n();
  const preMerger = params.map === 'pre-2025';
  const { homeProvince } = useSession();
  // on a phone the choices fold away: the area trail and the badges below say what is shown
  const [opened, { toggle }] = useDisclosure(false);

  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      mb="lg"
      component="section"
      aria-label={t.dashboard.filters}
      data-print="hide"
    >
      <Button
        hiddenFrom="sm"
        fullWidth
        variant="light"
        leftSection={<IconFilter size={16} />}
        onClick={toggle}
        aria-expanded={opened}
        data-testid="toggle-dashboard-filters"
      >
        {t.dashboard.filters}
      </Button>
      <Box display={{ base: opened ? 'block' : 'none', sm: 'block' }} mt={{ base: opened ? 'sm' : 0, sm: 0 }}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: preMerger ? 3 : 2, lg: 3 }} spacing="sm" verticalSpacing="sm">
          <Select
            data-testid="dashboard-map"
            label={t.registry.map}
            leftSection={<IconMap size={16} />}
            data={MAPS.map((map) => ({ value: map, label: label(MAP_LABELS[map]) }))}
            value={params.map}
            allowDeselect={false}
            onChange={(map) =>
              onChange({
                map: (map ?? 'current') as MapName,
                province: null,
                district: null,
                commune: null,
                sort: null,
              })
            }
          />
          <AreaSelects
            map={params.map}
            value={params}
            names={AREA_NAMES}
            placeholders={{ province: t.dashboard.country }}
            provinceFixed={!preMerger && homeProvince !== null}
            onChange={({ province, district, commune }) => onChange({ province, district, commune })}
          />
          <PeriodSelect
            testId="dashboard-period"
            label={t.period.label}
            years={PERIOD_YEARS}
            value={params.period}
            onChange={(period) => onChange({ period })}
          />
          <Input.Wrapper label={t.registry.kind}>
            <SegmentedControl
              data-testid="dashboard-kind"
              fullWidth
              data={[
                { value: ALL, label: t.dashboard.allKinds },
                ...KINDS.map((kind) => ({ value: kind, label: kind })),
              ]}
              value={params.kind ?? ALL}
              onChange={(kind) => onChange({ kind: kind === ALL ? null : (kind as Kind) })}
            />
          </Input.Wrapper>
        </SimpleGrid>
      </Box>
    </Paper>
  );
}
