import { normalize } from '../../kernel/text.js';

// Figures as people answer them: "khoảng 250 lượt", "năm mươi lăm", "-3". Rewrites the answer into the plain
// digits the number readers expect. Only a leading run of number words is read, so "Sở Tư pháp" stays words,
// and digits are left as typed ("1,5 tỷ", "15.000").

const ABOUT = new Set(['khoang', 'chung', 'gan', 'hon', 'tren', 'xap', 'xi', 'uoc', 'tinh', 'co', 'la', 'duoc']);
// "tầm"/"độ" are "tám"/"đỏ" without marks: read as "about" only right before digits.
const ABOUT_BEFORE_DIGITS = new Set(['tam', 'do']);

const DIGITS: Record<string, number> = {
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  lam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
};
const SCALES: Record<string, number> = { nghin: 1_000, ngan: 1_000, trieu: 1_000_000, ty: 1_000_000_000 };
const FILLERS = new Set(['muoi', 'tram', 'linh', 'le']);

const fold = (word: string): string => normalize(word).replace(/\s+/g, '');

function withoutAbout(text: string): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  let start = 0;
  while (start < words.length - 1) {
    const word = fold(words[start]!);
    const beforeDigits = /^\d/.test(words[start + 1]!);
    if (!ABOUT.has(word) && !(ABOUT_BEFORE_DIGITS.has(word) && beforeDigits)) break;
    start++;
  }
  return words.slice(start);
}

/** The answer without "khoảng"/"gần"... and with a leading number in words written in digits. */
export function spokenFigure(text: string): string {
  const words = withoutAbout(text);
  let run = 0;
  while (run < words.length && isNumberWord(fold(words[run]!))) run++;
  const value = run > 0 ? wordsToNumber(words.slice(0, run).map(fold)) : undefined;
  return [...(value === undefined ? words.slice(0, run) : [String(value)]), ...words.slice(run)].join(' ');
}

/** "-3", "âm 3", "khoảng -3": a figure below zero, to be refused as such rather than as "not a number". */
export function isNegativeFigure(text: string): boolean {
  const words = withoutAbout(text);
  const first = words[0] ?? '';
  if (/^[-−]\s*\d/.test(first) || (/^[-−]$/.test(first) && /^\d/.test(words[1] ?? ''))) return true;
  return fold(first) === 'am' && words.length > 1 && /^\d/.test(spokenFigure(words.slice(1).join(' ')));
}

const isNumberWord = (word: string): boolean => word in DIGITS || word in SCALES || FILLERS.has(word);

/** "năm mươi lăm" 55, "mười lăm" 15, "một trăm linh năm" 105, "hai nghìn" 2000; undefined for "hai ba". */
function wordsToNumber(words: string[]): number | undefined {
  let total = 0;
  let chunk = 0;
  let pending: number | undefined;
  for (const word of words) {
    if (word in DIGITS) {
      if (pending !== undefined) return undefined;
      pending = DIGITS[word]!;
    } else if (word === 'muoi' || word === 'tram') {
      chunk += (pending ?? 1) * (word === 'muoi' ? 10 : 100);
      pending = undefined;
    } else if (word in SCALES) {
      total += (chunk + (pending ?? 0) || 1) * SCALES[word]!;
      chunk = 0;
      pending = undefined;
    }
    // "linh", "lẻ" only hold the place of a missing ten.
  }
  return total + chunk + (pending ?? 0);
}
