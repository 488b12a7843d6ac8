import { Anchor, Card, Title } from '@mantine/core';
import { SECTOR_LABELS } from '../../../../shared/contracts/enums.ts';
import type { OrganizationDetail } from '../../../../shared/contracts/organizations.ts';
import { Facts } from '../../../components/facts.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { EMPTY, formatDate, formatDateTime } from '../../../lib/format.ts';

export function GeneralInfoCard({ org }: { org: OrganizationDetail }) {
  const { t, label } = useI18n();
  return (
    <Card data-testid="general-info">
      <Title order={2} fz="lg" mb="md">
        {t.detail.general}
      </Title>
      <Facts
        divided
        labelWidth={220}
        facts={[
          [t.org.sector, label(SECTOR_LABELS[org.sector])],
          [t.org.foundedOn, formatDate(org.foundedOn)],
          [t.org.statusSince, formatDate(org.statusSince)],
          [t.org.address, org.address ?? EMPTY],
          [t.org.representative, org.representative ?? EMPTY],
          [
            t.org.phone,
            org.phone ? (
              <Anchor inherit href={`tel:${org.phone.replace(/[^0-9+]/g, '')}`}>
                {org.phone}
              </Anchor>
            ) : (
              EMPTY
            ),
          ],
          [
            t.org.email,
            org.email ? (
              <Anchor inherit href={`mailto:${org.email}`}>
                {org.email}
              </Anchor>
            ) : (
              EMPTY
            ),
          ],
          [t.org.updatedAt, formatDateTime(org.updatedAt)],
        ]}
      />
    </Card>
  );
}
