import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useEffectEvent, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { IconSearch } from './icons.tsx';

const DEBOUNCE_MS = 300;

interface SearchBoxProps {
  value: string;
  onSearch: (q: string) => void;
  placeholder: string;
  testId: string;
}

/** A search input that reports its text once typing pauses; follows `value` when it changes elsewhere (back button). */
export function SearchBox({ value, onSearch, placeholder, testId }: SearchBoxProps) {
  const { t } = useI18n();
  const [text, setText] = useState(value);
  const [debounced] = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const [seen, setSeen] = useState(value);

  if (value !== seen) {
    setSeen(value);
    if (value !== debounced) setText(value);
  }

  // only a new debounced text searches; `value` catching up must not
  const search = useEffectEvent((q: string) => {
    if (q !== value) onSearch(q);
  });
  useEffect(() => search(debounced), [debounced]);

  return (
    <TextInput
      type="search"
      data-testid={testId}
      aria-label={placeholder}
      placeholder={placeholder}
      leftSection={<IconSearch size={16} />}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      rightSection={text ? <CloseButton size="sm" aria-label={t.app.close} onClick={() => setText('')} /> : null}
      maxLength={100}
    />
  );
}
