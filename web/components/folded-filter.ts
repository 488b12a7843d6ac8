import type { ComboboxItem, OptionsFilter } from '@mantine/core';
import { foldDiacritics } from '../lib/text.ts';

/** Select search that ignores case and diacritics ("ha noi" finds "Hà Nội"). */
export const foldedFilter: OptionsFilter<string> = ({ options, search }) => {
  const needle = foldDiacritics(search.trim());
  return options.filter(
    (option): option is ComboboxItem => 'label' in option && foldDiacritics(option.label).includes(needle),
  );
};
