import { expect, it } from 'vitest';
import { foldDiacritics } from './text.ts';

it('folds Vietnamese diacritics and đ', () => {
  expect(foldDiacritics('Đồng Tháp')).toBe('dong thap');
  expect(foldDiacritics('Xã Thượng Nông')).toBe('xa thuong nong');
  expect(foldDiacritics('HỢP TÁC XÃ')).toBe('hop tac xa');
});
