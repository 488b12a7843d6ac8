import { Badge, Card, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { MAP_LABELS } from '../../../../shared/contracts/enums.ts';
import type { OrganizationDetail } from '../../../../shared/contracts/organizations.ts';
import { Facts } from '../../../components/facts.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { EMPTY } from '../../../lib/format.ts';
import { useAreaUnit } from '../api/get-area-unit.ts';

function place(code: string | null, name: string | null | undefined): ReactNode {
  if (!code) return EMPTY;
  return (
    <>
      {name ?? code}{' '}
      <Text span c="dimmed" size="sm" ff="monospace">
        ({code})
      </Text>
    </>
  );
}

/** Where the organisation is on the current map and, when recorded, on the pre-2025 map. */
export function PlacementCard({ org }: { org: OrganizationDetail }) {
  const { t, label } = useI18n();
  const oldProvince = useAreaUnit('pre-2025', org.oldProvinceCode);
  const oldDistrict = useAreaUnit('pre-2025', org.oldDistrictCode);
  const oldCommune = useAreaUnit('pre-2025', org.oldCommuneCode);
  const hasOld = Boolean(org.oldProvinceCode ?? org.oldDistrictCode ?? org.oldCommuneCode);

  return (
    <Card data-testid="placement">
      <Title order={2} fz="lg" mb="md">
        {t.detail.placement}
      </Title>
      <Stack gap="md">
        <div>
          <Text fw={600} size="sm" mb={6}>
            {t.detail.currentMap}
          </Text>
          <Facts
            labelWidth={150}
            facts={[
              [t.org.provinceCode, place(org.provinceCode, org.provinceName)],
              [t.org.communeCode, place(org.communeCode, org.communeName)],
            ]}
          />
        </div>
        <div>
          <Text fw={600} size="sm" mb={6}>
            {t.detail.oldMap}
          </Text>
          {hasOld ? (
            <Facts
              labelWidth={150}
              facts={[
                [t.registry.province, place(org.oldProvinceCode, oldProvince.data?.fullName)],
                [t.registry.district, place(org.oldDistrictCode, oldDistrict.data?.fullName)],
                [t.registry.commune, place(org.oldCommuneCode, oldCommune.data?.fullName)],
              ]}
            />
          ) : (
            <Text size="sm" c="dimmed">
              {t.detail.noOldPlacement}
            </Text>
          )}
        </div>
        <Badge variant="default" size="sm" style={{ alignSelf: 'flex-start' }}>
          {t.detail.recordedOn(label(MAP_LABELS[org.recordedMap]))}
        </Badge>
      </Stack>
    </Card>
  );
}
