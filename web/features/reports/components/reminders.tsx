import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Reminder } from '../../../../shared/contracts/reports.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { apiFetch } from '../../../lib/api.ts';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { periodLabel } from '../../../lib/periods.ts';

// a link in a sentence on a yellow or red alert: underlined, and dark enough to read on it
const inAlert = { size: 'sm', c: 'hoptac.9', underline: 'always' } as const;

/** What needs doing now: one's own report to send, or the area's reports to review or chase. */
export function Reminders() {
  const { t, lang } = useI18n();
  const reminders = useQuery({
    queryKey: ['reports', 'reminders'],
    queryFn: ({ signal }) => apiFetch<Reminder[]>('/api/v1/reminders', { signal }),
    staleTime: 5 * 60_000,
  });
  if (!reminders.data?.length) return null;
  const count = (n: number) => (n > 0 ? formatNumber(n, lang) : null);
  return (
    <Stack gap={6} mb="md" data-testid="reminders" data-print="hide">
      {reminders.data.map((r) => {
        const period = periodLabel(r.period, t.period);
        const due = formatDate(r.dueOn);
        return (
          <Alert key={`${r.kind}-${r.period}`} color={r.late ? 'red' : 'yellow'} py={8}>
            {r.kind === 'own' ? (
              <Text size="sm">
                {t.reminders.own(period, due, r.late)}{' '}
                <Anchor component={Link} to={`/organizations/${r.organizationId}/reports/${r.period}`} {...inAlert}>
                  {t.reminders.status[r.status]}
                </Anchor>
              </Text>
            ) : (
              <Text size="sm">
                {t.reminders.area(period, due, r.area.name)}{' '}
                <Anchor component={Link} to={`/reports?period=${r.period}`} {...inAlert}>
                  {t.reminders.counts(count(r.waiting), count(r.missing))}
                </Anchor>
              </Text>
            )}
          </Alert>
        );
      })}
    </Stack>
  );
}
