import { Button, Center, Paper, PasswordInput, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { IconLeaf } from '../../../components/icons.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { LanguageSwitch } from '../../../components/language-switch.tsx';
import { useSignIn } from '../api/sign-in.ts';

/** Where to go after signing in: the page that asked for it, on this site only. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const { t } = useI18n();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  useDocumentTitle(`${t.auth.title} · hoptac`);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate(
      { email, password },
      { onSuccess: () => void navigate(safeNext(search.get('next')), { replace: true }) },
    );
  };

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={400}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Stack gap={4} align="center">
              <ThemeIcon
                size={48}
                radius="md"
                variant="gradient"
                gradient={{ from: 'hoptac.6', to: 'hoptac.9', deg: 135 }}
              >
                <IconLeaf size={28} />
              </ThemeIcon>
              <Title order={1} fz={24}>
                {t.auth.title}
              </Title>
              <Text c="dimmed" size="sm">
                {t.auth.subtitle}
              </Text>
            </Stack>
            {search.get('expired') && !signIn.error && (
              <Text size="sm" c="orange" ta="center">
                {t.auth.expired}
              </Text>
            )}
            {signIn.error && <ErrorAlert error={signIn.error} />}
            <TextInput
              label={t.auth.email}
              type="email"
              autoComplete="username"
              required
              autoFocus
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              data-testid="login-email"
            />
            <PasswordInput
              label={t.auth.password}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              data-testid="login-password"
            />
            <Button type="submit" loading={signIn.isPending} disabled={!email || !password} data-testid="login-submit">
              {t.auth.signIn}
            </Button>
            <Center>
              <LanguageSwitch />
            </Center>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
