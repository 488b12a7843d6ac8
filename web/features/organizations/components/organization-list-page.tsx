import { Box, Button, EmptyState, Group, Loader, Paper, Select, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { IconBuilding, IconDownload, IconPlus } from '../../../components/icons.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { useCan } from '../../../lib/session.tsx';
import { useOrganizations } from '../../../lib/organization-list.ts';
import { useRegistryParams } from '../hooks/use-registry-params.ts';
import {
  DEFAULT_PARAMS,
  PAGE_SIZES,
  hasFilters,
  lastPageIfPastEnd,
  registryExportUrl,
  registryQuery,
} from '../utils/registry-params.ts';
import { OrganizationCards } from './organization-cards.tsx';
import { OrganizationTable } from './organization-table.tsx';
import { RegistryFilters } from './registry-filters.tsx';
import { Pager } from '../../../components/pager.tsx';

const SKELETON_ROWS = 8;

export function OrganizationListPage() {
  const { t, lang } = useI18n();
  const { params, update } = useRegistryParams();
  const list = useOrganizations(registryQuery(params));
  const canCreate = useCan('organizations.create');
  useDocumentTitle(`${t.registry.title} · hoptac`);

  const answer = list.isPlaceholderData ? undefined : list.data;
  const lastPage = answer
    ? lastPageIfPastEnd(params.page, params.pageSize, { total: answer.total, rows: answer.items.length })
    : null;
  // a page past the end goes to the last page, in place of the address that named it
  useEffect(() => {
    if (lastPage !== null) update({ page: lastPage }, { replace: true });
  }, [lastPage, update]);

  // rows counted but none shown: a page past the end, or its answer kept while the last page
  // loads; the rows are loading rather than missing
  const pastEnd = list.data !== undefined && list.data.total > 0 && list.data.items.length === 0;
  const items = pastEnd ? undefined : list.data?.items;
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / params.pageSize));
  const first = (params.page - 1) * params.pageSize + 1;
  const n = (value: number) => formatNumber(value, lang);

  return (
    <>
      <PageHeader
        title={t.registry.title}
        description={t.registry.description}
        actions={
          <>
            <Button
              component="a"
              href={registryExportUrl(params)}
              download
              variant="default"
              leftSection={<IconDownload size={16} />}
              data-testid="export-organizations"
            >
              {t.registry.export}
            </Button>
            {canCreate && (
              <Button
                component={Link}
                to="/organizations/new"
                leftSection={<IconPlus size={16} />}
                data-testid="create-button"
              >
                {t.registry.create}
              </Button>
            )}
          </>
        }
      />
      <RegistryFilters params={params} onChange={update} />

      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}

      {!list.isError && (
        <Paper withBorder style={{ overflow: 'hidden' }}>
          <Group justify="space-between" px="md" py="sm" gap="sm" bg="gray.0">
            <Group gap="xs">
              <Text fw={650} data-testid="total-count">
                {list.data ? t.registry.total(n(total)) : t.app.loading}
              </Text>
              {list.isFetching && list.data && <Loader size={14} />}
            </Group>
            {total > 0 && items && (
              <Text size="sm" c="dimmed">
                {t.registry.range(n(first), n(Math.min(first + params.pageSize - 1, total)), n(total))}
              </Text>
            )}
          </Group>

          {items?.length === 0 ? (
            <EmptyState
              py={56}
              icon={<IconBuilding size={28} />}
              withIndicatorBackground
              title={t.registry.empty}
              description={t.registry.emptyHint}
              data-testid="empty-state"
            >
              {hasFilters(params) && (
                <EmptyState.Actions>
                  <Button
                    variant="light"
                    onClick={() => update({ ...DEFAULT_PARAMS, map: params.map, pageSize: params.pageSize })}
                  >
                    {t.registry.clearFilters}
                  </Button>
                </EmptyState.Actions>
              )}
            </EmptyState>
          ) : (
            <Box style={{ opacity: list.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
              <Box visibleFrom="sm">
                <OrganizationTable
                  items={items}
                  sort={params.sort}
                  onSort={(sort) => update({ sort })}
                  skeletonRows={SKELETON_ROWS}
                />
              </Box>
              <Box hiddenFrom="sm" p="sm">
                <OrganizationCards items={items} skeletonRows={SKELETON_ROWS} />
              </Box>
            </Box>
          )}

          <Group
            justify="space-between"
            px="md"
            py="sm"
            gap="sm"
            style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
          >
            <Select
              aria-label={t.registry.pageSize}
              data-testid="page-size"
              w={90}
              size="xs"
              data={PAGE_SIZES.map((size) => String(size))}
              value={String(params.pageSize)}
              allowDeselect={false}
              onChange={(value) => update({ pageSize: Number(value) })}
            />
            <Pager
              total={pages}
              value={Math.min(params.page, pages)}
              onChange={(page) => update({ page })}
              size="sm"
              siblings={1}
              boundaries={1}
              data-testid="pagination"
            />
          </Group>
        </Paper>
      )}
    </>
  );
}
