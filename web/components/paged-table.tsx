import { Card, Group, Table, Text } from '@mantine/core';
import { Loading } from './loading.tsx';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorAlert } from './error-alert.tsx';
import { Pager } from './pager.tsx';

interface Paged {
  total: number;
  items: readonly unknown[];
}

/** A page of a list in a card: its loading and error states, the header, the rows, the empty message, the pager. */
export function PagedTable<T extends Paged>({
  query,
  head,
  rows,
  empty,
  page,
  pageSize,
  onPage,
  minWidth,
  testId,
}: {
  query: UseQueryResult<T>;
  head: ReactNode;
  rows: (data: T) => ReactNode;
  empty: string;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  minWidth: number;
  testId: string;
}) {
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Loading />;
  return (
    <Card p={0}>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table verticalSpacing="sm" data-testid={testId}>
          <Table.Thead>
            <Table.Tr>{head}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>{rows(query.data)}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {query.data.items.length === 0 && (
        <Text c="dimmed" p="md">
          {empty}
        </Text>
      )}
      {query.data.total > pageSize && (
        <Group justify="center" p="sm">
          <Pager size="sm" total={Math.ceil(query.data.total / pageSize)} value={page} onChange={onPage} />
        </Group>
      )}
    </Card>
  );
}
