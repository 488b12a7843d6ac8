import { Alert, Button, Text } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiError } from '../lib/api.ts';
import { IconAlert } from './icons.tsx';

/** Shows a failed request in the reader's language, with a retry when one is given. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, lang } = useI18n();
  const apiError = error instanceof ApiError ? error : null;
  const { title, detail } = apiError?.text(lang) ?? { title: t.errors.network, detail: undefined };
  // asking again for a missing or refused record gives the same answer
  const retryable = !apiError || apiError.status === 0 || apiError.status >= 500;
  return (
    <Alert color="red" variant="light" icon={<IconAlert />} title={title} data-testid="error-alert">
      {detail && <Text size="sm">{detail}</Text>}
      {apiError?.requestId && (
        <Text size="xs" mt={4}>
          {t.errors.requestId}: {apiError.requestId}
        </Text>
      )}
      {onRetry && retryable && (
        <Button size="xs" variant="white" color="red" mt="sm" onClick={onRetry}>
          {t.app.retry}
        </Button>
      )}
    </Alert>
  );
}
