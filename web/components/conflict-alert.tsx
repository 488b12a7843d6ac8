import { Alert, Button, Group, Table, Text } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';
import { IconAlert } from './icons.tsx';

export interface ConflictRow {
  field: string;
  label: string;
  mine: string;
  theirs: string;
}

interface ConflictAlertProps {
  /** What the other person changed, with this user's value beside it. */
  rows: ConflictRow[];
  /** Keep this user's edits on top of the new version (the next save sends them). */
  onRebase: () => void;
  /** Take the new version and drop this user's edits. */
  onDiscard: () => void;
}

/** 409: someone saved a newer version while this user edited. Shows what they changed, and two ways on. */
export function ConflictAlert({ rows, onRebase, onDiscard }: ConflictAlertProps) {
  const { t } = useI18n();
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlert />}
      title={t.conflict.title}
      data-testid="conflict-alert"
      mb="md"
    >
      <Text size="sm" mb="sm">
        {t.conflict.body}
      </Text>
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={420} mb="sm">
          <Table withTableBorder bg="white" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.conflict.field}</Table.Th>
                <Table.Th>{t.conflict.yours}</Table.Th>
                <Table.Th>{t.conflict.theirs}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.field} data-testid="conflict-field" data-field={row.field}>
                  <Table.Td fw={600}>{row.label}</Table.Td>
                  <Table.Td>{row.mine}</Table.Td>
                  <Table.Td c="var(--mantine-color-orange-light-color)" fw={500}>
                    {row.theirs}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group gap="sm">
        <Button size="sm" onClick={onRebase} data-testid="conflict-rebase">
          {t.conflict.rebase}
        </Button>
        <Button variant="default" size="sm" onClick={onDiscard} data-testid="conflict-discard">
          {t.conflict.discard}
        </Button>
      </Group>
    </Alert>
  );
}
