import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { dictionaries, type Dictionary } from './dictionary.ts';
import { LANGS, type Bilingual, type Lang } from './lang.ts';

const STORAGE_KEY = 'hoptac.lang';

interface I18n {
  lang: Lang;
  t: Dictionary;
  setLang: (lang: Lang) => void;
  /** Picks this language's text of a label pair (the contracts' enum tables). */
  label: (pair: Bilingual) => string;
}

const I18nContext = createContext<I18n | null>(null);

function storedLang(): Lang {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return LANGS.find((l) => l === value) ?? 'vi';
  } catch {
    return 'vi';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this visit only
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const value = useMemo<I18n>(
    () => ({ lang, t: dictionaries[lang], setLang, label: (pair) => pair[lang] }),
    [lang, setLang],
  );
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const value = use(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
