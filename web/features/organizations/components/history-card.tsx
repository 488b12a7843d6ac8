import { Group, Paper, Text, Title } from '@mantine/core';
import { Loading } from '../../../components/loading.tsx';
import { useState } from 'react';
import { AuditEvents } from '../../../components/audit-events.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useHistory } from '../api/get-history.ts';
import { Pager } from '../../../components/pager.tsx';

/** Who changed the organisation, when, and what (the audit trail). */
export function HistoryCard({ id, version }: { id: number; version: number }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const history = useHistory(id, version, page);
  const total = history.data?.total ?? 0;
  return (
    <Paper withBorder radius="md" p="md" data-testid="history-card">
      <Title order={2} fz="lg" mb="sm">
        {t.audit.history}
      </Title>
      {history.isPending && <Loading size="sm" />}
      {history.isError && <ErrorAlert error={history.error} />}
      {history.data?.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t.audit.noHistory}
        </Text>
      )}
      {history.data && history.data.items.length > 0 && <AuditEvents list={history.data} />}
      {total > 20 && (
        <Group justify="center" mt="sm">
          <Pager size="sm" total={Math.ceil(total / 20)} value={page} onChange={setPage} />
        </Group>
      )}
    </Paper>
  );
}
