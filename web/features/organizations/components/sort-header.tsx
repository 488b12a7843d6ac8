import { Group, Table, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Sort } from '../../../../shared/contracts/organizations.ts';
import { IconSelector, IconSortAsc, IconSortDesc } from '../../../components/icons.tsx';
import type { SortKey } from '../utils/registry-params.ts';

interface SortHeaderProps {
  column: SortKey;
  sort: Sort;
  onSort: (sort: Sort) => void;
  children: ReactNode;
}

/** A column title that sorts ascending on the first click and flips on the next. */
export function SortHeader({ column, sort, onSort, children }: SortHeaderProps) {
  const direction = sort === column ? 'ascending' : sort === `-${column}` ? 'descending' : 'none';
  const Icon = direction === 'ascending' ? IconSortAsc : direction === 'descending' ? IconSortDesc : IconSelector;
  return (
    <Table.Th aria-sort={direction}>
      <UnstyledButton
        onClick={() => onSort(direction === 'ascending' ? `-${column}` : column)}
        data-testid={`sort-${column}`}
        fw={600}
        fz="sm"
      >
        <Group gap={4} wrap="nowrap">
          {children}
          <Icon size={14} style={{ opacity: direction === 'none' ? 0.4 : 1 }} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
