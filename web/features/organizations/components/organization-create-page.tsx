import { useDocumentTitle } from '@mantine/hooks';
import { useNavigate } from 'react-router';
import { useLeaveGuard } from '../../../components/leave-guard.tsx';
import { useNotify } from '../../../components/notifications.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useSendOnce } from '../../../lib/send-once.ts';
import { useCreateOrganization } from '../api/create-organization.ts';
import { useOrganizationForm } from '../hooks/use-organization-form.ts';
import { changedFields, EMPTY_VALUES } from '../utils/form-values.ts';
import { validateCreate } from '../utils/validate-form.ts';
import { FormShell } from './form-shell.tsx';
import { OrganizationForm } from './organization-form.tsx';

export function OrganizationCreatePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const notify = useNotify();
  const form = useOrganizationForm(EMPTY_VALUES);
  const create = useCreateOrganization();
  const once = useSendOnce();
  const leave = useLeaveGuard(changedFields(EMPTY_VALUES, form.values).length > 0);
  useDocumentTitle(`${t.form.createTitle} · hoptac`);

  const submit = () => {
    const result = validateCreate(form.values);
    if (!result.ok) return form.invalid(result.errors);
    form.setFailure(null);
    once((done) =>
      create.mutate(result.body, {
        onSuccess: (org) => {
          notify({ title: t.form.created, message: org.name });
          leave.release();
          navigate(`/organizations/${org.id}`);
        },
        onError: form.fail,
        onSettled: done,
      }),
    );
  };

  return (
    <FormShell
      title={t.form.createTitle}
      back={{ to: '/organizations', label: t.detail.back }}
      failure={form.failure}
      saving={create.isPending}
      onSubmit={submit}
    >
      <OrganizationForm values={form.values} onChange={form.change} errors={form.errors} />
      {leave.dialog}
    </FormShell>
  );
}
