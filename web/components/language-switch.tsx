import { SegmentedControl } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useI18n } from '../i18n/i18n.tsx';
import { LANGS, type Lang } from '../i18n/lang.ts';

/** VI / EN, in the header and on the sign-in page. */
export function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  // a finger needs a taller target than the small switch a mouse clicks (WCAG 2.5.5: 44 px)
  const touch = useMediaQuery('(pointer: coarse)', false, { getInitialValueInEffect: false });
  return (
    <SegmentedControl
      size="xs"
      aria-label={t.app.language}
      data-testid="language-switch"
      styles={touch ? { label: { padding: '9px 12px' } } : undefined}
      value={lang}
      onChange={(value) => setLang(value as Lang)}
      data={LANGS.map((l) => ({ value: l, label: l.toUpperCase() }))}
    />
  );
}
