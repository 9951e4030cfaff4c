import { normalize } from '../text.js';
import { addDays, dayOfWeek, isValidVnDate, toVnDate, type VnDate } from './vn-time.js';

// Finds a Vietnamese date expression anywhere in a message ("hôm qua", "12/11", "thứ hai tuần trước").
// Matching runs on diacritics-free lowercase text; `rest` is cut from the original so the user's
// diacritics survive.

export type ParsedDate = { kind: 'ok'; date: VnDate; rest: string } | { kind: 'invalid'; text: string };

type Resolved = VnDate | 'invalid' | null;

interface Rule {
  pattern: RegExp;
  resolve(groups: (string | undefined)[], today: VnDate): Resolved;
}

interface Candidate {
  start: number;
  end: number;
  resolved: VnDate | 'invalid';
}

interface MappedText {
  text: string;
  /** Original index where the normalised character at each position starts / ends. */
  from: number[];
  to: number[];
}

const lead = '(?<![\\p{L}\\p{N}])';
const trail = '(?![\\p{L}\\p{N}])';
// "lần thứ hai", "kỳ thứ ba" are ordinals, not weekdays.
const ordinalNouns = '(?<!(?:lan|ky|khoa|dot|buoc|phan|dieu|muc|hang|nguoi|con|cai|so|vong|ngay|nam|thang|tuan)\\s+)';
const weekday = '(thu\\s+(hai|ba|tu|nam|sau|bay|[2-7])|chu\\s+nhat)';
const rx = (source: string) => new RegExp(`${lead}${source}${trail}`, 'gu');

const weekdayNames: Record<string, number> = { hai: 1, ba: 2, tu: 3, nam: 4, sau: 5, bay: 6 };
const weekShift: Record<string, number> = { truoc: -7, nay: 0, sau: 7, toi: 7 };
const relativeDays: Record<string, number> = { nay: 0, qua: -1, kia: -2, mai: 1 };

// Small counts written as words: "hai ngày trước", "ba tuần trước".
const countWords: Record<string, number> = { mot: 1, hai: 2, ba: 3, bon: 4, tu: 4, nam: 5, sau: 6, bay: 7 };
const COUNT = '(\\d{1,2}|mot|hai|ba|bon|nam|sau|bay)';
// "tối" is "toi" like "tôi" (I): only "tối hôm qua" / "tối nay" is read as a time of day.
const PART_OF_DAY = '(?:(?:buoi\\s+)?(?:sang|trua|chieu|dem)\\s+(?:hom\\s+)?(nay|qua)|toi\\s+(nay|hom\\s+qua))';

const rules: Rule[] = [
  {
    pattern: rx('(?:ngay\\s+)?(?:hom\\s+(nay|qua|kia)|ngay\\s+(mai))'),
    resolve: ([word, tomorrow], today) => addDays(today, relativeDays[word ?? tomorrow ?? ''] ?? 0),
  },
  {
    pattern: rx(PART_OF_DAY),
    resolve: ([word, evening], today) => addDays(today, /qua/.test(word ?? evening ?? '') ? -1 : 0),
  },
  {
    pattern: rx(`(?:cach\\s+day\\s+)?${COUNT}\\s+(ngay|hom|tuan)\\s+(?:truoc|qua)`),
    resolve: ([count, unit], today) => addDays(today, -countOf(count) * (unit === 'tuan' ? 7 : 1)),
  },
  {
    // "tuần trước" alone: the same weekday a week ago (the preview shows the day, to be corrected if need be).
    pattern: rx('tuan\\s+(?:truoc|roi)'),
    resolve: (_groups, today) => addDays(today, -7),
  },
  {
    pattern: rx('(?:(?:ngay|hom)\\s+)?(\\d{1,2})([/.-])(\\d{1,2})(?:\\2(\\d{4}|\\d{2}))?'),
    resolve: ([day, , month, year], today) => resolveNumeric(today, day, month, year),
  },
  {
    pattern: rx('ngay\\s+(\\d{1,2})\\s+thang\\s+(\\d{1,2})(?:\\s+nam\\s+(\\d{4}))?'),
    resolve: ([day, month, year], today) => resolveNumeric(today, day, month, year),
  },
  {
    pattern: rx(`(?:hom\\s+|ngay\\s+)?${weekday}\\s+tuan\\s+(truoc|nay|sau|toi)`),
    resolve: ([, name, week], today) => resolveWeekday(name, week, today),
  },
  {
    pattern: rx(`(?:hom\\s+)?${ordinalNouns}${weekday}`),
    resolve: ([, name], today) => resolveWeekday(name, undefined, today),
  },
];

export function parseVietnameseDate(text: string, now: Date): ParsedDate | null {
  const mapped = mapNormalized(text);
  const found = earliest(findCandidates(mapped.text, toVnDate(now)));
  if (!found) return null;
  const from = mapped.from[found.start] ?? 0;
  const to = extendOverMarks(text, mapped.to[found.end - 1] ?? text.length);
  if (found.resolved === 'invalid') return { kind: 'invalid', text: text.slice(from, to) };
  return { kind: 'ok', date: found.resolved, rest: cutOut(text, from, to) };
}

function findCandidates(text: string, today: VnDate): Candidate[] {
  const candidates: Candidate[] = [];
  for (const rule of rules) {
    for (const match of text.matchAll(rule.pattern)) {
      const resolved = rule.resolve(match.slice(1), today);
      if (resolved === null) continue;
      candidates.push({ start: match.index, end: match.index + match[0].length, resolved });
    }
  }
  return candidates;
}

/** Leftmost wins; at the same position the longer expression ("thứ hai tuần trước" over "thứ hai"). */
function earliest(candidates: Candidate[]): Candidate | undefined {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || b.end - a.end);
  return sorted[0];
}

function resolveNumeric(today: VnDate, dayText?: string, monthText?: string, yearText?: string): Resolved {
  const day = Number(dayText);
  const month = Number(monthText);
  // Out-of-range numbers ("3/45 đơn vị") are not dates at all; "31/4" looks like one and is invalid.
  if (day < 1 || day > 31 || month < 1 || month > 12) return null;
  const year = yearText ? expandYear(yearText) : inferYear(day, month, today);
  return isValidVnDate(year, month, day) ? { year, month, day } : 'invalid';
}

const countOf = (text: string | undefined): number => (/^\d+$/.test(text ?? '') ? Number(text) : (countWords[text ?? ''] ?? 0));

const expandYear = (text: string): number => (text.length === 2 ? 2000 + Number(text) : Number(text));

/** Without a year, the most recent such day not after today: "28/12" in January is last year. */
function inferYear(day: number, month: number, today: VnDate): number {
  const later = month > today.month || (month === today.month && day > today.day);
  return later ? today.year - 1 : today.year;
}

function resolveWeekday(name: string | undefined, week: string | undefined, today: VnDate): Resolved {
  const target = weekdayNumber(name);
  if (week === undefined) return addDays(today, -((dayOfWeek(today) - target + 7) % 7));
  const monday = addDays(today, -((dayOfWeek(today) + 6) % 7));
  return addDays(monday, (target + 6) % 7 + (weekShift[week] ?? 0));
}

/** 0 = Chủ nhật; "thứ 2" / "thứ hai" = 1 … "thứ 7" / "thứ bảy" = 6. */
function weekdayNumber(name: string | undefined): number {
  if (name === undefined) return 0;
  return /^\d$/.test(name) ? Number(name) - 1 : (weekdayNames[name] ?? 0);
}

function mapNormalized(original: string): MappedText {
  const mapped: MappedText = { text: '', from: [], to: [] };
  let index = 0;
  for (const ch of original) {
    for (const out of normalizeChar(ch)) {
      mapped.text += out;
      mapped.from.push(index);
      mapped.to.push(index + ch.length);
    }
    index += ch.length;
  }
  return mapped;
}

const isMark = (ch: string | undefined): boolean => ch !== undefined && /\p{M}/u.test(ch);

/** Per character so positions map back; separators become a space, lone combining marks vanish. */
function normalizeChar(ch: string): string {
  const out = normalize(ch);
  if (out !== '' || isMark(ch)) return out;
  return ' ';
}

// Decomposed input ("tư" as "tu" + U+031B) keeps its marks after the last matched letter.
function extendOverMarks(text: string, end: number): number {
  let to = end;
  while (isMark(text[to])) to++;
  return to;
}

function cutOut(text: string, from: number, to: number): string {
  const head = text.slice(0, from).trimEnd();
  const tail = text.slice(to).trimStart();
  const removed = text.slice(head.length, text.length - tail.length);
  const joiner = !head || !tail || /^[,.;:!?]/.test(tail) ? '' : removed.includes('\n') ? '\n' : ' ';
  return (head + joiner + tail).replace(/^[\s,.;:\-–]+/, '').replace(/[\s,;:\-–]+$/, '');
}
