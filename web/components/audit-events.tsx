import { Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import type { AuditList } from '../../shared/contracts/audit.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatDateTime } from '../lib/format.ts';
import { changeTexts } from './audit-text.ts';

/** Audit events, newest first: who, when, what, and each field before → after. */
export function AuditEvents({ list, showRecord = false }: { list: AuditList; showRecord?: boolean }) {
  const { t, lang } = useI18n();
  return (
    <Stack gap="sm" data-testid="audit-events">
      {list.items.map((e) => {
        const changes = changeTexts(t, lang, e.entity, e.changes, list.unitNames);
        return (
          <Paper key={e.id} withBorder radius="md" p="sm" data-testid="audit-event">
            <Group justify="space-between" gap="xs" mb={changes.length ? 6 : 0}>
              <Group gap="xs">
                <Badge variant="light">{t.audit.actions[e.action] ?? e.action}</Badge>
                {showRecord && (
                  <Text size="sm" fw={500}>
                    {t.audit.entities[e.entity] ?? e.entity} {e.entityId}
                  </Text>
                )}
                <Text size="sm">{e.userEmail ?? t.audit.commandLine}</Text>
              </Group>
              <Text size="xs" c="dimmed">
                {formatDateTime(e.at)}
                {e.ip && ` · ${e.ip}`}
              </Text>
            </Group>
            {e.note && (
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
                {e.note}
              </Text>
            )}
            {changes.length > 0 && (
              <Table.ScrollContainer minWidth={420}>
                <Table fz="sm" verticalSpacing={4}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w="34%">{t.audit.field}</Table.Th>
                      <Table.Th w="33%">{t.audit.before}</Table.Th>
                      <Table.Th w="33%">{t.audit.after}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {changes.map((c) => (
                      <Table.Tr key={c.key}>
                        <Table.Td>{c.label}</Table.Td>
                        <Table.Td c="dimmed">{c.before}</Table.Td>
                        <Table.Td>{c.after}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
