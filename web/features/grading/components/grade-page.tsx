import { Alert, Badge, Button, Card, Group, NumberInput, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useParams } from 'react-router';
import { GRADE_LABELS } from '../../../../shared/contracts/enums.ts';
import type { Grade, GradingScheme } from '../../../../shared/contracts/grading.ts';
import { scoreGrade } from '../../../../shared/rules/grade.ts';
import { BackLink } from '../../../components/back-link.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useLeaveGuard } from '../../../components/leave-guard.tsx';
import { useNotify } from '../../../components/notifications.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { useGrade, useSaveGrade, useSchemes } from '../api/grades.ts';

/** The scoring sheet of an organisation for a year: points per criterion; total and grade computed. */
export function GradePage() {
  const { t } = useI18n();
  const params = useParams();
  const id = Number(params.id);
  const year = params.year ?? '';
  const schemes = useSchemes();
  const grade = useGrade(id, year);
  useDocumentTitle(`${t.grading.title(year)} · hoptac`);
  if (schemes.isError || grade.isError) return <ErrorAlert error={schemes.error ?? grade.error} />;
  if (!schemes.data || grade.isPending) return <Skeleton height={400} />;
  const scheme = schemes.data.find((s) => s.code === grade.data?.scheme) ?? schemes.data[0]!;
  return (
    <>
      <PageHeader
        above={<BackLink to={`/organizations/${id}`} label={t.detail.back} />}
        title={t.grading.title(year)}
        description={scheme.name}
      />
      <Sheet key={grade.data?.version ?? 0} id={id} year={year} scheme={scheme} grade={grade.data} />
    </>
  );
}

function Sheet({ id, year, scheme, grade }: { id: number; year: string; scheme: GradingScheme; grade: Grade | null }) {
  const { t, lang, label } = useI18n();
  const notify = useNotify();
  const save = useSaveGrade(id, year);
  const stored: Record<string, number> = grade?.source === 'scored' && grade.scores ? grade.scores : {};
  const [scores, setScores] = useState<Record<string, number | undefined>>(stored);
  const filled = Object.fromEntries(Object.entries(scores).filter((e): e is [string, number] => e[1] !== undefined));
  const codes = new Set([...Object.keys(filled), ...Object.keys(stored)]);
  const leave = useLeaveGuard([...codes].some((code) => filled[code] !== stored[code]));
  const scored = scoreGrade(scheme, filled);
  const complete = scored.issues.length === 0;
  return (
    <Stack gap="md">
      {leave.dialog}
      {grade && (
        <Alert color={grade.source === 'import' ? 'gray' : 'teal'} data-testid="current-grade">
          {grade.source === 'import'
            ? `${t.grading.imported}: ${label(GRADE_LABELS[grade.grade])}`
            : t.grading.current(label(GRADE_LABELS[grade.grade]), formatNumber(grade.total, lang, 1))}
        </Alert>
      )}
      {save.error && <ErrorAlert error={save.error} />}
      <Card p={0}>
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs" data-testid="grade-sheet">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.grading.criterion}</Table.Th>
                <Table.Th ta="right">{t.grading.max}</Table.Th>
                <Table.Th w={140}>{t.grading.points}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {scheme.criteria.map((c) => (
                <Table.Tr key={c.code}>
                  <Table.Td>
                    <Text size="sm">
                      {c.code}. {lang === 'vi' ? c.name : c.nameEn}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(c.maxPoints, lang)}</Table.Td>
                  <Table.Td>
                    <NumberInput
                      size="xs"
                      min={0}
                      max={c.maxPoints}
                      step={0.5}
                      decimalScale={1}
                      decimalSeparator={lang === 'vi' ? ',' : '.'}
                      value={scores[c.code] ?? ''}
                      onChange={(v) => setScores((s) => ({ ...s, [c.code]: typeof v === 'number' ? v : undefined }))}
                      aria-label={`${c.code} ${c.name}`}
                      data-testid={`score-${c.code}`}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <Group justify="space-between">
        <Group gap="sm">
          <Text fw={600}>
            {t.grading.total}: <span data-testid="grade-total">{formatNumber(scored.total, lang, 1)}</span>
          </Text>
          {complete && (
            <Badge size="lg" data-testid="grade-result">
              {label(GRADE_LABELS[scored.grade])}
            </Badge>
          )}
        </Group>
        <Button
          disabled={!complete}
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              { scheme: scheme.code, scores: filled, ...(grade && { version: grade.version }) },
              { onSuccess: () => notify({ title: t.grading.saved }) },
            )
          }
          data-testid="grade-save"
        >
          {t.grading.save}
        </Button>
      </Group>
    </Stack>
  );
}
