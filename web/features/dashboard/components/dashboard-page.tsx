import { Badge, Box, Button, Card, EmptyState, Group, SimpleGrid, Skeleton, Stack, Switch, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Suspense, lazy, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { KIND_LABELS, LEVEL_LABELS } from '../../../../shared/contracts/enums.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { IconArrowUp, IconChart, IconDownload, IconUpload } from '../../../components/icons.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { periodLabel } from '../../../lib/periods.ts';
import { useBreakdown } from '../api/get-breakdown.ts';
import { useStats } from '../api/get-stats.ts';
import { statsExportUrl } from '../api/export-stats.ts';
import { useDashboardParams } from '../hooks/use-dashboard-params.ts';
import { DEFAULT_DASHBOARD, dashboardQuery, drillUp } from '../utils/dashboard-params.ts';
import { AreaTrail } from './area-trail.tsx';
import { BreakdownSkeleton, BreakdownTable } from './breakdown-table.tsx';
import { DashboardFilters } from './dashboard-filters.tsx';
import { HeadlineCards, HeadlineSkeleton } from './headline-cards.tsx';
import { NarrativeCard } from './narrative-card.tsx';

const DashboardCharts = lazy(() => import('./dashboard-charts.tsx'));

function ChartsSkeleton() {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing={{ base: 'xs', sm: 'md' }} mb="lg">
      {[300, 300, 240, 240].map((height, i) => (
        <Card key={i} padding="md" shadow="none">
          <Skeleton height={14} width="30%" mb="md" />
          <Skeleton height={height} />
        </Card>
      ))}
    </SimpleGrid>
  );
}

export function DashboardPage() {
  const { t, label } = useI18n();
  const { params, update } = useDashboardParams();
  const query = useMemo(() => dashboardQuery(params), [params]);
  const stats = useStats(query);
  const breakdown = useBreakdown(query);
  const [hideEmpty, setHideEmpty] = useState(false);
  useDocumentTitle(`${t.dashboard.title} · hoptac`);

  const data = stats.data;
  const isArea = query.area !== 'VN';
  const childLevel = breakdown.data?.childLevel;

  return (
    <>
      <PageHeader
        title={t.dashboard.title}
        description={t.dashboard.description}
        actions={
          <Button
            component="a"
            href={statsExportUrl(query)}
            download
            variant="default"
            leftSection={<IconDownload size={16} />}
            data-testid="export-stats"
          >
            {t.dashboard.export}
          </Button>
        }
      />
      <DashboardFilters params={params} onChange={update} />

      <Group justify="space-between" align="center" gap="xs" mb="md">
        <AreaTrail params={params} />
        {data && (
          <Group gap={6}>
            <Badge size="lg" variant="light" data-testid="stats-period">
              {periodLabel(data.period, t.period)}
              {!params.period && ` · ${t.dashboard.latestNote}`}
            </Badge>
            {data.kind && (
              <Badge size="lg" variant="outline">
                {label(KIND_LABELS[data.kind])}
              </Badge>
            )}
          </Group>
        )}
      </Group>

      {stats.isError ? (
        <Stack gap="sm" align="flex-start">
          <ErrorAlert error={stats.error} onRetry={() => void stats.refetch()} />
          <Button variant="light" onClick={() => update({ ...DEFAULT_DASHBOARD, map: params.map })}>
            {t.dashboard.country}
          </Button>
        </Stack>
      ) : !data ? (
        <>
          <HeadlineSkeleton />
          <ChartsSkeleton />
        </>
      ) : data.organizations.total === 0 ? (
        <Card padding="xl" shadow="none">
          <EmptyState
            icon={<IconChart size={28} />}
            withIndicatorBackground
            title={params.kind ? t.dashboard.emptyKind(params.kind) : t.dashboard.empty}
            description={t.dashboard.emptyHint}
            data-testid="dashboard-empty"
          >
            <EmptyState.Actions>
              {isArea && (
                <Button
                  variant="default"
                  leftSection={<IconArrowUp size={16} />}
                  onClick={() => update(drillUp(params))}
                >
                  {t.dashboard.upOneLevel}
                </Button>
              )}
              <Button component={Link} to="/imports" leftSection={<IconUpload size={16} />}>
                {t.dashboard.importData}
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        </Card>
      ) : (
        <Box style={{ opacity: stats.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
          <HeadlineCards stats={data} />
          <Suspense fallback={<ChartsSkeleton />}>
            <DashboardCharts stats={data} />
          </Suspense>
          <NarrativeCard query={query} />
          {childLevel !== null && (
            <Card padding="md" shadow="none" component="section" aria-labelledby="breakdown-title">
              <Group justify="space-between" mb="sm" gap="xs">
                <Text fw={650} id="breakdown-title">
                  {childLevel ? t.dashboard.breakdown(label(LEVEL_LABELS[childLevel])) : t.app.loading}
                </Text>
                {childLevel && (
                  <Switch
                    size="sm"
                    label={t.dashboard.hideEmpty}
                    checked={hideEmpty}
                    onChange={(event) => setHideEmpty(event.currentTarget.checked)}
                    data-testid="hide-empty"
                    wrapperProps={{ 'data-print': 'hide' }}
                  />
                )}
              </Group>
              {breakdown.isError && <ErrorAlert error={breakdown.error} onRetry={() => void breakdown.refetch()} />}
              {breakdown.isPending && <BreakdownSkeleton />}
              {breakdown.data && (
                <Box style={{ opacity: breakdown.isPlaceholderData ? 0.6 : 1 }}>
                  <BreakdownTable
                    breakdown={breakdown.data}
                    params={params}
                    onSort={(sort) => update({ sort })}
                    hideEmpty={hideEmpty}
                  />
                  {childLevel && (
                    <Text size="xs" c="dimmed" mt="xs">
                      {t.dashboard.drillHint}
                    </Text>
                  )}
                </Box>
              )}
            </Card>
          )}
        </Box>
      )}
    </>
  );
}
