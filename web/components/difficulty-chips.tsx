import { Chip, Group, type MantineSize } from '@mantine/core';
import { DIFFICULTIES, DIFFICULTY_LABELS, type Difficulty } from '../../shared/contracts/reports.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** The difficulty categories (vốn, thị trường, đất đai…) to tick: a report's, a finding's. */
export function DifficultyChips(props: {
  value: Difficulty[];
  onChange: (value: Difficulty[]) => void;
  disabled: boolean;
  size: MantineSize;
}) {
  const { label } = useI18n();
  return (
    <Chip.Group multiple value={props.value} onChange={(v) => props.onChange(v as Difficulty[])}>
      <Group gap="xs">
        {DIFFICULTIES.map((k) => (
          <Chip key={k} value={k} size={props.size} disabled={props.disabled}>
            {label(DIFFICULTY_LABELS[k])}
          </Chip>
        ))}
      </Group>
    </Chip.Group>
  );
}
