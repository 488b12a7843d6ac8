import { Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { SECTOR_LABELS } from '../../../../shared/contracts/enums.ts';
import type { Organization } from '../../../../shared/contracts/organizations.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatDate } from '../../../lib/format.ts';
import { areaText } from '../utils/area-text.ts';
import { KindBadge, StatusBadge } from './org-badges.tsx';

/** The registry on a phone: one card per organisation instead of a wide table. */
export function OrganizationCards({
  items,
  skeletonRows,
}: {
  items: Organization[] | undefined;
  skeletonRows: number;
}) {
  const { t, label } = useI18n();
  if (!items) {
    return (
      <Stack gap="sm">
        {Array.from({ length: skeletonRows }, (_, i) => (
          <Skeleton key={i} height={112} radius="md" />
        ))}
      </Stack>
    );
  }
  return (
    <Stack gap="sm">
      {items.map((org) => (
        <Paper
          key={org.id}
          withBorder
          p="md"
          component={Link}
          to={`/organizations/${org.id}`}
          c="inherit"
          td="none"
          data-testid="org-card"
        >
          <Stack gap={6}>
            <Text fw={600} lh={1.35}>
              {org.name}
            </Text>
            <Group gap={6}>
              <KindBadge kind={org.kind} size="sm" />
              <StatusBadge status={org.status} size="sm" />
            </Group>
            <Text size="sm" c="dimmed">
              {org.registrationNo} · {label(SECTOR_LABELS[org.sector])}
            </Text>
            <Text size="sm" c="dimmed">
              {areaText(org)}
              {org.foundedOn && ` · ${t.org.foundedOn.toLowerCase()} ${formatDate(org.foundedOn)}`}
            </Text>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
