import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { Organization } from '../../../../shared/contracts/organizations.ts';
import {
  DIFFICULTY_LABELS,
  FIGURES,
  FIGURE_LABELS,
  REPORT_STATUS_LABELS,
  reportSchema,
  type Difficulty,
  type Figure,
  type Report,
} from '../../../../shared/contracts/reports.ts';
import { checkReport } from '../../../../shared/rules/check-report.ts';
import { BackLink } from '../../../components/back-link.tsx';
import { ConflictAlert, type ConflictRow } from '../../../components/conflict-alert.tsx';
import { DifficultyChips } from '../../../components/difficulty-chips.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useLeaveGuard } from '../../../components/leave-guard.tsx';
import { useNotify } from '../../../components/notifications.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useOrganization } from '../../../lib/organization.ts';
import { conflictCurrent } from '../../../lib/api.ts';
import { EMPTY, formatNumber } from '../../../lib/format.ts';
import { periodLabel } from '../../../lib/periods.ts';
import { rebase } from '../../../lib/rebase.ts';
import { useVersionedDraft } from '../../../lib/use-versioned-draft.ts';
import { useCan } from '../../../lib/session.tsx';
import { useReport, useReportAction, useRules, type Step } from '../api/report.ts';

interface Draft {
  figures: Record<Figure, number | null>;
  difficulties: Difficulty[];
  proposals: string;
  comment: string;
}

const fromReport = (r: Report | null): Draft => ({
  figures: Object.fromEntries(FIGURES.map((f) => [f, r?.[f] ?? null])) as Draft['figures'],
  difficulties: r?.difficulties ?? [],
  proposals: r?.proposals ?? '',
  comment: r?.comment ?? '',
});

/** The same kind of period a year earlier: what a large change is measured against. */
const previousPeriod = (period: string) => `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;

/** A report of one organisation and period: the form, what the rules find, and the workflow's buttons. */
export function ReportPage() {
  const { t, label } = useI18n();
  const params = useParams();
  const id = Number(params.id);
  const period = params.period ?? '';
  const report = useReport(id, period);
  const org = useOrganization(id);
  const title = t.reports.form(periodLabel(period, t.period));
  useDocumentTitle(`${title} · hoptac`);

  if (report.isError || org.isError) return <ErrorAlert error={report.error ?? org.error} />;
  if (report.isPending || !org.data) return <Skeleton height={320} />;
  return (
    <>
      <PageHeader
        above={<BackLink to={`/organizations/${id}`} label={org.data.name} />}
        title={title}
        meta={
          report.data && (
            <Group gap="xs">
              <Badge data-testid="report-status">{label(REPORT_STATUS_LABELS[report.data.status])}</Badge>
              <Text size="sm" c="dimmed">
                {t.reports.source[report.data.source]}
              </Text>
            </Group>
          )
        }
      />
      <ReportForm key={`${id}-${period}`} id={id} period={period} org={org.data} report={report.data} />
    </>
  );
}

function ReportForm({
  id,
  period,
  org,
  report,
}: {
  id: number;
  period: string;
  org: Organization;
  report: Report | null;
}) {
  const { t, lang, label } = useI18n();
  const notify = useNotify();
  const mayEdit = useCan('reports.edit');
  const rules = useRules();
  const previous = useReport(id, previousPeriod(period));
  const action = useReportAction(id, period);
  const { base, draft, setDraft, edited, conflict, setConflict, settle, adopt } = useVersionedDraft(
    report,
    fromReport,
    rebaseDraft,
  );
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const can = base?.can ?? { edit: mayEdit, submit: false, return: false, approve: false };
  // a step moves the stored report, not what the form shows: with changes unsaved, save first
  // (else submitting would send the old figures and the edits would vanish with the answer)
  const unsaved = can.edit && edited;
  const leave = useLeaveGuard(unsaved);

  const issues = rules.data
    ? checkReport(rules.data, draft.figures, { kind: org.kind, previous: previous.data ?? null })
    : [];
  const errors = issues.filter((i) => i.level === 'error');
  const warnings = issues.filter((i) => i.level === 'warning');
  const text = (i: { message: string; messageEn: string }) => (lang === 'vi' ? i.message : i.messageEn);
  // an error also under its figure, where a screen reader announces it with the field
  const fieldError = (f: Figure) => {
    const issue = errors.find((i) => i.field === f);
    return issue && text(issue);
  };

  const run = (step: Step, body: Parameters<typeof action.mutate>[0]['body'], done: string) => {
    const landed = (saved: Report) => {
      adopt(saved);
      notify({ title: done });
    };
    action.mutate(
      { step, body },
      {
        onSuccess: landed,
        onError: (error) => {
          const current = conflictCurrent(error, reportSchema);
          // a workflow step met by the same figures may still have been someone else's step
          if (step !== 'save') return setConflict(current);
          settle(current, action, landed);
        },
      },
    );
  };
  const save = () =>
    run(
      'save',
      {
        ...draft.figures,
        difficulties: draft.difficulties,
        proposals: draft.proposals || null,
        comment: draft.comment || null,
        ...(base && { version: base.version }),
      },
      t.reports.saved,
    );

  return (
    <Stack gap="md">
      {leave.dialog}
      {conflict ? (
        <ConflictAlert
          rows={conflictRows(base, draft, conflict, { t, label, lang })}
          onRebase={() => adopt(conflict, true)}
          onDiscard={() => adopt(conflict)}
        />
      ) : (
        action.error && <ErrorAlert error={action.error} />
      )}
      {base?.status === 'returned' && base.returnReason && (
        <Alert color="orange" title={t.reports.returnedBecause} data-testid="return-reason">
          {base.returnReason}
        </Alert>
      )}
      {base?.status === 'approved' && <Alert color="green">{t.reports.locked}</Alert>}
      {!base && <Text c="dimmed">{t.reports.none}</Text>}
      <Card>
        <Title order={2} fz="md" mb="md">
          {t.reports.figures}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {FIGURES.map((f) => (
            <NumberInput
              key={f}
              label={label(FIGURE_LABELS[f])}
              value={draft.figures[f] ?? ''}
              onChange={(v) =>
                setDraft((d) => ({ ...d, figures: { ...d.figures, [f]: typeof v === 'number' ? v : null } }))
              }
              thousandSeparator={lang === 'vi' ? '.' : ','}
              decimalSeparator={lang === 'vi' ? ',' : '.'}
              allowDecimal={false}
              disabled={!can.edit}
              error={fieldError(f)}
              data-testid={`figure-${f}`}
            />
          ))}
        </SimpleGrid>
      </Card>
      {(errors.length > 0 || warnings.length > 0) && (
        <Stack gap="xs" data-testid="report-issues">
          {errors.length > 0 && (
            <Alert color="red" title={t.reports.errors}>
              {errors.map((i) => (
                <Text size="sm" key={`${i.rule}-${i.field}`}>
                  {text(i)}
                </Text>
              ))}
            </Alert>
          )}
          {warnings.length > 0 && (
            <Alert color="yellow" title={t.reports.warnings}>
              {warnings.map((i) => (
                <Text size="sm" key={`${i.rule}-${i.field}`}>
                  {text(i)}
                </Text>
              ))}
            </Alert>
          )}
        </Stack>
      )}
      <Card>
        <Stack gap="sm">
          <Text fw={600}>{t.reports.difficulties}</Text>
          <DifficultyChips
            value={draft.difficulties}
            onChange={(difficulties) => setDraft((d) => ({ ...d, difficulties }))}
            disabled={!can.edit}
            size="sm"
          />
          <Textarea
            label={t.reports.proposals}
            autosize
            minRows={2}
            value={draft.proposals}
            onChange={(e) => {
              const proposals = e.currentTarget.value; // read now: the updater runs after the event
              setDraft((d) => ({ ...d, proposals }));
            }}
            disabled={!can.edit}
          />
          <Textarea
            label={t.reports.comment}
            autosize
            minRows={2}
            value={draft.comment}
            onChange={(e) => {
              const comment = e.currentTarget.value; // read now: the updater runs after the event
              setDraft((d) => ({ ...d, comment }));
            }}
            disabled={!can.edit}
            data-testid="report-comment"
          />
        </Stack>
      </Card>
      {unsaved && base && (can.submit || can.return || can.approve) && (
        <Text size="sm" c="dimmed" ta="right" data-testid="report-unsaved">
          {t.reports.unsaved}
        </Text>
      )}
      <Group justify="flex-end" gap="sm">
        {can.edit && (
          <Button variant="default" onClick={save} loading={action.isPending} data-testid="report-save">
            {t.reports.save}
          </Button>
        )}
        {can.submit && base && (
          <Button
            onClick={() => run('submit', { version: base.version }, t.reports.submitted)}
            loading={action.isPending}
            disabled={unsaved}
            data-testid="report-submit"
          >
            {t.reports.submit}
          </Button>
        )}
        {can.return && base && (
          <Button
            color="orange"
            variant="light"
            onClick={() => setReturning(true)}
            disabled={unsaved}
            data-testid="report-return"
          >
            {t.reports.return}
          </Button>
        )}
        {can.approve && base && (
          <Button
            color="green"
            onClick={() => run('approve', { version: base.version }, t.reports.approved)}
            loading={action.isPending}
            disabled={unsaved}
            data-testid="report-approve"
          >
            {t.reports.approve}
          </Button>
        )}
      </Group>
      <Modal
        opened={returning}
        onClose={() => setReturning(false)}
        title={t.reports.return}
        closeButtonProps={{ 'aria-label': t.app.close }}
      >
        <Stack>
          <Textarea
            label={t.reports.reason}
            autosize
            minRows={3}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-testid="return-reason-input"
          />
          <Button
            color="orange"
            disabled={reason.trim().length < 3}
            onClick={() => {
              setReturning(false);
              run('return', { version: base!.version, reason }, t.reports.returned);
            }}
            data-testid="return-confirm"
          >
            {t.reports.return}
          </Button>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** Their report with this user's changes on top, figure by figure. */
const rebaseDraft = (base: Draft, mine: Draft, theirs: Draft): Draft => ({
  ...rebase(base, mine, theirs),
  figures: rebase(base.figures, mine.figures, theirs.figures),
});

/** What someone else changed since the version this user started from, beside this user's values. */
function conflictRows(
  base: Report | null,
  mine: Draft,
  current: Report,
  { t, label, lang }: Pick<ReturnType<typeof useI18n>, 't' | 'label' | 'lang'>,
): ConflictRow[] {
  const [from, theirs] = [fromReport(base), fromReport(current)];
  const rows: ConflictRow[] = FIGURES.filter((f) => from.figures[f] !== theirs.figures[f]).map((f) => ({
    field: f,
    label: label(FIGURE_LABELS[f]),
    mine: formatNumber(mine.figures[f], lang),
    theirs: formatNumber(theirs.figures[f], lang),
  }));
  const difficulties = (d: Draft) => d.difficulties.map((k) => label(DIFFICULTY_LABELS[k])).join(', ') || EMPTY;
  const texts = [
    ['difficulties', t.reports.difficulties, difficulties],
    ['proposals', t.reports.proposals, (d: Draft) => d.proposals || EMPTY],
    ['comment', t.reports.comment, (d: Draft) => d.comment || EMPTY],
  ] as const;
  for (const [field, name, show] of texts) {
    if (show(from) !== show(theirs)) rows.push({ field, label: name, mine: show(mine), theirs: show(theirs) });
  }
  if (base && base.status !== current.status) {
    const status = (r: Report) => label(REPORT_STATUS_LABELS[r.status]);
    rows.push({ field: 'status', label: t.reports.state, mine: status(base), theirs: status(current) });
  }
  return rows;
}
