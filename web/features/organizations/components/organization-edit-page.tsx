import { Alert, Skeleton, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { organizationSchema, type Organization } from '../../../../shared/contracts/organizations.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useLeaveGuard } from '../../../components/leave-guard.tsx';
import { useNotify } from '../../../components/notifications.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { ApiError } from '../../../lib/api.ts';
import { getOrganizationOptions, useOrganization } from '../../../lib/organization.ts';
import { useUpdateOrganization } from '../api/update-organization.ts';
import { useOrganizationForm } from '../hooks/use-organization-form.ts';
import { changedFields, fromOrganization, rebase } from '../utils/form-values.ts';
import { validateEdit } from '../utils/validate-form.ts';
import { OrganizationConflict } from './conflict-alert.tsx';
import { FormShell } from './form-shell.tsx';
import { OrganizationForm } from './organization-form.tsx';

export function OrganizationEditPage() {
  const id = Number(useParams().id);
  const query = useOrganization(id);
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) {
    return (
      <Stack>
        <Skeleton height={28} width="50%" />
        <Skeleton height={220} />
        <Skeleton height={160} />
      </Stack>
    );
  }
  return <EditForm key={id} org={query.data} />;
}

/** Edits from the version read; on 409 shows what changed and can re-apply these edits on the new version. */
function EditForm({ org }: { org: Organization }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [base, setBase] = useState(org);
  const [conflict, setConflict] = useState<Organization | null>(null);
  const [rebased, setRebased] = useState(false);
  const baseValues = useMemo(() => fromOrganization(base), [base]);
  const form = useOrganizationForm(baseValues);
  const update = useUpdateOrganization(org.id);
  const leave = useLeaveGuard(changedFields(baseValues, form.values).length > 0);
  useDocumentTitle(`${t.form.editTitle} · ${org.name} · hoptac`);

  const landed = (saved: Organization) => {
    notify({ title: t.form.saved, message: t.form.savedDetail(saved.name) });
    leave.release();
    navigate(`/organizations/${saved.id}`);
  };

  const onConflict = async (error: ApiError) => {
    void queryClient.invalidateQueries({ queryKey: ['organizations'] });
    const parsed = organizationSchema.safeParse(error.current);
    const current = parsed.success
      ? parsed.data
      : await queryClient.fetchQuery({ ...getOrganizationOptions(org.id), staleTime: 0 });
    // the current version shows exactly this form: this user's own save went through and its
    // answer was lost (a phone's connection dropped), so sending it again met it
    if (changedFields(fromOrganization(current), form.values).length === 0) return landed(current);
    form.setFailure(null);
    setRebased(false);
    setConflict(current);
    window.scrollTo({ top: 0, behavior: 'smooth' });
  };

  const submit = () => {
    if (changedFields(baseValues, form.values).length === 0) return form.setFailure({ kind: 'unchanged' });
    const result = validateEdit(baseValues, form.values, base.version);
    if (!result.ok) return form.invalid(result.errors);
    form.setFailure(null);
    update.mutate(result.body, {
      onSuccess: landed,
      onError: (error) => {
        if (error instanceof ApiError && error.status === 409 && error.current) void onConflict(error).catch(form.fail);
        else form.fail(error);
      },
    });
  };

  const adopt = (current: Organization, keepMine: boolean) => {
    const theirs = fromOrganization(current);
    form.setValues(keepMine ? rebase(baseValues, form.values, theirs) : theirs);
    setBase(current);
    setConflict(null);
    setRebased(keepMine);
  };

  const notice = conflict ? (
    <OrganizationConflict
      base={baseValues}
      mine={form.values}
      theirs={fromOrganization(conflict)}
      onRebase={() => adopt(conflict, true)}
      onDiscard={() => adopt(conflict, false)}
    />
  ) : rebased ? (
    <Alert color="blue" variant="light" data-testid="rebased-notice" withCloseButton onClose={() => setRebased(false)}>
      {t.conflict.rebased}
    </Alert>
  ) : null;

  return (
    <FormShell
      title={t.form.editTitle}
      back={{ to: `/organizations/${org.id}`, label: org.name }}
      failure={form.failure}
      notice={notice}
      saving={update.isPending}
      onSubmit={submit}
    >
      <OrganizationForm values={form.values} onChange={form.change} errors={form.errors} />
      {leave.dialog}
    </FormShell>
  );
}
