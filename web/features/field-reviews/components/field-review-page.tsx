import {
  Button,
  Card,
  CloseButton,
  Group,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle, useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { DIFFICULTY_LABELS } from '../../../../shared/contracts/reports.ts';
import {
  REVIEW_KINDS,
  REVIEW_KIND_LABELS,
  fieldReviewSchema,
  type FieldReview,
  type FieldReviewInput,
} from '../../../../shared/contracts/field-reviews.ts';
import { AreaSelects, type AreaValue } from '../../../components/area-selects.tsx';
import { ConflictAlert, type ConflictRow } from '../../../components/conflict-alert.tsx';
import { useLeaveGuard } from '../../../components/leave-guard.tsx';
import { BackLink } from '../../../components/back-link.tsx';
import { DifficultyChips } from '../../../components/difficulty-chips.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useNotify } from '../../../components/notifications.tsx';
import { OrganizationSelect } from '../../../components/organization-select.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { ApiError, conflictCurrent } from '../../../lib/api.ts';
import { EMPTY, formatDate, parseDate } from '../../../lib/format.ts';
import { useVersionedDraft } from '../../../lib/use-versioned-draft.ts';
import { useSendOnce } from '../../../lib/send-once.ts';
import { useCan, useSession } from '../../../lib/session.tsx';
import { useFieldReview, useSaveFieldReview } from '../api/field-reviews.ts';
import { REVIEW_FIELDS, reviewErrorsOf, validateReview, type ReviewErrors } from '../utils/validate-review.ts';

type Finding = FieldReview['findings'][number];
interface Draft {
  kind: FieldReview['kind'];
  title: string;
  heldOn: string;
  area: AreaValue;
  delegation: string;
  notes: string;
  findings: Finding[];
}

/** A field review: new (`/field-reviews/new`) or as logged, editable where the caller writes. */
export function FieldReviewPage() {
  const { t } = useI18n();
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const review = useFieldReview(id);
  const title = review.data?.title ?? t.reviews.newTitle;
  useDocumentTitle(`${title} · hoptac`);
  if (review.isError) return <ErrorAlert error={review.error} />;
  if (id !== null && !review.data) return <Skeleton height={320} />;
  return (
    <>
      <PageHeader above={<BackLink to="/field-reviews" label={t.reviews.title} />} title={title} />
      <ReviewForm key={id ?? 'new'} review={review.data ?? null} />
    </>
  );
}

function ReviewForm({ review }: { review: FieldReview | null }) {
  const { t, label, lang } = useI18n();
  const session = useSession();
  const notify = useNotify();
  const navigate = useNavigate();
  const mayEdit = useCan('reviews.edit');
  const narrow = useMediaQuery('(max-width: 36em)');
  const save = useSaveFieldReview(review?.id ?? null);
  // the version the edits started from (null: a new review), and the edits
  const { base, draft, setDraft, edited, conflict, settle, ...versions } = useVersionedDraft(review, (r) =>
    draftOf(r, session),
  );
  const [errors, setErrors] = useState<ReviewErrors>({});
  const once = useSendOnce();
  const leave = useLeaveGuard(mayEdit && edited);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setFinding = (organizationId: number, patch: Partial<Finding>) =>
    set({ findings: draft.findings.map((f) => (f.organizationId === organizationId ? { ...f, ...patch } : f)) });
  const areaCode = draft.area.commune ?? draft.area.province;
  const message = (field: keyof ReviewErrors) => errors[field]?.[lang];

  const submit = () => {
    const body: FieldReviewInput = {
      kind: draft.kind,
      title: draft.title,
      heldOn: parseDate(draft.heldOn) ?? '',
      areaCode: areaCode ?? '',
      delegation: draft.delegation,
      notes: draft.notes || null,
      findings: draft.findings.map(({ organizationId, findings, difficulties, proposals }) => ({
        organizationId,
        findings: findings || null,
        difficulties,
        proposals: proposals || null,
      })),
      ...(base && { version: base.version }),
    };
    const invalid = validateReview(body, draft.heldOn);
    setErrors(invalid);
    const first = REVIEW_FIELDS.find((f) => invalid[f]);
    if (first) {
      // the first field to fix, on the screen (on a phone the button is far below it)
      document.querySelector<HTMLElement>(`[data-review-field="${first}"]`)?.scrollIntoView({ block: 'center' });
      return;
    }
    once((done) =>
      save.mutate(body, {
        onSuccess: landed,
        onError: (error) => {
          settle(conflictCurrent(error, fieldReviewSchema), save, landed);
          if (error instanceof ApiError) setErrors(reviewErrorsOf(error.errors));
        },
        onSettled: done,
      }),
    );
  };
  const adopt = (next: FieldReview, keepMine = false) => {
    versions.adopt(next, keepMine);
    save.reset();
  };
  function landed(stored: FieldReview) {
    versions.adopt(stored);
    notify({ title: t.reviews.saved });
    leave.release();
    if (!review) void navigate(`/field-reviews/${stored.id}`, { replace: true });
  }
  const fieldsInError = Object.keys(errors).length > 0;

  return (
    <Stack gap="md">
      {leave.dialog}
      {conflict ? (
        <ConflictAlert
          rows={conflictRows(draftOf(base, session), draft, draftOf(conflict, session), { t, label })}
          onRebase={() => adopt(conflict, true)}
          onDiscard={() => adopt(conflict)}
        />
      ) : (
        save.error && !fieldsInError && <ErrorAlert error={save.error} />
      )}
      {fieldsInError && (
        <Text c="red" size="sm" role="alert" data-testid="review-invalid">
          {t.form.fixErrors}
        </Text>
      )}
      <Card>
        <Stack gap="sm">
          <SegmentedControl
            aria-label={t.reviews.kind}
            value={draft.kind}
            onChange={(v) => set({ kind: v as Draft['kind'] })}
            data={REVIEW_KINDS.map((k) => ({ value: k, label: label(REVIEW_KIND_LABELS[k]) }))}
            orientation={narrow ? 'vertical' : 'horizontal'}
            fullWidth={narrow}
            disabled={!mayEdit}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t.reviews.titleField}
              value={draft.title}
              onChange={(e) => set({ title: e.currentTarget.value })}
              error={message('title')}
              data-review-field="title"
              required
              disabled={!mayEdit}
              data-testid="review-title"
            />
            <TextInput
              label={t.reviews.heldOn}
              placeholder={t.form.datePlaceholder}
              inputMode="numeric"
              value={draft.heldOn}
              onChange={(e) => set({ heldOn: e.currentTarget.value })}
              error={message('heldOn') ?? (draft.heldOn && !parseDate(draft.heldOn) ? t.form.invalidDate : undefined)}
              data-review-field="heldOn"
              required
              disabled={!mayEdit}
              data-testid="review-held-on"
            />
            <AreaSelects
              map="current"
              value={draft.area}
              onChange={(area) => set({ area })}
              names={{ province: 'review-province', district: 'review-district', commune: 'review-commune' }}
              errors={{ province: message('areaCode') }}
              required
            />
          </SimpleGrid>
          <Textarea
            label={t.reviews.delegation}
            autosize
            minRows={2}
            value={draft.delegation}
            onChange={(e) => set({ delegation: e.currentTarget.value })}
            error={message('delegation')}
            data-review-field="delegation"
            required
            disabled={!mayEdit}
            data-testid="review-delegation"
          />
          <Textarea
            label={t.reviews.notes}
            autosize
            minRows={2}
            value={draft.notes}
            onChange={(e) => set({ notes: e.currentTarget.value })}
            disabled={!mayEdit}
          />
        </Stack>
      </Card>

      <Title order={2} fz="md">
        {t.reviews.organizations}
      </Title>
      {mayEdit && (
        <OrganizationSelect
          area={areaCode}
          value={null}
          exclude={draft.findings.map((f) => f.organizationId)}
          onChange={(org) =>
            org &&
            set({
              findings: [
                ...draft.findings,
                {
                  organizationId: org.id,
                  name: org.name,
                  registrationNo: org.registrationNo,
                  findings: null,
                  difficulties: [],
                  proposals: null,
                },
              ],
            })
          }
          placeholder={t.reviews.addOrganization}
          disabled={!areaCode}
          testId="review-add-organization"
        />
      )}
      {draft.findings.length === 0 && (
        <Text c={message('findings') ? 'red' : 'dimmed'} data-review-field="findings">
          {message('findings') ?? t.reviews.noneChosen}
        </Text>
      )}
      {draft.findings.map((f) => (
        <Card key={f.organizationId} data-testid="finding">
          <Group justify="space-between" wrap="nowrap" mb="xs">
            <div>
              <Text fw={600}>{f.name}</Text>
              <Text size="xs" c="dimmed">
                {f.registrationNo}
              </Text>
            </div>
            {mayEdit && (
              <CloseButton
                aria-label={t.reviews.remove}
                onClick={() => set({ findings: draft.findings.filter((x) => x.organizationId !== f.organizationId) })}
              />
            )}
          </Group>
          <Stack gap="xs">
            <Textarea
              label={t.reviews.findings}
              autosize
              minRows={2}
              value={f.findings ?? ''}
              onChange={(e) => setFinding(f.organizationId, { findings: e.currentTarget.value })}
              disabled={!mayEdit}
            />
            <DifficultyChips
              value={f.difficulties}
              onChange={(difficulties) => setFinding(f.organizationId, { difficulties })}
              disabled={!mayEdit}
              size="xs"
            />
            <Textarea
              label={t.reviews.proposals}
              autosize
              minRows={1}
              value={f.proposals ?? ''}
              onChange={(e) => setFinding(f.organizationId, { proposals: e.currentTarget.value })}
              disabled={!mayEdit}
            />
          </Stack>
        </Card>
      ))}
      {mayEdit && (
        <Group justify="flex-end">
          <Button onClick={submit} loading={save.isPending} data-testid="review-save">
            {t.reviews.save}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** The form's values of a review, or of a new one in the caller's own area. */
function draftOf(review: FieldReview | null, session: ReturnType<typeof useSession>): Draft {
  // a review's own area, or a new one's the caller's (the country's staff choose a province)
  const commune = (code: string | null) => (code?.length === 5 ? code : null);
  return {
    kind: review?.kind ?? 'visit',
    title: review?.title ?? '',
    heldOn: review ? formatDate(review.heldOn) : '',
    area: review
      ? { province: review.provinceCode, district: null, commune: commune(review.areaCode) }
      : { province: session.homeProvince, district: null, commune: commune(session.homeArea) },
    delegation: review?.delegation ?? '',
    notes: review?.notes ?? '',
    findings: review?.findings ?? [],
  };
}

/** What someone else changed since `base`, beside this user's values. */
function conflictRows(
  base: Draft,
  mine: Draft,
  theirs: Draft,
  { t, label }: Pick<ReturnType<typeof useI18n>, 't' | 'label'>,
): ConflictRow[] {
  const organisations = (d: Draft) =>
    d.findings
      .map(
        (f) =>
          `${f.name}${f.difficulties.length ? ` (${f.difficulties.map((k) => label(DIFFICULTY_LABELS[k])).join(', ')})` : ''}`,
      )
      .join('; ') || EMPTY;
  const shown: [keyof Draft, string, (d: Draft) => string][] = [
    ['kind', t.reviews.kind, (d) => label(REVIEW_KIND_LABELS[d.kind])],
    ['title', t.reviews.titleField, (d) => d.title || EMPTY],
    ['heldOn', t.reviews.heldOn, (d) => d.heldOn || EMPTY],
    ['delegation', t.reviews.delegation, (d) => d.delegation || EMPTY],
    ['notes', t.reviews.notes, (d) => d.notes || EMPTY],
    ['findings', t.reviews.organizations, organisations],
  ];
  return shown
    .filter(([field]) => JSON.stringify(base[field]) !== JSON.stringify(theirs[field]))
    .map(([field, name, show]) => ({ field, label: name, mine: show(mine), theirs: show(theirs) }));
}
