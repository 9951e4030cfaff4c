import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordsOf } from '../../../src/features/shared/words.js';
import { tokenize } from '../../../src/features/tasks/tokens.js';

// The forms made once for a whole text must be exactly the ones made token by token.
const byToken = (text: string) => {
  const original = text.split(/\s+/).filter(Boolean);
  return {
    original,
    plain: original.map((t) => wordsOf(t).join(' ')),
    exact: original.map((t) =>
      t
        .normalize('NFC')
        .toLocaleLowerCase('vi')
        .replace(/[^\p{L}\p{N}]+/gu, ''),
    ),
  };
};

const pieces = [
  ...'aAđĐơƠưƯ0 9,.;:-/&()“”…–\t\n\u00a0\u2000\u2001\u3000',
  'giả',
  'GIẢ',
  'Sở TT&TT',
  'kinh phí',
  'Đà Nẵng',
  '\u0301',
  ' \u0301 ',
  'a\u0323\u0302',
  'ΟΔΟΣ',
  'Σ',
  'İ',
  '👨‍👩‍👧',
  '\ud800',
  '\udc00x',
  '①',
  'ǅ',
];

describe('task text tokens', () => {
  it('are the same as made token by token, for any text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(tokenize(text)).toEqual(byToken(text));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        expect(tokenize(text)).toEqual(byToken(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('are the same when a text is met again', () => {
    const text = 'Bố trí kinh phí tuyên truyền, phổ biến (Sở TT&TT)';
    expect(tokenize(text)).toEqual(tokenize(`${text} `.trim()));
    expect(tokenize(text).plain).toEqual(['bo', 'tri', 'kinh', 'phi', 'tuyen', 'truyen', 'pho', 'bien', 'so', 'tt tt']);
  });
});
