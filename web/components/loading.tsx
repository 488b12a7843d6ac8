import { Loader, type LoaderProps } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';

/** Mantine's dots while data is on its way, announced to screen readers ("Đang tải…"). */
export function Loading(props: LoaderProps) {
  const { t } = useI18n();
  return <Loader type="dots" role="status" aria-label={t.app.loading} {...props} />;
}
