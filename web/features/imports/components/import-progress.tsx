import { Card, Group, Loader, Progress, Stack, Text } from '@mantine/core';
import type { ImportJob } from '../../../../shared/contracts/imports.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatNumber } from '../../../lib/format.ts';

interface ImportProgressProps {
  /** what is running: the upload, the check or the writing */
  stage: 'uploading' | 'checking' | 'applying';
  job: ImportJob | null;
}

/**
 * The rows processed so far. The job does not say how many rows the file has, so the bar
 * moves without a percentage.
 */
export function ImportProgress({ stage, job }: ImportProgressProps) {
  const { t, lang } = useI18n();
  const running = job?.status === 'running' && job.options.dryRun === (stage === 'checking');
  const title =
    stage === 'uploading' ? t.imports.uploading : stage === 'checking' ? t.imports.checking : t.imports.applying;
  const detail = running ? t.imports.processed(formatNumber(job.processedRows, lang)) : t.imports.queued;

  return (
    <Card padding="lg" shadow="none" data-testid="import-progress" aria-live="polite">
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap">
          <Loader size="sm" />
          <Text fw={650}>{title}</Text>
        </Group>
        <Progress value={100} striped animated size="lg" aria-label={title} />
        <Group justify="space-between" gap="xs">
          <Text size="sm" c="dimmed" data-testid="import-processed">
            {stage === 'uploading' ? '' : detail}
          </Text>
          {job && (
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {t.imports.fileLine(job.fileName)}
            </Text>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
