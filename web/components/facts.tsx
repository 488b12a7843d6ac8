import { DataList, useMatches } from '@mantine/core';
import type { ReactNode } from 'react';

export type Fact = [label: string, value: ReactNode];

/** Label–value pairs: side by side on wide screens, stacked on phones. */
export function Facts({
  facts,
  labelWidth = 160,
  divided = false,
}: {
  facts: Fact[];
  labelWidth?: number;
  divided?: boolean;
}) {
  const orientation = useMatches<'vertical' | 'horizontal'>({ base: 'vertical', xs: 'horizontal' });
  return (
    <DataList labelWidth={labelWidth} withDivider={divided} gap="xs" orientation={orientation}>
      {facts.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel c="dimmed">{label}</DataList.ItemLabel>
          <DataList.ItemValue style={{ overflowWrap: 'anywhere' }}>{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}
