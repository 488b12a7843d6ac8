import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { periodLabel, recentPeriods } from '../lib/periods.ts';

type Passed = Pick<SelectProps, 'label' | 'description' | 'placeholder' | 'error' | 'disabled' | 'wrapperProps'>;

/**
 * A period among the recent ones, newest first ("Năm 2026", "6 tháng cuối năm 2026", …);
 * empty means the latest period with data unless the placeholder says otherwise.
 */
export function PeriodSelect({
  value,
  onChange,
  years,
  testId,
  ...passed
}: Passed & {
  value: string | null;
  onChange: (period: string | null) => void;
  years: number;
  testId: string;
}) {
  const { t } = useI18n();
  const periods = useMemo(() => {
    const recent = recentPeriods(new Date(), years);
    // a period from a shared link may be older than the list
    return value && !recent.includes(value) ? [...recent, value] : recent;
  }, [value, years]);
  return (
    <Select
      placeholder={t.period.latest}
      {...passed}
      data-testid={testId}
      data={periods.map((code) => ({ value: code, label: periodLabel(code, t.period) }))}
      value={value}
      onChange={onChange}
      clearable
    />
  );
}
