import { describe, expect, it } from 'vitest';
import { formatFileSize } from './file-size.ts';

describe('formatFileSize', () => {
  it('writes small files in bytes, an empty one as 0 B', () => {
    expect(formatFileSize(0, 'vi')).toBe('0 B');
    expect(formatFileSize(3, 'en')).toBe('3 B');
    expect(formatFileSize(1023, 'vi')).toBe('1.023 B');
  });

  it('writes larger files in KB and MB, with each language’s separators', () => {
    expect(formatFileSize(1024, 'vi')).toBe('1 KB');
    expect(formatFileSize(12_800, 'en')).toBe('13 KB');
    expect(formatFileSize(3.4 * 1024 * 1024, 'vi')).toBe('3,4 MB');
    expect(formatFileSize(50 * 1024 * 1024, 'en')).toBe('50 MB');
  });
});
