import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import type { AdminUnitDetail } from '../../../../shared/contracts/admin-units.ts';
import { IconChevronRight } from '../../../components/icons.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';

/** Cả nước › province › (district ›) unit; every step but the last selects that unit. */
export function UnitBreadcrumbs({
  unit,
  onSelect,
}: {
  unit: AdminUnitDetail | undefined;
  onSelect: (code: string | null) => void;
}) {
  const { t } = useI18n();
  const steps = unit ? [...unit.ancestors, unit] : [];
  return (
    <Breadcrumbs
      separator={<IconChevronRight size={12} />}
      separatorMargin={4}
      data-testid="unit-breadcrumbs"
      style={{ flexWrap: 'wrap' }}
    >
      {unit ? (
        <Anchor component="button" type="button" size="sm" onClick={() => onSelect(null)}>
          {t.units.country}
        </Anchor>
      ) : (
        <Text size="sm" fw={600}>
          {t.units.country}
        </Text>
      )}
      {steps.map((step, i) =>
        i === steps.length - 1 ? (
          <Text key={step.code} size="sm" fw={600}>
            {step.name}
          </Text>
        ) : (
          <Anchor key={step.code} component="button" type="button" size="sm" onClick={() => onSelect(step.code)}>
            {step.name}
          </Anchor>
        ),
      )}
    </Breadcrumbs>
  );
}
