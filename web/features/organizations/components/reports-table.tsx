import { Badge, Card, Table, Text, Title } from '@mantine/core';
import { GRADE_LABELS } from '../../../../shared/contracts/enums.ts';
import type { OrganizationDetail } from '../../../../shared/contracts/organizations.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { EMPTY, formatMoney, formatMoneyShort, formatNumber } from '../../../lib/format.ts';
import { periodLabel } from '../../../lib/periods.ts';

const GRADE_COLORS = { good: 'teal', fair: 'blue', average: 'yellow', weak: 'red', unrated: 'gray' } as const;

/** Figures per period (newest first), money in the short official form with the exact amount on hover. */
export function ReportsTable({ reports }: { reports: OrganizationDetail['reports'] }) {
  const { t, lang, label } = useI18n();
  const money = (vnd: number | null) => (
    <span title={vnd === null ? undefined : formatMoney(vnd, lang)}>{formatMoneyShort(vnd, lang)}</span>
  );
  const heads = [
    t.detail.members,
    t.detail.workers,
    t.detail.charterCapital,
    t.detail.revenue,
    t.detail.profit,
    t.detail.incomePerWorker,
  ];
  return (
    <Card data-testid="reports">
      <Title order={2} fz="lg" mb="md">
        {t.detail.reports}
      </Title>
      {reports.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t.detail.noReports}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.detail.period}</Table.Th>
                {heads.map((head) => (
                  <Table.Th key={head} ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {head}
                  </Table.Th>
                ))}
                <Table.Th>{t.detail.grade}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reports.map((report) => (
                <Table.Tr key={report.period} data-testid="report-row" style={{ whiteSpace: 'nowrap' }}>
                  <Table.Td fw={600}>{periodLabel(report.period, t.period)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(report.members, lang)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(report.workers, lang)}</Table.Td>
                  <Table.Td ta="right">{money(report.charterCapitalVnd)}</Table.Td>
                  <Table.Td ta="right">{money(report.revenueVnd)}</Table.Td>
                  <Table.Td ta="right" c={report.profitVnd !== null && report.profitVnd < 0 ? 'red' : undefined}>
                    {money(report.profitVnd)}
                  </Table.Td>
                  <Table.Td ta="right">{money(report.incomePerWorkerMonthVnd)}</Table.Td>
                  <Table.Td>
                    {report.grade ? (
                      <Badge color={GRADE_COLORS[report.grade]}>{label(GRADE_LABELS[report.grade])}</Badge>
                    ) : (
                      EMPTY
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
