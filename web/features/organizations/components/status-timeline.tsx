import { Card, Text, Timeline, Title } from '@mantine/core';
import { STATUS_LABELS } from '../../../../shared/contracts/enums.ts';
import type { OrganizationDetail } from '../../../../shared/contracts/organizations.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatDate } from '../../../lib/format.ts';

/** The legal status history, newest first. */
export function StatusTimeline({ history }: { history: OrganizationDetail['statusHistory'] }) {
  const { t, label } = useI18n();
  const events = [...history].sort(
    (a, b) => b.effectiveOn.localeCompare(a.effectiveOn) || b.recordedAt.localeCompare(a.recordedAt),
  );
  return (
    <Card data-testid="status-history">
      <Title order={2} fz="lg" mb="md">
        {t.detail.history}
      </Title>
      {events.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t.detail.noHistory}
        </Text>
      ) : (
        <Timeline active={0} bulletSize={14} lineWidth={2}>
          {events.map((event) => (
            <Timeline.Item key={`${event.effectiveOn}-${event.recordedAt}`} title={label(STATUS_LABELS[event.status])}>
              <Text size="sm" c="dimmed">
                {formatDate(event.effectiveOn.slice(0, 10))}
              </Text>
              {event.note && <Text size="sm">{event.note}</Text>}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  );
}
