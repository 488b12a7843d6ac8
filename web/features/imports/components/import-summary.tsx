import { Card, SimpleGrid, Text } from '@mantine/core';
import type { ImportResult } from '../../../../shared/contracts/imports.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatNumber } from '../../../lib/format.ts';

/** Rows read, to create, to update, unchanged, errors. */
export function ImportSummary({ result }: { result: ImportResult }) {
  const { t, lang } = useI18n();
  const tiles: [label: string, value: number, color?: string][] = [
    [t.imports.rows, result.rows],
    [t.imports.toCreate, result.created, 'hoptac.8'],
    [t.imports.toUpdate, result.updated, 'blue.7'],
    [t.imports.unchanged, result.unchanged],
    [t.imports.errorCount, result.errorCount, result.errorCount > 0 ? 'red' : undefined],
  ];
  return (
    <SimpleGrid cols={{ base: 3, md: 5 }} spacing="xs" data-testid="import-summary">
      {tiles.map(([label, value, color]) => (
        <Card key={label} padding="sm" shadow="none">
          <Text size="xs" c="dimmed" fw={500}>
            {label}
          </Text>
          <Text fz={22} fw={700} c={color}>
            {formatNumber(value, lang)}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}
