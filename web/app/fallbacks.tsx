import { Button, Center, Code, EmptyState, Stack } from '@mantine/core';
import { Loading } from '../components/loading.tsx';
import type { ReactNode } from 'react';
import { Link, useRouteError } from 'react-router';
import { IconAlert, IconLock, IconMap } from '../components/icons.tsx';
import { useI18n } from '../i18n/i18n.tsx';

export function PageLoader() {
  return (
    <Center py={80} data-testid="page-loader">
      <Loading />
    </Center>
  );
}

/** A whole-page notice with one way on. */
function PageNotice(props: {
  icon: ReactNode;
  title: string;
  description: string;
  to: string;
  action: string;
  testId?: string;
}) {
  return (
    <EmptyState
      mt={60}
      icon={props.icon}
      variant="light"
      title={props.title}
      description={props.description}
      data-testid={props.testId}
    >
      <EmptyState.Actions>
        <Button component={Link} to={props.to}>
          {props.action}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}

export function NotFound() {
  const { t } = useI18n();
  return (
    <PageNotice
      icon={<IconMap size={28} />}
      title={t.app.notFound}
      description={t.app.notFoundHint}
      to="/organizations"
      action={t.app.backHome}
    />
  );
}

/** A page the signed-in role may not use, said before any form is filled or request refused. */
export function NotPermitted() {
  const { t } = useI18n();
  return (
    <PageNotice
      icon={<IconLock size={28} />}
      title={t.app.notPermitted}
      description={t.app.notPermittedHint}
      to="/"
      action={t.app.toStart}
      testId="not-permitted"
    />
  );
}

/** Last resort for a page that crashed or whose code failed to load. */
export function RouteError() {
  const { t } = useI18n();
  const error = useRouteError();
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Center mih="100vh" p="md">
      <Stack align="center" maw={520}>
        <EmptyState
          icon={<IconAlert size={28} />}
          variant="light"
          color="red"
          title={t.app.crashed}
          description={message}
        />
        <Code>{window.location.pathname}</Code>
        <Button onClick={() => window.location.reload()}>{t.app.retry}</Button>
      </Stack>
    </Center>
  );
}
