import { Anchor, Badge, Card, Group, Progress, Select, SimpleGrid, Table, Tabs, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { REPORT_STATUS_LABELS, type ReportStatus } from '../../../../shared/contracts/reports.ts';
import { AreaSelects, type AreaValue } from '../../../components/area-selects.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { PagedTable } from '../../../components/paged-table.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../../../lib/format.ts';
import { periodLabel, recentPeriods } from '../../../lib/periods.ts';
import { useCan, useSession } from '../../../lib/session.tsx';
import { WorkbookPanel } from './workbook-panel.tsx';
import { useCompleteness, useReportList } from '../api/completeness.ts';

const TABS = { queue: 'submitted', missing: 'none', all: null } as const;
const AREA_NAMES = { province: 'reports-province', district: 'reports-district', commune: 'reports-commune' };

/** Completeness of the caller's area for a period, the review queue and who is missing. */
export function ReportsPage() {
  const { t, lang, label } = useI18n();
  const { homeArea, homeProvince } = useSession();
  const mayEdit = useCan('reports.edit');
  useDocumentTitle(`${t.reports.title} · hoptac`);
  const asked = useSearchParams()[0].get('period');
  const recent = recentPeriods(new Date(), 3);
  const periods = asked && !recent.includes(asked) ? [asked, ...recent] : recent;
  const [period, setPeriod] = useState(asked ?? recent.find((p) => !p.includes('-')) ?? recent[0]!);
  const [tab, setTab] = useState<keyof typeof TABS>('queue');
  const [page, setPage] = useState(1);
  // opens on the caller's own area; an officer of a province may look at one of its communes
  const [place, setPlace] = useState<AreaValue>({
    province: homeProvince,
    district: null,
    commune: homeArea !== homeProvince ? homeArea : null,
  });
  const area = place.commune ?? place.province;
  const done = useCompleteness(area, period);
  const list = useReportList({ area, period, status: TABS[tab], page });
  const n = (v: number) => formatNumber(v, lang);
  const c = done.data;

  return (
    <>
      <PageHeader
        title={t.reports.title}
        description={c ? `${c.area.name} · ${t.reports.due(formatDate(c.dueOn))}` : t.reports.description}
        actions={
          <Group gap="sm" align="flex-end">
            <AreaSelects
              map="current"
              value={place}
              names={AREA_NAMES}
              placeholders={{ province: t.dashboard.country }}
              provinceFixed={homeProvince !== null}
              onChange={(next) => {
                setPlace(next);
                setPage(1);
              }}
            />
            <Select
              label={t.reports.period}
              data={periods.map((p) => ({ value: p, label: periodLabel(p, t.period) }))}
              value={period}
              onChange={(v) => {
                if (v) setPeriod(v);
                setPage(1);
              }}
              allowDeselect={false}
              data-testid="reports-period"
            />
          </Group>
        }
      />
      {mayEdit && <WorkbookPanel area={area} period={period} />}
      {done.isError && <ErrorAlert error={done.error} />}
      {c && (
        <Card mb="md" data-testid="completeness">
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {(
              [
                [t.reports.expected, c.expected],
                [t.reports.submittedCount, c.submitted],
                [t.reports.approvedCount, c.approved],
                [t.reports.late, c.late],
              ] as const
            ).map(([name, value]) => (
              <div key={name}>
                <Text size="sm" c="dimmed">
                  {name}
                </Text>
                <Text fz={26} fw={700}>
                  {n(value)}
                </Text>
              </div>
            ))}
          </SimpleGrid>
          <Group mt="sm" gap="sm">
            <Progress value={(c.share ?? 0) * 100} style={{ flex: 1 }} aria-hidden />
            <Text size="sm">{formatPercent(c.share, lang)}</Text>
          </Group>
        </Card>
      )}
      <Tabs
        value={tab}
        onChange={(v) => {
          setTab((v as keyof typeof TABS) ?? 'queue');
          setPage(1);
        }}
      >
        <Tabs.List mb="sm">
          <Tabs.Tab value="queue">{t.reports.queue}</Tabs.Tab>
          <Tabs.Tab value="missing">{t.reports.missing}</Tabs.Tab>
          <Tabs.Tab value="all">{t.reports.all}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <PagedTable
        query={list}
        head={
          <>
            <Table.Th>{t.reports.organization}</Table.Th>
            <Table.Th>{t.org.communeCode}</Table.Th>
            <Table.Th>{t.org.status}</Table.Th>
            <Table.Th>{t.reports.submittedAt}</Table.Th>
          </>
        }
        rows={(data) =>
          data.items.map((r) => (
            <Table.Tr key={r.organizationId} data-testid="report-row">
              <Table.Td>
                <Anchor component={Link} to={`/organizations/${r.organizationId}/reports/${period}`}>
                  {r.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {r.registrationNo}
                </Text>
              </Table.Td>
              <Table.Td>{r.communeName}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Badge
                    variant="light"
                    color={r.status === 'approved' ? 'green' : r.status === 'none' ? 'gray' : 'blue'}
                  >
                    {r.status === 'none' ? t.reports.statusNone : label(REPORT_STATUS_LABELS[r.status as ReportStatus])}
                  </Badge>
                  {r.late && <Badge color="red">{t.reports.late}</Badge>}
                </Group>
              </Table.Td>
              <Table.Td>{r.submittedAt ? formatDateTime(r.submittedAt) : ''}</Table.Td>
            </Table.Tr>
          ))
        }
        empty={t.reports.empty}
        page={page}
        pageSize={50}
        onPage={setPage}
        minWidth={640}
        testId="reports-table"
      />
    </>
  );
}
