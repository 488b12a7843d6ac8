import { Badge, Button, Card, Checkbox, Group, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import { GRADE_LABELS } from '../../../../shared/contracts/enums.ts';
import { periodWindowSchema, type PeriodWindow } from '../../../../shared/contracts/reports.ts';
import { settingsSchema, type Settings } from '../../../../shared/contracts/settings.ts';
import { ConflictAlert } from '../../../components/conflict-alert.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useLeaveGuard } from '../../../components/leave-guard.tsx';
import { useNotify } from '../../../components/notifications.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { ApiError, conflictCurrent } from '../../../lib/api.ts';
import { useVersionedDraft } from '../../../lib/use-versioned-draft.ts';
import { formatDate, parseDate } from '../../../lib/format.ts';
import { periodLabel } from '../../../lib/periods.ts';
import { usePeriods, useSavePeriod, useSaveSettings, useSettings } from '../api/settings.ts';

const RATED = ['good', 'fair', 'average', 'weak'] as const;

/** Each card or row tells the page whether it holds changes not yet saved. */
type MarkDirty = (part: string, dirty: boolean) => void;

function useReportDirty(markDirty: MarkDirty, part: string, dirty: boolean) {
  useEffect(() => {
    markDirty(part, dirty);
    return () => markDirty(part, false);
  }, [markDirty, part, dirty]);
}

/** The administrator's settings: which grades count as effective, and the reporting periods' dates. */
export function SettingsPage() {
  const { t } = useI18n();
  useDocumentTitle(`${t.settings.title} · hoptac`);
  const settings = useSettings();
  const periods = usePeriods();
  const [dirtyParts, setDirtyParts] = useState<ReadonlySet<string>>(new Set());
  const markDirty = useCallback<MarkDirty>(
    (part, dirty) =>
      setDirtyParts((parts) => {
        if (parts.has(part) === dirty) return parts;
        const next = new Set(parts);
        if (dirty) next.add(part);
        else next.delete(part);
        return next;
      }),
    [],
  );
  const leaving = useLeaveGuard(dirtyParts.size > 0);
  return (
    <>
      {leaving.dialog}
      <PageHeader title={t.settings.title} description={t.settings.description} />
      <Stack gap="md">
        {settings.isError && <ErrorAlert error={settings.error} />}
        {settings.data ? <EffectiveCard settings={settings.data} markDirty={markDirty} /> : <Skeleton h={120} />}
        {periods.isError && <ErrorAlert error={periods.error} />}
        {periods.data ? <PeriodsCard periods={periods.data} markDirty={markDirty} /> : <Skeleton h={240} />}
      </Stack>
    </>
  );
}

function EffectiveCard({ settings, markDirty }: { settings: Settings; markDirty: MarkDirty }) {
  const { t, label } = useI18n();
  const notify = useNotify();
  const save = useSaveSettings();
  // the settings the choice started from, and the choice (in the grades' order, not the clicks');
  // after a conflict, keeping mine keeps the whole choice
  const versions = useVersionedDraft(
    settings,
    (s) => s.effectiveGrades,
    (_base, mine) => mine,
  );
  const { base, draft: grades, edited: changed, conflict, settle } = versions;
  const setGrades = (chosen: string[]) => versions.setDraft(RATED.filter((g) => chosen.includes(g)));
  useReportDirty(markDirty, 'effective', changed);
  const names = (list: readonly string[]) =>
    RATED.filter((g) => list.includes(g))
      .map((g) => label(GRADE_LABELS[g]))
      .join(', ');
  const adopt = (next: Settings, keepMine = false) => {
    versions.adopt(next, keepMine);
    save.reset();
  };
  const landed = (saved: Settings) => {
    adopt(saved);
    notify({ title: t.settings.saved });
  };
  return (
    <Card>
      <Title order={2} fz="md">
        {t.settings.effective}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t.settings.effectiveHint}
      </Text>
      {conflict ? (
        <ConflictAlert
          rows={[
            {
              field: 'effectiveGrades',
              label: t.settings.effective,
              mine: names(grades),
              theirs: names(conflict.effectiveGrades),
            },
          ]}
          onRebase={() => adopt(conflict, true)}
          onDiscard={() => adopt(conflict)}
        />
      ) : (
        save.error && <ErrorAlert error={save.error} />
      )}
      <Checkbox.Group value={grades} onChange={setGrades}>
        <Group>
          {RATED.map((g) => (
            <Checkbox key={g} value={g} label={label(GRADE_LABELS[g])} data-testid={`effective-${g}`} />
          ))}
        </Group>
      </Checkbox.Group>
      <Group justify="flex-end" mt="sm">
        <Button
          disabled={grades.length === 0}
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              { effectiveGrades: grades as Settings['effectiveGrades'], version: base.version },
              {
                onSuccess: landed,
                onError: (error) => settle(conflictCurrent(error, settingsSchema), save, landed),
              },
            )
          }
          data-testid="effective-save"
        >
          {t.settings.save}
        </Button>
      </Group>
    </Card>
  );
}

function PeriodsCard({ periods, markDirty }: { periods: PeriodWindow[]; markDirty: MarkDirty }) {
  const { t } = useI18n();
  return (
    <Card p={0}>
      <Title order={2} fz="md" p="md" pb={0}>
        {t.settings.periods}
      </Title>
      <Text size="sm" c="dimmed" px="md">
        {t.settings.periodsHint}
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs" data-testid="periods-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.reports.period}</Table.Th>
              <Table.Th>{t.settings.opensOn}</Table.Th>
              <Table.Th>{t.settings.dueOn}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {periods.map((p) => (
              <PeriodRow key={p.period} window={p} markDirty={markDirty} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

function PeriodRow({ window: w, markDirty }: { window: PeriodWindow; markDirty: MarkDirty }) {
  const { t, lang } = useI18n();
  const notify = useNotify();
  const save = useSavePeriod();
  // the dates the edit started from, and those typed
  const [base, setBase] = useState(w);
  const [opens, setOpens] = useState(formatDate(w.opensOn));
  const [due, setDue] = useState(formatDate(w.dueOn));
  const [conflict, setConflict] = useState<PeriodWindow | null>(null);
  const [opensOn, dueOn] = [parseDate(opens), parseDate(due)];
  const changed = opensOn !== base.opensOn || dueOn !== base.dueOn;
  const follow = (next: PeriodWindow, keepMine = false) => {
    setBase(next);
    if (!keepMine) [setOpens, setDue].forEach((set, i) => set(formatDate(i ? next.dueOn : next.opensOn)));
  };
  const adopt = (next: PeriodWindow, keepMine = false) => {
    follow(next, keepMine);
    setConflict(null);
    save.reset();
  };
  // newer dates read (after this row's save, or signing in again): followed unless typed over
  if (w.version > base.version && !changed) follow(w);
  useReportDirty(markDirty, w.period, changed);
  const name = periodLabel(w.period, t.period);
  const failure = save.error instanceof ApiError ? save.error : null;
  const why = failure?.errors[0] ? (lang === 'vi' ? failure.errors[0].message : failure.errors[0].messageEn) : null;
  return (
    <Table.Tr data-testid={`period-${w.period}`}>
      <Table.Td>
        <Group gap={6}>
          {name}
          {!base.custom && (
            <Badge variant="light" color="gray" size="sm">
              {t.settings.defaults}
            </Badge>
          )}
        </Group>
      </Table.Td>
      {(
        [
          [t.settings.opensOn, opens, setOpens, opensOn],
          [t.settings.dueOn, due, setDue, dueOn],
        ] as const
      ).map(([label, value, set, parsed]) => (
        <Table.Td key={label}>
          <TextInput
            size="xs"
            aria-label={`${label}: ${name}`}
            value={value}
            onChange={(e) => set(e.currentTarget.value)}
            error={!parsed && t.form.invalidDate}
            w={130}
          />
        </Table.Td>
      ))}
      <Table.Td>
        {changed && opensOn && dueOn && (
          <Button
            size="xs"
            variant="light"
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                { period: w.period, opensOn, dueOn, version: base.version },
                {
                  onSuccess: (saved) => {
                    adopt(saved);
                    notify({ title: t.settings.saved });
                  },
                  onError: (error) => setConflict(conflictCurrent(error, periodWindowSchema)),
                },
              )
            }
          >
            {t.settings.save}
          </Button>
        )}
        {save.error && (
          <Text size="xs" c="red" data-testid="period-error">
            {why ?? failure?.text(lang).detail ?? failure?.text(lang).title ?? t.errors.network}
          </Text>
        )}
        {conflict && (
          <Group gap={4} mt={4}>
            <Button size="compact-xs" onClick={() => adopt(conflict, true)} data-testid="conflict-rebase">
              {t.conflict.rebase}
            </Button>
            <Button size="compact-xs" variant="default" onClick={() => adopt(conflict)} data-testid="conflict-discard">
              {t.conflict.discard}
            </Button>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
