import { Alert, Badge, Button, Card, FileButton, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { WorkbookPreview, WorkbookRow } from '../../../../shared/contracts/reports.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { IconDownload, IconUpload } from '../../../components/icons.tsx';
import { useNotify } from '../../../components/notifications.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { apiFetch, queryString } from '../../../lib/api.ts';
import { formatNumber } from '../../../lib/format.ts';
import { Pager } from '../../../components/pager.tsx';

const OUTCOME_COLORS = { new: 'teal', changed: 'blue', unchanged: 'gray', error: 'red' } as const;

/**
 * The Excel round trip of the area's reports: download the workbook, upload it back, see each
 * change and error by cell, then apply all of it (or nothing).
 */
export function WorkbookPanel({ area, period }: { area: string | null; period: string }) {
  const { t, lang } = useI18n();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  // the last answer stays on screen while the next request (apply) runs
  const [preview, setPreview] = useState<WorkbookPreview | null>(null);
  const send = useMutation({
    mutationFn: ({ chosen, apply }: { chosen: File; apply: boolean }) => {
      const body = new FormData();
      body.set('period', period);
      body.set('apply', String(apply));
      body.set('file', chosen);
      return apiFetch<WorkbookPreview>('/api/v1/reports/workbook', { method: 'POST', body });
    },
    onSuccess: (answer) => {
      if (!answer.applied) return setPreview(answer);
      notify({ title: t.workbook.applied(formatNumber(answer.counts.new + answer.counts.changed, lang)) });
      setFile(null);
      setPreview(null);
      void queryClient.invalidateQueries({ queryKey: ['reports'] });
    },
  });
  const pending = preview ? preview.counts.new + preview.counts.changed : 0;

  return (
    <Card mb="md">
      <Group justify="space-between" gap="sm">
        <div>
          <Text fw={600}>{t.workbook.title}</Text>
          <Text size="sm" c="dimmed">
            {t.workbook.hint}
          </Text>
        </div>
        <Group gap="sm">
          <Button
            component="a"
            variant="default"
            leftSection={<IconDownload size={16} />}
            href={`/api/v1/reports/workbook.xlsx${queryString({ area, period })}`}
            data-testid="workbook-download"
          >
            {t.workbook.download}
          </Button>
          <FileButton
            accept=".xlsx"
            onChange={(chosen) => {
              setFile(chosen);
              setPreview(null);
              if (chosen) send.mutate({ chosen, apply: false });
            }}
          >
            {(props) => (
              <Button {...props} variant="light" leftSection={<IconUpload size={16} />} data-testid="workbook-upload">
                {t.workbook.upload}
              </Button>
            )}
          </FileButton>
        </Group>
      </Group>
      {send.error && <ErrorAlert error={send.error} />}
      {preview && file && (
        <Stack gap="sm" mt="md" data-testid="workbook-preview">
          <Text size="sm">
            {t.workbook.counts(
              formatNumber(preview.counts.rows, lang),
              formatNumber(preview.counts.new + preview.counts.changed, lang),
              formatNumber(preview.counts.unchanged, lang),
              formatNumber(preview.counts.errors, lang),
            )}
          </Text>
          {preview.counts.errors > 0 && <Alert color="red">{t.workbook.fixFirst}</Alert>}
          {preview.rows.length > 0 && <PreviewRows rows={preview.rows} />}
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                setFile(null);
                setPreview(null);
              }}
            >
              {t.workbook.cancel}
            </Button>
            <Button
              disabled={preview.counts.errors > 0 || pending === 0}
              loading={send.isPending}
              onClick={() => send.mutate({ chosen: file, apply: true })}
              data-testid="workbook-apply"
            >
              {t.workbook.apply(formatNumber(pending, lang))}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}

const PAGE_SIZE = 25;
/** Errors first (they block applying), then rows with warnings, then the rest; by line within each. */
const rank = (r: WorkbookRow) => (r.outcome === 'error' ? 0 : r.warnings.length > 0 ? 1 : 2);

/** The rows of a preview, a page at a time: a province's workbook changes thousands. */
function PreviewRows({ rows }: { rows: WorkbookRow[] }) {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(1);
  const sorted = useMemo(() => [...rows].sort((a, b) => rank(a) - rank(b) || a.line - b.line), [rows]);
  const pages = Math.ceil(sorted.length / PAGE_SIZE);
  const current = Math.min(page, pages); // a refused apply answers a new preview in place, maybe shorter
  const show = (v: unknown) =>
    v === null ? '—' : Array.isArray(v) ? v.join(', ') : typeof v === 'number' ? formatNumber(v, lang) : String(v);
  return (
    <>
      <Table.ScrollContainer minWidth={720}>
        <Table fz="sm" verticalSpacing={6} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.workbook.line}</Table.Th>
              <Table.Th>{t.reports.organization}</Table.Th>
              <Table.Th>{t.workbook.outcome}</Table.Th>
              <Table.Th>{t.workbook.cells}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE).map((r) => (
              <Table.Tr key={r.line} data-testid="workbook-row">
                <Table.Td>{r.line}</Table.Td>
                <Table.Td>
                  {r.name ?? r.registrationNo}
                  {r.name && (
                    <Text size="xs" c="dimmed">
                      {r.registrationNo}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={OUTCOME_COLORS[r.outcome]}>
                    {t.workbook.outcomes[r.outcome]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {r.errors.map((e) => (
                    <Text key={`e-${e.column}-${e.message}`} size="xs" c="red">
                      {e.column}: {lang === 'vi' ? e.message : e.messageEn}
                    </Text>
                  ))}
                  {r.changes.map((c) => (
                    <Text key={`c-${c.field}`} size="xs">
                      {c.column}: {show(c.before)} → <b>{show(c.after)}</b>
                    </Text>
                  ))}
                  {r.warnings.map((w) => (
                    <Text key={`w-${w.column}-${w.message}`} size="xs" c="orange">
                      {w.column}: {lang === 'vi' ? w.message : w.messageEn}
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && (
        <Group justify="flex-end">
          <Pager total={pages} value={current} onChange={setPage} size="sm" data-testid="workbook-pages" />
        </Group>
      )}
    </>
  );
}
