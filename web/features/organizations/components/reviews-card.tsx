import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Loading } from '../../../components/loading.tsx';
import { useState } from 'react';
import { Link } from 'react-router';
import { REVIEW_KIND_LABELS } from '../../../../shared/contracts/field-reviews.ts';
import { DIFFICULTY_LABELS } from '../../../../shared/contracts/reports.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { Pager } from '../../../components/pager.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatDate } from '../../../lib/format.ts';
import { REVIEWS_PAGE, useOrganizationReviews } from '../api/get-reviews.ts';

/** Rà soát: the field reviews that saw the organisation, and what each found there. */
export function ReviewsCard({ id }: { id: number }) {
  const { t, label } = useI18n();
  const [page, setPage] = useState(1);
  const reviews = useOrganizationReviews(id, page);
  const total = reviews.data?.total ?? 0;
  return (
    <Paper withBorder radius="md" p="md" data-testid="org-reviews">
      <Title order={2} fz="lg" mb="sm">
        {t.reviews.title}
      </Title>
      {reviews.isPending && <Loading size="sm" />}
      {reviews.isError && <ErrorAlert error={reviews.error} />}
      {reviews.data?.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t.reviews.noneOfOrganization}
        </Text>
      )}
      <Stack gap="sm">
        {reviews.data?.items.map((r) => (
          <Stack key={r.id} gap={4} data-testid="org-review">
            <Group gap="xs" wrap="wrap">
              <Text size="sm" fw={500}>
                {formatDate(r.heldOn)}
              </Text>
              <Anchor component={Link} to={`/field-reviews/${r.id}`} size="sm">
                {r.title}
              </Anchor>
              <Badge variant="light" size="sm">
                {label(REVIEW_KIND_LABELS[r.kind])}
              </Badge>
              <Text size="xs" c="dimmed">
                {r.areaName}
              </Text>
            </Group>
            {r.finding?.findings && <Text size="sm">{r.finding.findings}</Text>}
            {r.finding && r.finding.difficulties.length > 0 && (
              <Group gap={6}>
                {r.finding.difficulties.map((d) => (
                  <Badge key={d} color="orange" variant="outline" size="sm">
                    {label(DIFFICULTY_LABELS[d])}
                  </Badge>
                ))}
              </Group>
            )}
            {r.finding?.proposals && (
              <Text size="sm" c="dimmed">
                {t.reviews.proposals}: {r.finding.proposals}
              </Text>
            )}
          </Stack>
        ))}
      </Stack>
      {total > REVIEWS_PAGE && (
        <Group justify="center" mt="sm">
          <Pager size="sm" total={Math.ceil(total / REVIEWS_PAGE)} value={page} onChange={setPage} />
        </Group>
      )}
    </Paper>
  );
}
