import { Anchor, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { AdminUnitDetail } from '../../../../shared/contracts/admin-units.ts';
import { LEVEL_LABELS, MAP_LABELS, type MapName } from '../../../../shared/contracts/enums.ts';
import { Facts, type Fact } from '../../../components/facts.tsx';
import { IconBuilding } from '../../../components/icons.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { registryLink } from '../utils/registry-link.ts';

type UnitRef = AdminUnitDetail['successors'][number];

function RefList({ refs, map, testId }: { refs: UnitRef[]; map: MapName; testId: string }) {
  const { t } = useI18n();
  if (refs.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t.units.noSuccessors}
      </Text>
    );
  }
  return (
    <List spacing={6} size="sm" data-testid={testId} listStyleType="none" ml={0} pl={0}>
      {refs.map((ref) => (
        <List.Item key={ref.code}>
          <Group gap={8} wrap="nowrap">
            <Anchor
              size="sm"
              component={Link}
              to={`/admin-units?${new URLSearchParams(map === 'current' ? { unit: ref.code } : { map, unit: ref.code })}`}
            >
              {ref.fullName}
            </Anchor>
            <Text span size="xs" c="dimmed" ff="monospace">
              {ref.code}
            </Text>
            <Badge size="xs" color={ref.coverage === 'full' ? 'teal' : 'orange'}>
              {ref.coverage === 'full' ? t.units.full : t.units.partial}
            </Badge>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}

/** A unit's facts, where it went in the 2025 reform (or where it came from) and its organisations. */
export function UnitDetailPanel({ unit }: { unit: AdminUnitDetail }) {
  const { t, lang, label } = useI18n();
  const isOld = unit.map === 'pre-2025';
  return (
    <Card data-testid="unit-detail">
      <Stack gap="md">
        <div>
          <Title order={2} fz="xl">
            {unit.fullName}
          </Title>
          {unit.nameEn && lang === 'en' && (
            <Text size="sm" c="dimmed">
              {unit.nameEn}
            </Text>
          )}
        </div>
        <Facts
          labelWidth={150}
          facts={[
            [t.units.code, unit.code],
            [t.units.level, label(LEVEL_LABELS[unit.level])],
            [t.units.type, unit.type],
            [t.registry.map, label(MAP_LABELS[unit.map])],
            ...(unit.childCount > 0 ? [[t.units.childCount, formatNumber(unit.childCount, lang)] satisfies Fact] : []),
          ]}
        />
        <div>
          <Text fw={600} size="sm" mb={6}>
            {isOld ? t.units.successors : t.units.predecessors}
          </Text>
          {isOld ? (
            <RefList refs={unit.successors} map="current" testId="unit-successors" />
          ) : (
            <RefList refs={unit.predecessors} map="pre-2025" testId="unit-predecessors" />
          )}
        </div>
        <Button
          component={Link}
          to={registryLink(unit)}
          variant="light"
          leftSection={<IconBuilding size={16} />}
          style={{ alignSelf: 'flex-start' }}
          data-testid="unit-view-organizations"
        >
          {t.units.viewOrganizations}
        </Button>
      </Stack>
    </Card>
  );
}
