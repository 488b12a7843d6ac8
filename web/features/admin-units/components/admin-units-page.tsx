import { Card, EmptyState, Grid, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { MAPS, MAP_LABELS, type MapName } from '../../../../shared/contracts/enums.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { IconMap } from '../../../components/icons.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { SearchBox } from '../../../components/search-box.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { useUnit } from '../api/get-unit.ts';
import { useUnits } from '../api/list-units.ts';
import { useUnitParams } from '../hooks/use-unit-params.ts';
import { UnitBreadcrumbs } from './unit-breadcrumbs.tsx';
import { UnitDetailPanel } from './unit-detail-panel.tsx';
import { UnitList } from './unit-list.tsx';

export function AdminUnitsPage() {
  const { t, lang, label } = useI18n();
  const { params, update } = useUnitParams();
  useDocumentTitle(`${t.units.title} · hoptac`);

  const detail = useUnit(params.map, params.unit);
  const unit = detail.data;
  // the list shows the selected unit's children, or its siblings when it has none
  const parent = unit ? (unit.childCount > 0 ? unit.code : unit.parentCode) : null;
  const searching = params.q !== '';
  const list = useUnits(
    searching ? { map: params.map, q: params.q } : { map: params.map, parent },
    searching || !params.unit || Boolean(unit),
  );
  const provinces = useUnits({ map: params.map, parent: null });
  const provinceNames = new Map(provinces.data?.items.map((p) => [p.code, p.name]));
  const n = (value: number) => formatNumber(value, lang);

  const heading = searching
    ? t.units.results(n(list.data?.total ?? 0))
    : parent
      ? t.units.children(n(list.data?.total ?? 0))
      : t.units.provinces;

  return (
    <>
      <PageHeader title={t.units.title} description={t.units.description} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }} order={{ base: 2, md: 1 }}>
          <Card p="sm">
            <Stack gap="sm">
              <SegmentedControl
                fullWidth
                styles={{ label: { whiteSpace: 'normal', lineHeight: 1.3 } }}
                data-testid="unit-map"
                value={params.map}
                onChange={(map) => update({ map: map as MapName, unit: null })}
                data={MAPS.map((m) => ({ value: m, label: label(MAP_LABELS[m]) }))}
              />
              <SearchBox
                value={params.q}
                onSearch={(q) => update({ q }, { replace: true })}
                placeholder={t.units.search}
                testId="unit-search"
              />
              {!searching && <UnitBreadcrumbs unit={unit} onSelect={(code) => update({ unit: code })} />}
              <Group justify="space-between">
                <Text size="xs" fw={600} c="dimmed" tt="uppercase" lts={0.4}>
                  {heading}
                </Text>
              </Group>
              {list.isError ? (
                <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
              ) : (
                <UnitList
                  units={list.data?.items}
                  selected={params.unit}
                  onSelect={(code) => update({ unit: code, q: '' })}
                  showContext={searching}
                  provinceNames={provinceNames}
                />
              )}
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }} order={{ base: 1, md: 2 }}>
          {detail.isError ? (
            <ErrorAlert error={detail.error} />
          ) : unit ? (
            <UnitDetailPanel unit={unit} />
          ) : (
            <Card visibleFrom="md">
              <EmptyState py="xl" icon={<IconMap size={26} />} withIndicatorBackground title={t.units.selectHint} />
            </Card>
          )}
        </Grid.Col>
      </Grid>
    </>
  );
}
