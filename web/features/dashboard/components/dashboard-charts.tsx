import { Card, SimpleGrid, Text } from '@mantine/core';
import {
  GRADE_LABELS,
  KIND_LABELS,
  SECTOR_LABELS,
  STATUS_LABELS,
  type Grade,
  type Kind,
  type Sector,
} from '../../../../shared/contracts/enums.ts';
import type { Stats } from '../../../../shared/contracts/stats.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Bilingual } from '../../../i18n/lang.ts';
import { formatNumber } from '../../../lib/format.ts';
import {
  GRADE_COLORS,
  KIND_COLORS,
  STATUS_COLORS,
  chartSummary,
  columnOption,
  donutOption,
  sectorBarOption,
  type ChartOption,
  type ChartText,
  type StatusKey,
} from '../utils/chart-options.ts';
import { EChart } from './echart.tsx';

function ChartCard({
  title,
  option,
  label,
  height,
}: {
  title: string;
  option: ChartOption;
  label: string;
  height: number;
}) {
  return (
    <Card padding="md" shadow="none">
      <Text fw={650} mb="xs">
        {title}
      </Text>
      <EChart option={option} height={height} label={`${title}: ${label}`} />
    </Card>
  );
}

/** Organisations by sector, grade, kind and status; loaded apart from the page, as ECharts is large. */
export default function DashboardCharts({ stats }: { stats: Stats }) {
  const { t, lang, label } = useI18n();
  const count = (value: number) => formatNumber(value, lang);
  const text = <K extends string>(labels: Record<K, Bilingual>): ChartText<K> => ({
    label: (key) => label(labels[key]),
    count,
  });
  const { bySector, byGrade, byKind, byStatus } = stats.organizations;
  // byKind counts every kind whatever the filter: the kinds left out are greyed
  const kindColors = stats.kind ? greyExcept(KIND_COLORS, stats.kind) : KIND_COLORS;

  const sectorText = text<Sector>(SECTOR_LABELS);
  const gradeText = text<Grade>(GRADE_LABELS);
  const kindText = { label: (kind: Kind) => kind, count };
  const statusText = text<StatusKey>(STATUS_LABELS);

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing={{ base: 'xs', sm: 'md' }} mb="lg">
      <ChartCard
        title={t.dashboard.bySector}
        option={sectorBarOption(bySector, sectorText)}
        label={chartSummary(bySector, sectorText)}
        height={300}
      />
      <ChartCard
        title={t.dashboard.byGrade}
        option={donutOption(byGrade, GRADE_COLORS, gradeText)}
        label={chartSummary(byGrade, gradeText)}
        height={300}
      />
      <ChartCard
        title={t.dashboard.byKind}
        option={columnOption(byKind, kindColors, {
          ...kindText,
          label: (kind) => `${kind} · ${label(KIND_LABELS[kind])}`,
        })}
        label={chartSummary(byKind, kindText)}
        height={240}
      />
      <ChartCard
        title={t.dashboard.byStatus}
        option={donutOption(byStatus, STATUS_COLORS, statusText)}
        label={chartSummary(byStatus, statusText)}
        height={240}
      />
    </SimpleGrid>
  );
}

function greyExcept(colors: Record<Kind, string>, kind: Kind): Record<Kind, string> {
  const grey = '#dee2e6';
  return { HTX: grey, THT: grey, LHHTX: grey, [kind]: colors[kind] };
}
