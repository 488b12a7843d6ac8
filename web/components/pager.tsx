import { Pagination, type PaginationProps } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';

/** Mantine's pagination with a spoken name on each button (its arrows have only an icon). */
export function Pager(props: PaginationProps) {
  const { t } = useI18n();
  return (
    <Pagination
      getControlProps={(control) => ({ 'aria-label': t.pager[control] })}
      getItemProps={(page) => ({ 'aria-label': t.pager.page(page) })}
      {...props}
    />
  );
}
