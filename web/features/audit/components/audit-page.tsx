import { EmptyState, Group, Paper, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { Loading } from '../../../components/loading.tsx';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { AUDIT_ENTITIES, type AuditEntity } from '../../../../shared/contracts/audit.ts';
import { AuditEvents } from '../../../components/audit-events.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { IconHistory } from '../../../components/icons.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatNumber, parseDate } from '../../../lib/format.ts';
import { useAudit } from '../api/list-audit.ts';
import { Pager } from '../../../components/pager.tsx';

const PAGE_SIZE = 30;

/** The administrator's search in the audit trail: by user, record and days. */
export function AuditPage() {
  const { t, lang } = useI18n();
  useDocumentTitle(`${t.audit.title} · hoptac`);
  const [filter, setFilter] = useState({ userId: '', entity: '', entityId: '', from: '', to: '' });
  const [page, setPage] = useState(1);
  const set = (patch: Partial<typeof filter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  // typed as dd/mm/yyyy, as every date of the app; a day not yet whole filters nothing
  const days = { from: parseDate(filter.from), to: parseDate(filter.to) };
  const list = useAudit({
    ...(/^\d+$/.test(filter.userId) && { userId: Number(filter.userId) }),
    ...(filter.entity && { entity: filter.entity as AuditEntity }),
    ...(filter.entityId && { entityId: filter.entityId }),
    ...(days.from && { from: days.from }),
    ...(days.to && { to: days.to }),
    page,
    pageSize: PAGE_SIZE,
  });
  const total = list.data?.total ?? 0;

  return (
    <>
      <PageHeader title={t.audit.title} description={t.audit.description} />
      <Paper withBorder radius="md" p="md" mb="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }}>
          <TextInput
            label={t.audit.userId}
            inputMode="numeric"
            value={filter.userId}
            onChange={(e) => set({ userId: e.currentTarget.value.trim() })}
          />
          <Select
            label={t.audit.entity}
            clearable
            data={AUDIT_ENTITIES.map((e) => ({ value: e, label: t.audit.entities[e] ?? e }))}
            value={filter.entity || null}
            onChange={(v) => set({ entity: v ?? '' })}
          />
          <TextInput
            label={t.audit.entityId}
            value={filter.entityId}
            onChange={(e) => set({ entityId: e.currentTarget.value.trim() })}
          />
          {(['from', 'to'] as const).map((end) => (
            <TextInput
              key={end}
              label={t.audit[end]}
              placeholder={t.form.datePlaceholder}
              inputMode="numeric"
              value={filter[end]}
              onChange={(e) => set({ [end]: e.currentTarget.value })}
              error={filter[end].trim() && !days[end] ? t.form.invalidDate : undefined}
              data-testid={`audit-${end}`}
            />
          ))}
        </SimpleGrid>
      </Paper>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <Loading />}
      {list.data && list.data.items.length === 0 && (
        <EmptyState mt="xl" icon={<IconHistory size={28} />} variant="light" title={t.audit.empty} />
      )}
      {list.data && list.data.items.length > 0 && (
        <>
          <Text size="sm" c="dimmed" mb="xs">
            {t.audit.count(formatNumber(total, lang))}
          </Text>
          <AuditEvents list={list.data} showRecord />
          <Group justify="center" mt="md">
            <Pager total={Math.max(1, Math.ceil(total / PAGE_SIZE))} value={page} onChange={setPage} />
          </Group>
        </>
      )}
    </>
  );
}
