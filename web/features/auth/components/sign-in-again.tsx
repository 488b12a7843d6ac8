import { Anchor, Button, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { setCsrfToken } from '../../../lib/api.ts';
import type { SessionUser } from '../../../lib/session.tsx';
import { SESSION_KEY } from '../api/get-session.ts';
import { signIn } from '../api/sign-in.ts';

/**
 * The session ended while a page was open (idle for two hours, or ended by an administrator):
 * the same account signs in again over the page, which stays as it was, typed figures
 * included; then the pages' data is read again. Another account means leaving the page.
 */
export function SignInAgain({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const location = useLocation();
  const [password, setPassword] = useState('');
  const again = useMutation({
    mutationFn: signIn,
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(SESSION_KEY, session);
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    },
  });
  const next = encodeURIComponent(`${location.pathname}${location.search}`);
  return (
    <Modal
      opened
      onClose={() => {}}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      centered
      title={t.auth.againTitle}
      data-testid="sign-in-again"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          again.mutate({ email: user.email, password });
        }}
        noValidate
      >
        <Stack gap="sm">
          <Text size="sm">{t.auth.againHint}</Text>
          {again.error && <ErrorAlert error={again.error} />}
          <TextInput label={t.auth.email} value={user.email} readOnly />
          <PasswordInput
            label={t.auth.password}
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            required
            data-autofocus
            data-testid="again-password"
          />
          <Button type="submit" loading={again.isPending} disabled={!password} data-testid="again-submit">
            {t.auth.signIn}
          </Button>
          <Anchor href={`/login?next=${next}`} size="sm">
            {t.auth.otherAccount}
          </Anchor>
        </Stack>
      </form>
    </Modal>
  );
}
