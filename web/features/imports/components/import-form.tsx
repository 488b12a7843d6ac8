import { Button, Card, Group, Input, SegmentedControl, SimpleGrid, Stack, Text, useMatches } from '@mantine/core';
import { useState } from 'react';
import { MAPS, MAP_LABELS, type MapName } from '../../../../shared/contracts/enums.ts';
import { IconCheck } from '../../../components/icons.tsx';
import { PeriodSelect } from '../../../components/period-select.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { ImportOptions } from '../api/start-import.ts';
import { fileProblem } from '../utils/import-state.ts';
import { FileDrop } from './file-drop.tsx';

const PERIOD_YEARS = 8;

/** Why the file is refused, as the form says it. */
const PROBLEM_TEXT = { type: 'badType', empty: 'emptyFile', size: 'tooLarge' } as const;

interface ImportFormProps {
  file: File | null;
  onFileChange: (file: File | null) => void;
  options: ImportOptions;
  onOptionsChange: (options: ImportOptions) => void;
  /** the server's answer when the file needs a period and none was chosen */
  periodError: string | null;
  busy: boolean;
  onCheck: (file: File) => void;
}

/** The file, the map its codes are on and the period of its figures; "Check" sends a dry run. */
export function ImportForm({
  file,
  onFileChange,
  options,
  onOptionsChange,
  periodError,
  busy,
  onCheck,
}: ImportFormProps) {
  const { t, label } = useI18n();
  const [touched, setTouched] = useState(false);
  // the two maps' names do not fit side by side on a phone
  const orientation = useMatches<'vertical' | 'horizontal'>({ base: 'vertical', xs: 'horizontal' });

  const problem = file ? fileProblem(file) : null;
  const fileError = problem ? t.imports[PROBLEM_TEXT[problem]] : touched && !file ? t.imports.fileRequired : null;

  return (
    <Card
      padding="lg"
      shadow="none"
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (file && !problem) onCheck(file);
      }}
    >
      <Stack gap="md">
        <FileDrop file={file} onChange={onFileChange} error={fileError} disabled={busy} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Input.Wrapper label={t.imports.map} description={t.imports.mapHint}>
            <SegmentedControl
              data-testid="import-map"
              fullWidth
              orientation={orientation}
              mt={4}
              disabled={busy}
              data={MAPS.map((map) => ({ value: map, label: label(MAP_LABELS[map]) }))}
              value={options.map}
              onChange={(map) => onOptionsChange({ ...options, map: map as MapName })}
            />
          </Input.Wrapper>
          <PeriodSelect
            testId="import-period"
            wrapperProps={{ 'data-testid': 'import-period-field' }}
            label={t.imports.period}
            description={t.imports.periodHint}
            placeholder={t.imports.periodNone}
            years={PERIOD_YEARS}
            value={options.period}
            onChange={(period) => onOptionsChange({ ...options, period })}
            error={options.period ? null : periodError}
            disabled={busy}
          />
        </SimpleGrid>
        <Group justify="space-between" gap="sm">
          <Text size="sm" c="dimmed">
            {t.imports.checkHint}
          </Text>
          <Button type="submit" loading={busy} leftSection={<IconCheck size={16} />} data-testid="import-check">
            {t.imports.check}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
