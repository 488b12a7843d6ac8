import { Card, Group, Progress, SimpleGrid, Skeleton, Stack, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { KINDS } from '../../../../shared/contracts/enums.ts';
import type { Stats } from '../../../../shared/contracts/stats.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { EMPTY, formatMoneyShort, formatNumber, formatPercent } from '../../../lib/format.ts';

interface HeadlineProps {
  label: string;
  value: string;
  sub?: ReactNode;
  /** on hover, focus or tap: the total behind an average */
  hint?: string;
  testId?: string;
  children?: ReactNode;
}

/** "6,21 triệu đồng" → "6,21" and "triệu đồng", so that the unit can be smaller than the figure. */
const FIGURE_AND_UNIT = /^(-?[\d.,]+)( .+)$/;

function Headline({ label, value, sub, hint, testId, children }: HeadlineProps) {
  const [, figure = value, unit] = FIGURE_AND_UNIT.exec(value) ?? [];
  const display = (
    <Text fz={{ base: 22, sm: 26 }} fw={700} lh={1.15} c={value === EMPTY ? 'dimmed' : undefined} data-testid={testId}>
      {figure}
      {unit && (
        <Text span fz={{ base: 13, sm: 15 }} fw={600} c="dimmed">
          {unit}
        </Text>
      )}
    </Text>
  );
  return (
    <Card padding="md" shadow="none">
      <Stack gap={4}>
        <Text size="sm" c="dimmed" fw={500} lh={1.3}>
          {label}
        </Text>
        {hint ? (
          <Tooltip label={hint} events={{ hover: true, focus: true, touch: true }} position="bottom-start">
            <span tabIndex={0} style={{ width: 'fit-content', cursor: 'help' }}>
              {display}
            </span>
          </Tooltip>
        ) : (
          display
        )}
        {sub && (
          <Text size="xs" c="dimmed" lh={1.35}>
            {sub}
          </Text>
        )}
        {children}
      </Stack>
    </Card>
  );
}

const GRID = { base: 2, md: 4 } as const;

/** The figures an official quotes first: counts, members, effective share, income, averages. */
export function HeadlineCards({ stats }: { stats: Stats }) {
  const { t, lang } = useI18n();
  const n = (value: number | null) => formatNumber(value, lang);
  const money = (vnd: number | null) => formatMoneyShort(vnd, lang);
  const { organizations, effective, averages, totals } = stats;
  const average = (label: string, avg: number | null, total: number | null) => (
    <Headline
      label={label}
      value={money(avg)}
      sub={avg === null ? t.dashboard.noFigure : t.dashboard.perOrg}
      hint={total === null ? undefined : t.dashboard.total(money(total))}
    />
  );

  return (
    <SimpleGrid cols={GRID} spacing={{ base: 'xs', sm: 'md' }} mb="lg">
      <Headline
        label={t.dashboard.organizations}
        value={n(organizations.total)}
        testId="stats-total"
        sub={KINDS.map((kind) => `${n(organizations.byKind[kind])} ${kind}`).join(' · ')}
      />
      <Headline label={t.dashboard.members} value={n(stats.members)} />
      <Headline label={t.dashboard.workers} value={n(stats.workers)} />
      <Headline
        label={t.dashboard.effective}
        value={formatPercent(effective.share, lang)}
        testId="stats-effective"
        sub={
          effective.graded > 0
            ? t.dashboard.effectiveDetail(n(effective.count), n(effective.graded))
            : t.dashboard.notGraded
        }
      >
        <Progress value={(effective.share ?? 0) * 100} color="green.7" size="sm" mt={4} aria-hidden />
      </Headline>
      <Headline
        label={t.dashboard.income}
        value={money(averages.incomePerWorkerMonthVnd)}
        sub={averages.incomePerWorkerMonthVnd === null ? t.dashboard.noFigure : t.dashboard.perMonth}
      />
      {average(t.dashboard.avgCapital, averages.charterCapitalVnd, totals.charterCapitalVnd)}
      {average(t.dashboard.avgRevenue, averages.revenueVnd, totals.revenueVnd)}
      {average(t.dashboard.avgProfit, averages.profitVnd, totals.profitVnd)}
    </SimpleGrid>
  );
}

export function HeadlineSkeleton() {
  return (
    <SimpleGrid cols={GRID} spacing={{ base: 'xs', sm: 'md' }} mb="lg">
      {Array.from({ length: 8 }, (_, i) => (
        <Card key={i} padding="md" shadow="none">
          <Skeleton height={12} width="60%" mb={10} />
          <Skeleton height={26} width="45%" mb={8} />
          <Group>
            <Skeleton height={10} width="70%" />
          </Group>
        </Card>
      ))}
    </SimpleGrid>
  );
}
