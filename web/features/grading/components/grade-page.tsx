import { Alert, Badge, Button, Card, Group, NumberInput, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useParams } from 'react-router';
import { GRADE_LABELS } from '../../../../shared/contracts/enums.ts';
import { gradeSchema, type Grade, type GradingScheme } from '../../../../shared/contracts/grading.ts';
import { scoreGrade } from '../../../../shared/rules/grade.ts';
import { BackLink } from '../../../components/back-link.tsx';
import { ConflictAlert } from '../../../components/conflict-alert.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useLeaveGuard } from '../../../components/leave-guard.tsx';
import { useNotify } from '../../../components/notifications.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useOrganization } from '../../../lib/organization.ts';
import { conflictCurrent } from '../../../lib/api.ts';
import { EMPTY, formatNumber } from '../../../lib/format.ts';
import { useVersionedDraft } from '../../../lib/use-versioned-draft.ts';
import { useCan } from '../../../lib/session.tsx';
import { useGrade, useSaveGrade, useSchemes } from '../api/grades.ts';

type Scores = Record<string, number | undefined>;

/** The points a grade was scored with (none for a grade imported without them). */
const storedScores = (grade: Grade | null): Scores => (grade?.source === 'scored' && grade.scores ? grade.scores : {});

/** The scoring sheet of an organisation for a year: points per criterion; total and grade computed. */
export function GradePage() {
  const { t, lang } = useI18n();
  const params = useParams();
  const id = Number(params.id);
  const year = params.year ?? '';
  const schemes = useSchemes();
  const grade = useGrade(id, year);
  const org = useOrganization(id);
  useDocumentTitle(`${t.grading.title(year)} · hoptac`);
  const failed = schemes.error ?? grade.error ?? org.error;
  if (failed) return <ErrorAlert error={failed} />;
  if (!schemes.data || grade.isPending || !org.data) return <Skeleton height={400} />;
  const scheme = schemes.data.find((s) => s.code === grade.data?.scheme) ?? schemes.data[0]!;
  return (
    <>
      <PageHeader
        above={<BackLink to={`/organizations/${id}`} label={org.data.name} />}
        title={t.grading.title(year)}
        description={lang === 'vi' ? scheme.name : scheme.nameEn}
      />
      <Sheet key={`${id}-${year}`} id={id} year={year} scheme={scheme} grade={grade.data ?? null} />
    </>
  );
}

function Sheet({ id, year, scheme, grade }: { id: number; year: string; scheme: GradingScheme; grade: Grade | null }) {
  const { t, lang, label } = useI18n();
  const show = (points: number | undefined) => (points === undefined ? EMPTY : formatNumber(points, lang, 1));
  const notify = useNotify();
  const save = useSaveGrade(id, year);
  const mayScore = useCan('grades.score');
  const {
    base,
    draft: scores,
    setDraft: setScores,
    edited,
    conflict,
    settle,
    adopt,
  } = useVersionedDraft(grade, storedScores);
  const landed = (saved: Grade) => {
    adopt(saved);
    notify({ title: t.grading.saved });
  };
  const filled = Object.fromEntries(Object.entries(scores).filter((e): e is [string, number] => e[1] !== undefined));
  const leave = useLeaveGuard(edited);
  const scored = scoreGrade(scheme, filled);
  const complete = scored.issues.length === 0;
  return (
    <Stack gap="md">
      {leave.dialog}
      {base && (
        <Alert color={base.source === 'import' ? 'gray' : 'teal'} data-testid="current-grade">
          {base.source === 'import'
            ? `${t.grading.imported}: ${label(GRADE_LABELS[base.grade])}`
            : t.grading.current(label(GRADE_LABELS[base.grade]), formatNumber(base.total, lang, 1))}
        </Alert>
      )}
      {conflict ? (
        <ConflictAlert
          rows={scheme.criteria
            .filter((c) => storedScores(base)[c.code] !== storedScores(conflict)[c.code])
            .map((c) => ({
              field: c.code,
              label: `${c.code}. ${lang === 'vi' ? c.name : c.nameEn}`,
              mine: show(scores[c.code]),
              theirs: show(storedScores(conflict)[c.code]),
            }))}
          onRebase={() => adopt(conflict, true)}
          onDiscard={() => adopt(conflict)}
        />
      ) : (
        save.error && <ErrorAlert error={save.error} />
      )}
      <Card p={0}>
        {/* fits a phone: the criterion's name wraps beside its score */}
        <Table.ScrollContainer minWidth={300}>
          <Table verticalSpacing="xs" data-testid="grade-sheet">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.grading.criterion}</Table.Th>
                <Table.Th ta="right">{t.grading.max}</Table.Th>
                <Table.Th w={112}>{t.grading.points}</Table.Th>
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
                      disabled={!mayScore}
                      aria-label={`${c.code} ${lang === 'vi' ? c.name : c.nameEn}`}
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
        {mayScore && (
          <Button
            disabled={!complete}
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                { scheme: scheme.code, scores: filled, ...(base && { version: base.version }) },
                {
                  onSuccess: landed,
                  onError: (error) => settle(conflictCurrent(error, gradeSchema), save, landed),
                },
              )
            }
            data-testid="grade-save"
          >
            {t.grading.save}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
