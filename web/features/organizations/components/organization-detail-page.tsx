import { Button, Grid, Group, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { BackLink } from '../../../components/back-link.tsx';
import { IconHistory, IconPencil } from '../../../components/icons.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { useCan } from '../../../lib/session.tsx';
import { useOrganization } from '../../../lib/organization.ts';
import { GeneralInfoCard } from './general-info-card.tsx';
import { HistoryCard } from './history-card.tsx';
import { KindBadge, StatusBadge } from './org-badges.tsx';
import { PlacementCard } from './placement-card.tsx';
import { ReportsTable } from './reports-table.tsx';
import { ReviewsCard } from './reviews-card.tsx';
import { StatusTimeline } from './status-timeline.tsx';

export function OrganizationDetailPage() {
  const { t, lang } = useI18n();
  const id = Number(useParams().id);
  const query = useOrganization(id);
  const org = query.data;
  const canReport = useCan('reports.read');
  const canGrade = useCan('grades.score');
  const canReadReviews = useCan('reviews.read');
  const year = String(new Date().getFullYear());
  useDocumentTitle(`${org?.name ?? t.registry.title} · hoptac`);

  if (query.isError) {
    return (
      <Stack gap="md">
        <BackLink to="/organizations" label={t.detail.back} />
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  }
  if (!org) {
    return (
      <Stack>
        <Skeleton height={28} width="60%" />
        <Skeleton height={18} width={240} />
        <Skeleton height={260} mt="md" />
      </Stack>
    );
  }

  return (
    <>
      <PageHeader
        above={<BackLink to="/organizations" label={t.detail.back} />}
        title={<span data-testid="org-name">{org.name}</span>}
        meta={
          <Group gap="xs">
            <KindBadge kind={org.kind} long />
            <StatusBadge status={org.status} />
            <Text size="sm" c="dimmed">
              {t.org.registrationNo}:{' '}
              <Text span ff="monospace" c="dark.6" data-testid="org-registration-no">
                {org.registrationNo}
              </Text>
            </Text>
            <Text size="xs" c="dimmed">
              · {t.detail.version(formatNumber(org.version, lang))}
            </Text>
          </Group>
        }
        actions={
          <>
            {canReport && (
              <Button
                component={Link}
                to={`/organizations/${org.id}/reports/${year}`}
                variant="default"
                data-testid="report-button"
              >
                {t.reports.open}
              </Button>
            )}
            {canGrade && (
              <Button
                component={Link}
                to={`/organizations/${org.id}/grades/${year}`}
                variant="default"
                data-testid="grade-button"
              >
                {t.grading.open}
              </Button>
            )}
            {org.can.update && (
              <Button
                component={Link}
                to={`/organizations/${org.id}/edit`}
                leftSection={<IconPencil size={16} />}
                data-testid="edit-button"
              >
                {t.detail.edit}
              </Button>
            )}
          </>
        }
      />
      <Tabs defaultValue="overview" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="overview">{t.detail.general}</Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} />} data-testid="history-tab">
            {t.audit.history}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview">
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <GeneralInfoCard org={org} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Stack gap="md">
                <PlacementCard org={org} />
                <StatusTimeline history={org.statusHistory} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={12}>
              <ReportsTable reports={org.reports} />
            </Grid.Col>
            {canReadReviews && (
              <Grid.Col span={12}>
                <ReviewsCard id={org.id} />
              </Grid.Col>
            )}
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <HistoryCard id={org.id} version={org.version} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
