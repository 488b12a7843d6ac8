import { Alert, Button, Group, Table, Text } from '@mantine/core';
import { KIND_LABELS, SECTOR_LABELS, STATUS_LABELS } from '../../../../shared/contracts/enums.ts';
import { IconAlert } from '../../../components/icons.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { EMPTY } from '../../../lib/format.ts';
import { changedFields, type FieldName, type FormValues } from '../utils/form-values.ts';

interface ConflictAlertProps {
  /** The values the edit started from. */
  base: FormValues;
  mine: FormValues;
  /** The record as someone else saved it. */
  theirs: FormValues;
  onRebase: () => void;
  onDiscard: () => void;
}

/** 409: someone saved a newer version. Lists what they changed next to what this user has. */
export function ConflictAlert({ base, mine, theirs, onRebase, onDiscard }: ConflictAlertProps) {
  const { t, label } = useI18n();
  const fields = changedFields(base, theirs);

  const show = (field: FieldName, values: FormValues): string => {
    if (field === 'kind') return values.kind ? label(KIND_LABELS[values.kind]) : EMPTY;
    if (field === 'sector') return values.sector ? label(SECTOR_LABELS[values.sector]) : EMPTY;
    if (field === 'status') return label(STATUS_LABELS[values.status]);
    return values[field]?.trim() || EMPTY;
  };

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
      {fields.length > 0 && (
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
              {fields.map((field) => (
                <Table.Tr key={field} data-testid="conflict-field" data-field={field}>
                  <Table.Td fw={600}>{t.org[field]}</Table.Td>
                  <Table.Td>{show(field, mine)}</Table.Td>
                  <Table.Td c="var(--mantine-color-orange-light-color)" fw={500}>
                    {show(field, theirs)}
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
