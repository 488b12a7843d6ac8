import '@mantine/core/styles.css';
import './print.css';
import './touch.css';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { NotificationsProvider } from '../components/notifications.tsx';
import { I18nProvider } from '../i18n/i18n.tsx';
import { ApiError } from '../lib/api.ts';
import { cssVariablesResolver, theme } from './theme.ts';

/** Client errors (4xx) will not get better by asking again. */
function shouldRetry(failureCount: number, error: Error): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { staleTime: 30_000, retry: shouldRetry, refetchOnWindowFocus: false },
          mutations: { retry: false },
        },
      }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <I18nProvider>
          <NotificationsProvider>{children}</NotificationsProvider>
        </I18nProvider>
      </MantineProvider>
    </QueryClientProvider>
  );
}
