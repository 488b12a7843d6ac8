import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { MAP_LABELS } from '../../../../shared/contracts/enums.ts';
import type { ImportJob } from '../../../../shared/contracts/imports.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { IconAlert, IconCheck, IconDownload } from '../../../components/icons.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { periodLabel } from '../../../lib/periods.ts';
import { IMPORT_TEMPLATE_URL, type ImportOptions } from '../api/start-import.ts';
import { useImportFlow } from '../hooks/use-import-flow.ts';
import { outcomeOf, periodError } from '../utils/import-state.ts';
import { ImportErrors } from './import-errors.tsx';
import { ImportForm } from './import-form.tsx';
import { ImportPreview } from './import-preview.tsx';
import { ImportProgress } from './import-progress.tsx';
import { ImportSummary } from './import-summary.tsx';

/** "Tệp: ha-lang.csv · Trước 01/7/2025 (3 cấp) · Năm 2024": what was sent. */
function JobLine({ job }: { job: ImportJob }) {
  const { t, label } = useI18n();
  const { map, period } = job.options;
  return (
    <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
      {[
        t.imports.fileLine(job.fileName),
        label(MAP_LABELS[map]),
        period ? periodLabel(period, t.period) : t.imports.periodNone,
      ].join(' · ')}
    </Text>
  );
}

export function ImportPage() {
  const { t, lang } = useI18n();
  const { state, check, apply, reset, retry } = useImportFlow();
  // kept here, not in the form: after a missing period the form comes back with the same file
  const [file, setFile] = useState<File | null>(null);
  const [options, setOptions] = useState<ImportOptions>({ map: 'current', period: null });
  useDocumentTitle(`${t.imports.title} · hoptac`);

  const { phase, job } = state;
  const result = job?.result;
  const outcome = job && (phase === 'checked' || phase === 'applied') ? outcomeOf(job) : null;
  const missingPeriod = job && outcome === 'unreadable' ? periodError(job) : null;
  const n = (value: number) => formatNumber(value, lang);
  const another = (
    <Button
      variant="default"
      onClick={() => {
        setFile(null);
        reset();
      }}
      data-testid="import-another"
    >
      {t.imports.another}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t.imports.title}
        description={t.imports.description}
        actions={
          <Button
            component="a"
            href={IMPORT_TEMPLATE_URL}
            download
            variant="default"
            leftSection={<IconDownload size={16} />}
            title={t.imports.templateHint}
            data-testid="import-template"
          >
            {t.imports.template}
          </Button>
        }
      />

      <Stack gap="md">
        {(phase === 'idle' || phase === 'uploading' || missingPeriod) && (
          <>
            {state.error !== null && <ErrorAlert error={state.error} />}
            <ImportForm
              file={file}
              onFileChange={setFile}
              options={options}
              onOptionsChange={setOptions}
              periodError={missingPeriod && (lang === 'vi' ? missingPeriod.message : missingPeriod.messageEn)}
              busy={phase === 'uploading'}
              onCheck={(chosen) => void check(chosen, options)}
            />
          </>
        )}

        {(phase === 'checking' || phase === 'starting-apply' || phase === 'applying') && (
          <>
            <ImportProgress stage={phase === 'checking' ? 'checking' : 'applying'} job={job} />
            {state.error !== null && <ErrorAlert error={state.error} onRetry={retry} />}
          </>
        )}

        {job && outcome && !missingPeriod && (
          <>
            <JobLine job={job} />
            {state.error !== null && <ErrorAlert error={state.error} />}

            {outcome === 'unreadable' && (
              <Alert color="red" icon={<IconAlert />} title={t.imports.unreadable} data-testid="import-unreadable">
                <Stack gap="sm" align="flex-start">
                  {job.error && <Text size="sm">{lang === 'vi' ? job.error.message : job.error.messageEn}</Text>}
                  <Text size="sm">{t.imports.unreadableDetail}</Text>
                  {another}
                </Stack>
              </Alert>
            )}

            {outcome === 'invalid' && result && (
              <Alert
                color="red"
                icon={<IconAlert />}
                title={phase === 'applied' ? t.imports.applyFailed : t.imports.hasErrors}
                data-testid="import-invalid"
              >
                <Stack gap="sm" align="flex-start">
                  <Text size="sm">
                    {phase === 'applied'
                      ? t.imports.applyFailedDetail
                      : t.imports.hasErrorsDetail(n(result.errorCount))}
                  </Text>
                  {another}
                </Stack>
              </Alert>
            )}

            {outcome === 'valid' && (
              <Alert color="teal" icon={<IconCheck />} title={t.imports.ready} data-testid="import-valid">
                <Stack gap="sm" align="flex-start">
                  <Text size="sm">{t.imports.readyDetail}</Text>
                  <Group gap="sm">
                    <Button
                      onClick={() => void apply(job.id)}
                      disabled={!job.canApply}
                      leftSection={<IconCheck size={16} />}
                      data-testid="import-apply"
                    >
                      {t.imports.apply}
                    </Button>
                    {another}
                  </Group>
                </Stack>
              </Alert>
            )}

            {outcome === 'written' && result && (
              <Alert color="teal" icon={<IconCheck />} title={t.imports.done} data-testid="import-done">
                <Stack gap="sm" align="flex-start">
                  <Text size="sm">
                    {t.imports.doneDetail(n(result.created), n(result.updated), n(result.unchanged))}
                  </Text>
                  <Group gap="sm">
                    <Button component={Link} to={`/organizations?map=${job.options.map}`} data-testid="import-registry">
                      {t.imports.viewRegistry}
                    </Button>
                    <Button
                      component={Link}
                      to={`/dashboard?map=${job.options.map}${job.options.period ? `&period=${job.options.period}` : ''}`}
                      variant="light"
                    >
                      {t.imports.viewDashboard}
                    </Button>
                    {another}
                  </Group>
                </Stack>
              </Alert>
            )}

            {result && <ImportSummary result={result} />}

            {result && result.warnings.length > 0 && (
              <Alert color="yellow" title={t.imports.warnings} data-testid="import-warnings">
                <List size="sm" spacing={2}>
                  {result.warnings.map((warning, i) => (
                    <List.Item key={i}>{lang === 'vi' ? warning.message : warning.messageEn}</List.Item>
                  ))}
                </List>
              </Alert>
            )}

            {result && result.errorCount > 0 && <ImportErrors result={result} />}
            {result && (outcome === 'valid' || (outcome === 'invalid' && result.preview.length > 0)) && (
              <ImportPreview result={result} />
            )}
          </>
        )}
      </Stack>
    </>
  );
}
