import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useAreaUnits } from '../../../lib/area-units.ts';
import { useSession } from '../../../lib/session.tsx';
import { dashboardSearch, type DashboardParams } from '../utils/dashboard-params.ts';

/** "Cả nước › Tỉnh Cao Bằng › Huyện Hạ Lang": where the figures are from, each step a way back up. */
export function AreaTrail({ params }: { params: DashboardParams }) {
  const { t } = useI18n();
  // a user working in one province does not see the whole country: no way up there
  const countryShown = useSession().homeProvince === null;
  const preMerger = params.map === 'pre-2025';
  // the same lists as the area selects: already loaded
  const provinces = useAreaUnits(params.map, null);
  const districts = useAreaUnits(params.map, preMerger ? (params.province ?? undefined) : undefined);
  const communes = useAreaUnits(params.map, (preMerger ? params.district : params.province) ?? undefined);
  const nameOf = (list: typeof provinces, code: string) =>
    list.data?.items.find((unit) => unit.code === code)?.fullName ?? code;

  const steps: { label: string; params: DashboardParams }[] = [
    { label: t.dashboard.country, params: { ...params, province: null, district: null, commune: null } },
  ];
  if (params.province) {
    steps.push({
      label: nameOf(provinces, params.province),
      params: { ...params, district: null, commune: null },
    });
  }
  if (params.district) steps.push({ label: nameOf(districts, params.district), params: { ...params, commune: null } });
  if (params.commune) steps.push({ label: nameOf(communes, params.commune), params });

  return (
    <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }} data-testid="area-trail">
      {steps.map((step, i) =>
        i === steps.length - 1 || (i === 0 && !countryShown) ? (
          <Text
            key={step.label}
            fw={i === steps.length - 1 ? 650 : 400}
            c={i === steps.length - 1 ? undefined : 'dimmed'}
            fz="lg"
            lh={1.3}
          >
            {step.label}
          </Text>
        ) : (
          <Anchor
            key={step.label}
            component={Link}
            to={{ search: `?${dashboardSearch(step.params)}` }}
            fz="lg"
            lh={1.3}
          >
            {step.label}
          </Anchor>
        ),
      )}
    </Breadcrumbs>
  );
}
