import { Badge, Card, Table, Text } from '@mantine/core';
import { GRADE_LABELS, SECTOR_LABELS } from '../../../../shared/contracts/enums.ts';
import type { ImportPreviewRow, ImportResult } from '../../../../shared/contracts/imports.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { EMPTY, formatDate, formatMoneyShort, formatNumber } from '../../../lib/format.ts';

const ACTION_COLORS: Record<ImportPreviewRow['action'], string> = {
  create: 'hoptac',
  update: 'blue',
  unchanged: 'gray',
};

/** The first rows as they will be stored: keys of the enumerations, codes, whole VND. */
export function ImportPreview({ result }: { result: ImportResult }) {
  const { t, lang, label } = useI18n();
  const actionLabel = { create: t.imports.toCreate, update: t.imports.toUpdate, unchanged: t.imports.unchanged };
  const money = (vnd: number | null) => formatMoneyShort(vnd, lang);

  return (
    <Card padding={0} shadow="none" data-testid="import-preview">
      <Text fw={650} px="md" py="sm" bg="gray.0">
        {t.imports.preview}
      </Text>
      {result.preview.length === 0 ? (
        <Text c="dimmed" p="md" size="sm">
          {t.imports.previewEmpty}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={900} type="native">
          <Table fz="sm" verticalSpacing="xs" style={{ whiteSpace: 'nowrap' }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th ta="right">{t.imports.line}</Table.Th>
                <Table.Th>{t.imports.action}</Table.Th>
                <Table.Th>{t.org.registrationNo}</Table.Th>
                <Table.Th>{t.org.name}</Table.Th>
                <Table.Th>{t.org.kind}</Table.Th>
                <Table.Th>{t.org.sector}</Table.Th>
                <Table.Th>{t.imports.place}</Table.Th>
                <Table.Th>{t.org.foundedOn}</Table.Th>
                <Table.Th ta="right">{t.detail.members}</Table.Th>
                <Table.Th ta="right">{t.detail.workers}</Table.Th>
                <Table.Th ta="right">{t.detail.charterCapital}</Table.Th>
                <Table.Th ta="right">{t.detail.revenue}</Table.Th>
                <Table.Th>{t.detail.grade}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.preview.map((row) => (
                <Table.Tr key={row.line} data-testid="import-preview-row">
                  <Table.Td ta="right" ff="monospace">
                    {row.line}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={ACTION_COLORS[row.action]}>{actionLabel[row.action]}</Badge>
                  </Table.Td>
                  <Table.Td ff="monospace">{row.registrationNo}</Table.Td>
                  <Table.Td miw={220} style={{ whiteSpace: 'normal' }}>
                    {row.name}
                  </Table.Td>
                  <Table.Td>{row.kind}</Table.Td>
                  <Table.Td>{label(SECTOR_LABELS[row.sector])}</Table.Td>
                  <Table.Td ff="monospace">
                    {[row.provinceCode, row.districtCode, row.communeCode].filter(Boolean).join(' · ')}
                  </Table.Td>
                  <Table.Td>{formatDate(row.foundedOn)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(row.members, lang)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(row.workers, lang)}</Table.Td>
                  <Table.Td ta="right">{money(row.charterCapitalVnd)}</Table.Td>
                  <Table.Td ta="right">{money(row.revenueVnd)}</Table.Td>
                  <Table.Td>{row.grade ? label(GRADE_LABELS[row.grade]) : EMPTY}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
