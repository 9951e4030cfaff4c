import { parseVietnameseDate, type ParsedDate } from '../../kernel/calendar/parse-date.js';
import { vnDateKey } from '../../kernel/calendar/vn-time.js';
import { normalize } from '../../kernel/text.js';
import { activityText as m } from '../../messages/activities.js';
import type { ActivityType } from '../../kernel/plan.js';
import { detectType, type TypeMatch } from './detect-type.js';
import { countsInText } from './numbers.js';
import { dateProblem, extractLink } from './validate.js';

// Reads a one-line entry: "họp báo hôm qua: Họp báo quý IV về dự thảo nghị quyết học phí".
// Before the colon: what and when; after it: the title. Without a colon the whole text is read.

export interface LogGuess {
  typeId: string | null;
  date: string | null;
  title: string | null;
  link: string | null;
  quantity: number | null;
  participants: number | null;
  /** Something the officer wrote that could not be used (an impossible date, a bad number). */
  notes: string[];
}

/** The first colon that separates a head from a title (not in "https://" or "9:30"). */
function splitHead(text: string): { head: string; body: string } | undefined {
  const index = [...text.matchAll(/:/g)].map((c) => c.index).find((i) => !isTimeOrUrl(text, i));
  if (index === undefined || index > 120) return undefined;
  return { head: text.slice(0, index).trim(), body: text.slice(index + 1).trim() };
}

const isTimeOrUrl = (text: string, i: number) => text.startsWith('//', i + 1) || /\d:\d/.test(text.slice(i - 1, i + 2));

export function parseLogText(input: string, types: readonly ActivityType[], now: Date): LogGuess {
  const { link, rest } = extractLink(input.trim());
  const split = splitHead(rest);
  const headType = split && detectType(split.head, types);
  const headDate = split && parseVietnameseDate(split.head, now);
  const useHead = split && (headType || headDate);
  const guess = useHead ? readWithHead(split, headType, headDate, types, now) : readWhole(rest, types, now);
  const counts = countsInText(rest);
  if (!counts.ok) guess.notes.push(counts.error);
  return { ...guess, link, ...(counts.ok ? counts.counts : { quantity: null, participants: null }) };
}

type Guessed = Pick<LogGuess, 'typeId' | 'date' | 'title' | 'notes'>;

function readWithHead(
  split: { head: string; body: string },
  headType: TypeMatch | undefined,
  headDate: ParsedDate | null | undefined,
  types: readonly ActivityType[],
  now: Date,
): Guessed {
  const type = headType ?? detectType(split.body, types);
  const notes: string[] = [];
  const bodyDate = headDate ? null : parseVietnameseDate(split.body, now);
  const date = acceptDate(headDate ?? bodyDate, now, notes);
  return { typeId: type?.type.id ?? null, date, title: cleanTitle(withoutDate(split.body, bodyDate)), notes };
}

function readWhole(text: string, types: readonly ActivityType[], now: Date): Guessed {
  const type = detectType(text, types);
  const parsed = parseVietnameseDate(text, now);
  const notes: string[] = [];
  const date = acceptDate(parsed, now, notes);
  const title = cleanTitle(withoutDate(text, parsed));
  // "/ghinhan họp báo hôm qua" names the type only: the title is still to be asked.
  const onlyType = title && type && normalize(title) === normalize(text).slice(type.start, type.end);
  return { typeId: type?.type.id ?? null, date, title: onlyType ? null : title, notes };
}

/**
 * The text without the date found in it: a day that is read goes to the date field, and an impossible one
 * ("31/11") is asked again, so neither stays in the title.
 */
function withoutDate(text: string, parsed: ParsedDate | null): string {
  if (!parsed) return text;
  if (parsed.kind === 'ok') return parsed.rest;
  const at = text.indexOf(parsed.text);
  return at < 0 ? text : `${text.slice(0, at).trimEnd()} ${text.slice(at + parsed.text.length).trimStart()}`.trim();
}

function acceptDate(parsed: ParsedDate | null, now: Date, notes: string[]): string | null {
  if (!parsed) return null;
  if (parsed.kind === 'invalid') {
    notes.push(m.impossibleDate(parsed.text));
    return null;
  }
  const problem = dateProblem(parsed.date, now);
  if (problem) notes.push(problem);
  return problem ? null : vnDateKey(parsed.date);
}

const leadingSubject = /^(?:(?:chúng\s+tôi|tôi|chúng\s+em|em|đơn\s+vị|cơ\s+quan(?:\s+tôi)?)\s+)(?:(?:đã|vừa)\s+)?/iu;

/** Trims the officer's own subject ("tôi đã tổ chức ...") and stray punctuation; capitalises. */
export function cleanTitle(text: string): string | null {
  const trimmed = text
    .normalize('NFC')
    .trim()
    .replace(leadingSubject, '')
    .replace(/^[\s,.;:\-–]+|[\s,.;:\-–]+$/g, '')
    .trim();
  if (!trimmed) return null;
  return trimmed.charAt(0).toLocaleUpperCase('vi') + trimmed.slice(1);
}
