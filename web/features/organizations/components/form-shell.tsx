import { Alert, Button, Group, List, Paper, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { Link } from 'react-router';
import { BackLink } from '../../../components/back-link.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { IconAlert } from '../../../components/icons.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Failure } from '../hooks/use-organization-form.ts';

interface FormShellProps {
  title: string;
  back: { to: string; label: string };
  failure: Failure | null;
  /** Shown above the failure (the conflict alert). */
  notice?: ReactNode;
  saving: boolean;
  onSubmit: () => void;
  children: ReactNode;
}

/** Header, failure banner, the sections and a sticky Save / Cancel bar. */
export function FormShell({ title, back, failure, notice, saving, onSubmit, children }: FormShellProps) {
  const { t, label } = useI18n();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate data-testid="organization-form">
      <PageHeader above={<BackLink to={back.to} label={back.label} />} title={title} />
      <Stack gap="md">
        {notice}
        {failure?.kind === 'invalid' && (
          <Alert color="red" variant="light" icon={<IconAlert />} title={t.form.fixErrors} data-testid="form-errors">
            {failure.other.length > 0 && (
              <List size="sm">
                {failure.other.map((message) => (
                  <List.Item key={message.vi}>{label(message)}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
        {failure?.kind === 'error' && <ErrorAlert error={failure.error} />}
        {failure?.kind === 'unchanged' && (
          <Alert color="blue" variant="light" data-testid="form-unchanged">
            {t.form.noChanges}
          </Alert>
        )}
        {children}
        <Paper withBorder p="sm" pos="sticky" bottom={8} shadow="md" style={{ zIndex: 5 }}>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" component={Link} to={back.to} data-testid="cancel-button">
              {t.form.cancel}
            </Button>
            <Button type="submit" loading={saving} data-testid="save-button" miw={120}>
              {t.form.save}
            </Button>
          </Group>
        </Paper>
      </Stack>
    </form>
  );
}
