import { describe, expect, it } from 'vitest';
import { hasClassifiedMarking } from '../../src/features/shared/classified.js';
import { stripControl } from '../../src/kernel/text.js';

describe('invisible characters', () => {
  it('cannot hide a secrecy marking behind a zero-width character', () => {
    expect(hasClassifiedMarking('Tài liệu M\u200bẬT')).toBe(true);
    expect(hasClassifiedMarking('Tài liệu \u2060mật\u200c')).toBe(true);
    expect(hasClassifiedMarking('tai lieu m\ufeffat')).toBe(true);
  });

  it('strips bidi overrides and zero-width characters from names and texts, keeping emoji sequences', () => {
    expect(stripControl('Tr\u202eần Thị Bình\u202c')).toBe('Trần Thị Bình');
    expect(stripControl('a\u200bb\u200dc')).toBe('abc');
    expect(stripControl('Gia đình 👨\u200d👩\u200d👧')).toBe('Gia đình 👨\u200d👩\u200d👧');
  });
});
