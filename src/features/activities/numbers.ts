import { activityText as m } from '../../messages/activities.js';
import { skipsOptional } from '../shared/answers.js';
import { isNegativeFigure, spokenFigure } from '../shared/figures.js';

// Quantities and participant counts typed by officers: "30", "30 người", "2 lớp, 120 học viên", "1.000".

export const MAX_COUNT = 1_000_000;

export interface Counts {
  quantity: number | null;
  participants: number | null;
}

export type CountsResult = { ok: true; counts: Counts } | { ok: false; error: string };

/** Types whose bare number means people present (a press conference, a training), not items. */
const PEOPLE_TYPES = new Set(['hop-bao', 'tap-huan', 'doi-thoai-toa-dam', 'giao-ban-bao-chi']);
const PEOPLE_UNITS = ['nguoi', 'dai bieu', 'hoc vien', 'phong vien', 'can bo', 'nha bao', 'luot nguoi'];
const ITEM_UNITS = [
  'tin bai',
  'tin',
  'bai viet',
  'bai',
  'san pham',
  'ban tin',
  'video',
  'clip',
  'pano',
  'ap phich',
  'to roi',
  'buoi',
  'lop',
  'cuoc',
  'lan',
  'luot',
  'van ban',
  'ky',
];

const plainLower = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .trim();

const unitAlternation = (units: string[]) => units.map((u) => u.replace(/ /g, '\\s+')).join('|');
const numberToken = new RegExp(
  `(?<![\\p{L}\\p{N}.,])(-\\s*)?(\\d+(?:[.,]\\d+)*)(?:\\s*(${unitAlternation([...PEOPLE_UNITS, ...ITEM_UNITS])})(?![\\p{L}\\p{N}]))?`,
  'gu',
);

/** Reads every number in an answer; a bare number counts people or items depending on the type. */
export function parseCounts(text: string, typeId: string | null): CountsResult {
  if (skipsOptional(text)) return { ok: true, counts: { quantity: null, participants: null } };
  if (isNegativeFigure(text)) return { ok: false, error: m.negative };
  // "khoảng 250 lượt", "năm mươi lăm người": the figure as people say it.
  const tokens = [...plainLower(spokenFigure(text)).matchAll(numberToken)];
  if (tokens.length === 0) return { ok: false, error: m.noNumber };
  const counts: Counts = { quantity: null, participants: null };
  for (const [, minus, digits, unit] of tokens) {
    const value = readCount(digits!, Boolean(minus));
    if (typeof value === 'string') return { ok: false, error: value };
    const field = fieldOf(unit, typeId);
    if (counts[field] !== null) return { ok: false, error: m.tooManyNumbers };
    counts[field] = value;
  }
  return { ok: true, counts };
}

/** Counts stated with a unit inside a one-line entry ("... cho 120 học viên"); bare numbers are ignored. */
export function countsInText(text: string): CountsResult {
  const tokens = [...plainLower(text).matchAll(numberToken)].filter((t) => t[3] !== undefined);
  const counts: Counts = { quantity: null, participants: null };
  for (const [, minus, digits, unit] of tokens) {
    const value = readCount(digits!, Boolean(minus));
    if (typeof value === 'string') return { ok: false, error: value };
    counts[fieldOf(unit, null)] ??= value;
  }
  return { ok: true, counts };
}

function fieldOf(unit: string | undefined, typeId: string | null): keyof Counts {
  if (unit) return PEOPLE_UNITS.includes(unit.replace(/\s+/g, ' ')) ? 'participants' : 'quantity';
  return typeId && PEOPLE_TYPES.has(typeId) ? 'participants' : 'quantity';
}

/** "1.000" is a thousand (Vietnamese grouping); "2,5" or "2.5" is not a whole count. */
function readCount(digits: string, negative: boolean): number | string {
  const grouped = /^\d{1,3}(\.\d{3})+$/.test(digits);
  if (!grouped && /[.,]/.test(digits)) return m.notWhole(digits);
  const value = Number(digits.replace(/\./g, ''));
  if (negative) return m.negative;
  if (value > MAX_COUNT) return m.tooLarge(MAX_COUNT);
  return value;
}

export const countsLabelIsPeople = (typeId: string | null) => Boolean(typeId && PEOPLE_TYPES.has(typeId));
