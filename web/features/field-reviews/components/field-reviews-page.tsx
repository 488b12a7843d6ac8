import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Progress,
  Select,
  SimpleGrid,
  Table,
  Text,
  useMatches,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState, type CSSProperties } from 'react';
import { Link } from 'react-router';
import {
  DIFFICULTIES,
  DIFFICULTY_LABELS,
  REVIEW_KIND_LABELS,
  type DifficultyStats,
} from '../../../../shared/contracts/field-reviews.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { IconPlus } from '../../../components/icons.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { PagedTable } from '../../../components/paged-table.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { useCan, useSession } from '../../../lib/session.tsx';
import { useDifficulties, useFieldReviews } from '../api/field-reviews.ts';

const PAGE_SIZE = 20;

/** The review log of the caller's area for a year, and the difficulties organisations named. */
export function FieldReviewsPage() {
  const { t, lang, label } = useI18n();
  const { homeArea } = useSession();
  const mayLog = useCan('reviews.edit');
  useDocumentTitle(`${t.reviews.title} · hoptac`);
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [page, setPage] = useState(1);
  const reviews = useFieldReviews({ area: homeArea, year, page });
  const difficulties = useDifficulties(homeArea, year);

  return (
    <>
      <PageHeader
        title={t.reviews.title}
        description={difficulties.data ? `${difficulties.data.area.name} · ${year}` : t.reviews.description}
        actions={
          <Group gap="sm">
            <Select
              aria-label={t.reviews.year}
              data={[0, 1, 2, 3, 4].map((n) => String(thisYear - n))}
              value={String(year)}
              onChange={(v) => {
                if (v) setYear(Number(v));
                setPage(1);
              }}
              allowDeselect={false}
              w={110}
              data-testid="reviews-year"
            />
            {mayLog && (
              <Button component={Link} to="/field-reviews/new" leftSection={<IconPlus size={16} />}>
                {t.reviews.create}
              </Button>
            )}
          </Group>
        }
      />
      {difficulties.isError && <ErrorAlert error={difficulties.error} />}
      {difficulties.data && <DifficultyCard stats={difficulties.data} />}
      <PagedTable
        query={reviews}
        head={
          <>
            <Table.Th>{t.reviews.heldOn}</Table.Th>
            <Table.Th>{t.reviews.titleField}</Table.Th>
            <Table.Th>{t.reviews.area}</Table.Th>
            <Table.Th ta="right">{t.reviews.organizations}</Table.Th>
          </>
        }
        rows={(data) =>
          data.items.map((r) => (
            <Table.Tr key={r.id} data-testid="review-row">
              <Table.Td>{formatDate(r.heldOn)}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/field-reviews/${r.id}`}>
                  {r.title}
                </Anchor>
                <Group gap={6}>
                  <Badge variant="light" size="sm">
                    {label(REVIEW_KIND_LABELS[r.kind])}
                  </Badge>
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {r.delegation}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>{r.areaName}</Table.Td>
              <Table.Td ta="right">{formatNumber(r.organizations, lang)}</Table.Td>
            </Table.Tr>
          ))
        }
        empty={t.reviews.empty}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
        minWidth={640}
        testId="reviews-table"
      />
    </>
  );
}

/** A card's own background (Mantine's Card), under a cell that others scroll beneath. */
const CARD = 'light-dark(var(--mantine-color-white), var(--mantine-color-dark-6))';

/** Organisations naming each difficulty, as bars, then the same per unit one level down. */
function DifficultyCard({ stats }: { stats: DifficultyStats }) {
  const { t, lang, label } = useI18n();
  const n = (v: number) => formatNumber(v, lang);
  const rows = stats.breakdown.filter((b) => b.organizations > 0);
  // where the table scrolls sideways anyway (below a wide laptop), it takes the room its
  // headings need to wrap to two lines or so rather than four
  const tableWidth = useMatches({ base: 1100, lg: 900 });
  // the unit's name keeps a readable width and stays in view while the figures scroll sideways
  // (a phone); opaque, over the scrolled cells, in the colour of its (striped) row
  const unitCell = (background: string): CSSProperties => ({
    position: 'sticky',
    left: 0,
    zIndex: 1,
    minWidth: 150,
    background,
    boxShadow: 'inset -1px 0 0 var(--table-border-color)',
  });
  return (
    <Card mb="md" data-testid="difficulties">
      <Text fw={600}>{t.reviews.difficulties}</Text>
      <Text size="sm" c="dimmed" mb="sm">
        {t.reviews.difficultiesHint(n(stats.organizations))}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        {DIFFICULTIES.map((d) => (
          <div key={d}>
            <Group justify="space-between" gap="xs">
              <Text size="sm">{label(DIFFICULTY_LABELS[d])}</Text>
              <Text size="sm" fw={600} data-testid={`difficulty-${d}`}>
                {n(stats.byCategory[d])}
              </Text>
            </Group>
            <Progress value={stats.organizations ? (stats.byCategory[d] / stats.organizations) * 100 : 0} aria-hidden />
          </div>
        ))}
      </SimpleGrid>
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={tableWidth} mt="md">
          <Table fz="sm" striped horizontalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th style={unitCell(CARD)}>{t.reviews.unit}</Table.Th>
                <Table.Th ta="right">{t.reviews.withDifficulties}</Table.Th>
                {DIFFICULTIES.map((d) => (
                  <Table.Th key={d} ta="right">
                    {label(DIFFICULTY_LABELS[d])}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((b, i) => (
                <Table.Tr key={b.code}>
                  <Table.Td
                    style={unitCell(i % 2 === 0 ? 'var(--table-striped-color)' : CARD)}
                    data-testid="difficulty-unit"
                  >
                    {b.name}
                  </Table.Td>
                  <Table.Td ta="right">{n(b.organizations)}</Table.Td>
                  {DIFFICULTIES.map((d) => (
                    <Table.Td key={d} ta="right">
                      {n(b.byCategory[d])}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
