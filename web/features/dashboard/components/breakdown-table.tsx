import { Anchor, Group, Skeleton, Table, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { KINDS } from '../../../../shared/contracts/enums.ts';
import type { BreakdownFigures, StatsBreakdown } from '../../../../shared/contracts/stats.ts';
import { IconSelector, IconSortAsc, IconSortDesc } from '../../../components/icons.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatNumber, formatPercent } from '../../../lib/format.ts';
import {
  dashboardSearch,
  drillDown,
  type BreakdownColumn,
  type BreakdownSort,
  type DashboardParams,
} from '../utils/dashboard-params.ts';
import { nextSort, sortBreakdown } from '../utils/sort-breakdown.ts';
import classes from './breakdown-table.module.css';

interface BreakdownTableProps {
  breakdown: StatsBreakdown;
  params: DashboardParams;
  onSort: (sort: BreakdownSort) => void;
  /** leave out the units without any organisation */
  hideEmpty: boolean;
}

function SortTh({
  column,
  sort,
  onSort,
  children,
  className,
}: {
  column: BreakdownColumn;
  sort: BreakdownSort;
  onSort: (sort: BreakdownSort) => void;
  children: ReactNode;
  className?: string;
}) {
  const direction = sort === column ? 'ascending' : sort === `-${column}` ? 'descending' : 'none';
  const Icon = direction === 'ascending' ? IconSortAsc : direction === 'descending' ? IconSortDesc : IconSelector;
  return (
    <Table.Th aria-sort={direction} className={className}>
      <UnstyledButton onClick={() => onSort(nextSort(sort, column))} fw={600} fz="sm" data-testid={`sort-${column}`}>
        <Group gap={4} wrap="nowrap" justify={column === 'name' ? 'flex-start' : 'flex-end'}>
          {children}
          <Icon size={14} style={{ opacity: direction === 'none' ? 0.4 : 1, flex: 'none' }} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/** One row per unit below the area; clicking a unit makes it the area. */
export function BreakdownTable({ breakdown, params, onSort, hideEmpty }: BreakdownTableProps) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const level = breakdown.childLevel;
  const rows = sortBreakdown(hideEmpty ? breakdown.items.filter((row) => row.total > 0) : breakdown.items, params.sort);
  const n = (value: number | null) => formatNumber(value, lang);
  // the unit is in the column's title, as in printed report tables
  const millions = (vnd: number | null) => formatNumber(vnd === null ? null : vnd / 1e6, lang, 2);

  const figures = (row: BreakdownFigures) => (
    <>
      <Table.Td ta="right" fw={600}>
        {n(row.total)}
      </Table.Td>
      {KINDS.map((kind) => (
        <Table.Td key={kind} ta="right">
          {n(row.byKind[kind])}
        </Table.Td>
      ))}
      <Table.Td ta="right">{n(row.members)}</Table.Td>
      <Table.Td ta="right">{n(row.workers)}</Table.Td>
      <Table.Td ta="right">
        {formatPercent(row.effective.share, lang)}
        {row.effective.graded > 0 && (
          <Text span size="xs" c="dimmed" ml={6}>
            {n(row.effective.count)}/{n(row.effective.graded)}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">{millions(row.incomePerWorkerMonthVnd)}</Table.Td>
    </>
  );

  return (
    <Table.ScrollContainer minWidth={820} type="native">
      <Table highlightOnHover={false} verticalSpacing="xs" fz="sm" data-testid="breakdown-table">
        <Table.Thead className={classes.head}>
          <Table.Tr>
            <SortTh column="name" sort={params.sort} onSort={onSort} className={classes.sticky}>
              {t.dashboard.unit}
            </SortTh>
            <SortTh column="total" sort={params.sort} onSort={onSort}>
              {t.dashboard.totalCol}
            </SortTh>
            {KINDS.map((kind) => (
              <Table.Th key={kind} ta="right">
                {kind}
              </Table.Th>
            ))}
            <SortTh column="members" sort={params.sort} onSort={onSort}>
              {t.dashboard.members}
            </SortTh>
            <SortTh column="workers" sort={params.sort} onSort={onSort}>
              {t.detail.workers}
            </SortTh>
            <SortTh column="effective" sort={params.sort} onSort={onSort}>
              {t.dashboard.effectiveCol}
            </SortTh>
            <SortTh column="income" sort={params.sort} onSort={onSort}>
              {t.dashboard.incomeCol}
            </SortTh>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {level &&
            rows.map((row) => {
              const to = { search: `?${dashboardSearch(drillDown(params, level, row.code))}` };
              return (
                <Table.Tr
                  key={row.code}
                  className={`${classes.row} ${row.total === 0 ? classes.empty : ''}`}
                  onClick={() => void navigate(to)}
                  data-testid="breakdown-row"
                  data-code={row.code}
                >
                  <Table.Td className={classes.sticky} miw={200}>
                    <Anchor
                      component={Link}
                      to={to}
                      c={row.total === 0 ? 'dimmed' : undefined}
                      fw={500}
                      fz="sm"
                      onClick={(event) => event.stopPropagation()}
                    >
                      {row.name}
                    </Anchor>
                  </Table.Td>
                  {figures(row)}
                </Table.Tr>
              );
            })}
          {breakdown.unplaced && breakdown.unplaced.total > 0 && (
            <Table.Tr className={classes.unplaced} data-testid="breakdown-unplaced">
              <Table.Td className={classes.sticky}>{t.dashboard.unplaced}</Table.Td>
              {figures(breakdown.unplaced)}
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function BreakdownSkeleton() {
  return (
    <>
      {Array.from({ length: 6 }, (_, i) => (
        <Skeleton key={i} height={28} mb={8} />
      ))}
    </>
  );
}
