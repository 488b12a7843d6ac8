import { Button, Card, Group, Skeleton, Text } from '@mantine/core';
import { useRef } from 'react';
import type { StatsQuery } from '../../../../shared/contracts/stats.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { IconCopy } from '../../../components/icons.tsx';
import { useNotify } from '../../../components/notifications.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { copyText } from '../../../lib/clipboard.ts';
import { useNarrative } from '../api/get-narrative.ts';

/** The paragraph officials paste into their reports (contracts §5), with a copy button. */
export function NarrativeCard({ query }: { query: StatsQuery }) {
  const { t } = useI18n();
  const notify = useNotify();
  const narrative = useNarrative(query);
  const textRef = useRef<HTMLParagraphElement>(null);
  const text = narrative.data?.text;

  async function copy() {
    if (!text) return;
    if (await copyText(text)) {
      notify({ title: t.dashboard.copied, message: t.dashboard.copiedDetail });
      return;
    }
    // select the paragraph so that Ctrl+C is all that is left to do
    const node = textRef.current;
    if (node) window.getSelection()?.selectAllChildren(node);
    notify({ title: t.dashboard.copyFailed, message: t.dashboard.copyFailedDetail, tone: 'error' });
  }

  return (
    <Card padding="md" shadow="none" mb="lg" component="section" aria-labelledby="narrative-title">
      <Group justify="space-between" mb="sm" gap="xs">
        <Text fw={650} id="narrative-title">
          {t.dashboard.narrative}
        </Text>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconCopy size={14} />}
          onClick={() => void copy()}
          disabled={!text}
          data-testid="copy-narrative"
          data-print="hide"
        >
          {t.dashboard.copy}
        </Button>
      </Group>
      {narrative.isError && <ErrorAlert error={narrative.error} onRetry={() => void narrative.refetch()} />}
      {narrative.isPending && (
        <>
          <Skeleton height={12} mb={8} />
          <Skeleton height={12} mb={8} />
          <Skeleton height={12} width="70%" />
        </>
      )}
      {text && (
        <Text
          ref={textRef}
          lang="vi"
          lh={1.65}
          p="md"
          bg="gray.0"
          style={{
            borderLeft: '3px solid var(--mantine-color-hoptac-6)',
            borderRadius: 'var(--mantine-radius-sm)',
            opacity: narrative.isFetching ? 0.6 : 1,
          }}
          data-testid="narrative-text"
        >
          {text}
        </Text>
      )}
    </Card>
  );
}
