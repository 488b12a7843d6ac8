import { Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import type { AuditEvent } from '../../shared/contracts/audit.ts';
import { ROLE_LABELS } from '../../shared/contracts/auth.ts';
import { GRADE_LABELS, KIND_LABELS, MAP_LABELS, SECTOR_LABELS, STATUS_LABELS } from '../../shared/contracts/enums.ts';
import type { Dictionary } from '../i18n/dictionary.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { Bilingual } from '../i18n/lang.ts';
import { formatDate, formatDateTime, formatNumber } from '../lib/format.ts';

/** The label of a changed field: an organisation's or an account's; `members@2024` is a figure of 2024. */
function fieldLabel(t: Dictionary, key: string): string {
  const [field = key, period] = key.split('@');
  const figures: Record<string, string> = {
    members: t.detail.members,
    workers: t.detail.workers,
    charterCapitalVnd: t.detail.charterCapital,
    revenueVnd: t.detail.revenue,
    profitVnd: t.detail.profit,
    incomePerWorkerMonthVnd: t.detail.incomePerWorker,
    grade: t.detail.grade,
  };
  const fields: Record<string, string> = {
    ...(t.org as unknown as Record<string, string>),
    ...figures,
    role: t.users.role,
    areaCode: t.users.area,
    areaName: t.users.area,
    organizationId: t.users.organization,
    disabled: t.users.status,
    password: t.users.password,
    recordedMap: t.registry.map,
  };
  const label = typeof fields[field] === 'string' ? fields[field] : field;
  return period ? `${label} (${t.audit.period(period)})` : label;
}

const ENUMS: Record<string, Record<string, Bilingual>> = {
  kind: KIND_LABELS,
  sector: SECTOR_LABELS,
  status: STATUS_LABELS,
  grade: GRADE_LABELS,
  role: ROLE_LABELS,
  recordedMap: MAP_LABELS,
};

function valueText(key: string, value: unknown, label: (b: Bilingual) => string, lang: 'vi' | 'en'): string {
  if (value === null || value === undefined || value === '') return '—';
  const field = key.split('@')[0]!;
  const pairs = ENUMS[field];
  if (pairs && typeof value === 'string' && pairs[value]) return label(pairs[value]);
  if (typeof value === 'number') return formatNumber(value, lang);
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  return String(value);
}

/** Audit events, newest first: who, when, what, and each field before → after. */
export function AuditEvents({ events, showRecord = false }: { events: AuditEvent[]; showRecord?: boolean }) {
  const { t, lang, label } = useI18n();
  return (
    <Stack gap="sm" data-testid="audit-events">
      {events.map((e) => {
        const changes = Object.entries(e.changes);
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
                    {changes.map(([key, [before, after]]) => (
                      <Table.Tr key={key}>
                        <Table.Td>{fieldLabel(t, key)}</Table.Td>
                        <Table.Td c="dimmed">{valueText(key, before, label, lang)}</Table.Td>
                        <Table.Td>{valueText(key, after, label, lang)}</Table.Td>
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
