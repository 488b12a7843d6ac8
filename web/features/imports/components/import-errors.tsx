import { Card, Code, Group, Stack, Table, Text, useMatches } from '@mantine/core';
import { useState } from 'react';
import type { ImportError, ImportResult } from '../../../../shared/contracts/imports.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { Pager } from '../../../components/pager.tsx';

const PAGE_SIZE = 25;

/** Every bad cell: line, column, value and what is wrong, a page at a time. */
export function ImportErrors({ result }: { result: ImportResult }) {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(1);
  const { errors, errorCount } = result;
  const pages = Math.ceil(errors.length / PAGE_SIZE);
  const shown = errors.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const n = (value: number) => formatNumber(value, lang);
  // on a phone, four columns leave the message a few words wide
  const narrow = useMatches({ base: true, sm: false });

  return (
    <Card padding={0} shadow="none" data-testid="import-errors">
      <Group justify="space-between" px="md" py="sm" bg="gray.0" gap="xs">
        <Text fw={650}>
          {t.imports.errorsTitle} ({n(errorCount)})
        </Text>
        {errorCount > errors.length && (
          <Text size="sm" c="dimmed">
            {t.imports.errorsShown(n(errors.length), n(errorCount))}
          </Text>
        )}
      </Group>
      {narrow ? <ErrorList errors={shown} /> : <ErrorTable errors={shown} />}
      {pages > 1 && (
        <Group justify="flex-end" px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
          <Pager total={pages} value={page} onChange={setPage} size="sm" data-testid="import-errors-pages" />
        </Group>
      )}
    </Card>
  );
}

function ErrorValue({ value }: { value: string | null }) {
  if (value === null || value === '') return null;
  return <Code style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{value}</Code>;
}

function ErrorTable({ errors }: { errors: ImportError[] }) {
  const { t, lang } = useI18n();
  return (
    <Table.ScrollContainer minWidth={640} type="native">
      <Table fz="sm" verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70} ta="right">
              {t.imports.line}
            </Table.Th>
            <Table.Th w={170}>{t.imports.column}</Table.Th>
            <Table.Th w={200}>{t.imports.value}</Table.Th>
            <Table.Th>{t.imports.message}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.map((error, i) => (
            <Table.Tr key={`${error.line}-${error.column}-${i}`} data-testid="import-error-row">
              <Table.Td ta="right" ff="monospace">
                {error.line}
              </Table.Td>
              <Table.Td>
                {error.column ?? (
                  <Text span size="sm" c="dimmed" fs="italic">
                    {t.imports.wholeRow}
                  </Text>
                )}
              </Table.Td>
              <Table.Td maw={200}>
                {error.value !== null && error.value !== '' && (
                  <Code style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{error.value}</Code>
                )}
              </Table.Td>
              <Table.Td c="red">{lang === 'vi' ? error.message : error.messageEn}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ErrorList({ errors }: { errors: ImportError[] }) {
  const { t, lang } = useI18n();
  return (
    <Stack gap={0}>
      {errors.map((error, i) => (
        <Stack
          key={`${error.line}-${error.column}-${i}`}
          gap={4}
          px="md"
          py="sm"
          style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
          data-testid="import-error-row"
        >
          <Group gap={6} wrap="wrap">
            <Text size="sm" fw={650}>
              {t.imports.line} {error.line}
            </Text>
            <Text size="sm" c="dimmed">
              · {error.column ?? t.imports.wholeRow}
            </Text>
            <ErrorValue value={error.value} />
          </Group>
          <Text size="sm" c="red">
            {lang === 'vi' ? error.message : error.messageEn}
          </Text>
        </Stack>
      ))}
    </Stack>
  );
}
