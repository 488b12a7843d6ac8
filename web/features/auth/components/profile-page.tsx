import { Button, Grid, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { ROLE_LABELS } from '../../../../shared/contracts/auth.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { Facts } from '../../../components/facts.tsx';
import { useNotify } from '../../../components/notifications.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useSession } from '../../../lib/session.tsx';
import { useChangePassword } from '../api/change-password.ts';

export function ProfilePage() {
  const { t, label } = useI18n();
  const user = useSession();
  useDocumentTitle(`${t.auth.profile} · hoptac`);
  const scope = user.organizationName ?? user.areaName ?? t.auth.wholeCountry;
  return (
    <>
      <PageHeader title={user.name} description={user.email} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="md" radius="md">
            <Facts
              facts={[
                [t.auth.role, label(ROLE_LABELS[user.role])],
                [t.auth.scope, <span data-testid="profile-scope">{scope}</span>],
              ]}
            />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <PasswordForm />
        </Grid.Col>
      </Grid>
    </>
  );
}

function PasswordForm() {
  const { t } = useI18n();
  const notify = useNotify();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const mismatch = again !== '' && again !== next;
  const fieldError = (field: string) =>
    change.error instanceof ApiError ? change.error.errors.find((e) => e.field === field)?.message : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mismatch) return;
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setAgain('');
          notify({ title: t.auth.passwordChanged });
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} fz="lg">
            {t.auth.changePassword}
          </Title>
          <Text size="sm" c="dimmed">
            {t.auth.passwordHint}
          </Text>
          {change.error && !fieldError('currentPassword') && !fieldError('newPassword') && (
            <ErrorAlert error={change.error} />
          )}
          <PasswordInput
            label={t.auth.currentPassword}
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={fieldError('currentPassword')}
          />
          <PasswordInput
            label={t.auth.newPassword}
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={fieldError('newPassword')}
          />
          <PasswordInput
            label={t.auth.repeatPassword}
            autoComplete="new-password"
            value={again}
            onChange={(e) => setAgain(e.currentTarget.value)}
            error={mismatch ? t.auth.mismatch : undefined}
          />
          <Button type="submit" loading={change.isPending} disabled={!current || !next || mismatch}>
            {t.auth.changePassword}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
