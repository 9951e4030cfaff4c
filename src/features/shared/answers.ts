import { choiceKind } from '../../bot/choices.js';
import { normalize } from '../../kernel/text.js';
import type { TaskAnswer, TaskStatus } from '../../kernel/report.js';

// Reading what officers type: counts and amounts, the short answer words, task statuses.

/** Largest figure a report accepts (amounts in đồng stay far below). */
export const MAX_FIGURE = 1_000_000_000_000;

const units = new Map([
  ['k', 1e3],
  ['nghin', 1e3],
  ['ngan', 1e3],
  ['tr', 1e6],
  ['trieu', 1e6],
  ['ty', 1e9],
]);

/** "3", "12 cuộc", "15.000.000", "15 000 000", "15 triệu", "1,5 tỷ đồng" -> a whole number >= 0; undefined otherwise. */
export function parseFigure(text: string): number | undefined {
  const match = /^(\d[\d., ]*?)\s*(\D*)$/.exec(text.trim().replace(/[.!]+$/, ''));
  if (!match) return undefined;
  // A trailing word that is not a unit names what is counted ("12 cuộc"): the number stands.
  const unit = units.get(normalize(match[2]!).replace(/\s*dong$/, ''));
  const value = unit ? withUnit(match[1]!, unit) : plainNumber(match[1]!);
  if (value === undefined || !Number.isSafeInteger(value) || value > MAX_FIGURE) return undefined;
  return value;
}

/** Thousands separators only: "15.000" and "15,000" are fifteen thousand; "1.5" is refused. */
function plainNumber(digits: string): number | undefined {
  const compact = digits.replace(/ /g, '');
  if (/^\d+$/.test(compact)) return Number(compact);
  return /^\d{1,3}([.,]\d{3})+$/.test(compact) ? Number(compact.replace(/[.,]/g, '')) : undefined;
}

/** With a unit a decimal part is allowed: "1,5 triệu" = 1 500 000. */
function withUnit(digits: string, unit: number): number | undefined {
  const m = /^(\d+)(?:[.,](\d+))?$/.exec(digits.replace(/ /g, ''));
  if (!m) return undefined;
  return Math.round(Number(`${m[1]}.${m[2] ?? '0'}`) * unit);
}

/**
 * The one vocabulary of short answers, shared by every conversation (activities, reports, registration).
 * Matched on the whole message without diacritics, case or trailing punctuation. A word means one thing
 * everywhere: "không" is always `no` (an optional question answered "không" is skipped, see `skipsOptional`),
 * "bỏ qua" is always `skip` (refused at a required question, never taken as its answer).
 */
export type AnswerWord = 'skip' | 'back' | 'yes' | 'no' | 'keep' | 'submit' | 'delete';

const vocabulary: Record<AnswerWord, string[]> = {
  skip: ['bo qua', 'bo', 'skip', 'bo qua cau nay', 'khong tra loi'],
  back: ['quay lai', 'tro lai', 'lui', 'lui lai', 'back', 'quay lai cau truoc'],
  yes: ['co', 'da co', 'co roi', 'roi', 'da', 'dung', 'dung roi', 'dong y', 'yes', 'y', 'ok', 'da ban hanh'],
  no: ['khong', 'khong co', 'ko', 'k', 'kg', 'chua', 'chua co', 'no', 'n'],
  keep: ['giu', 'giu nguyen', 'giu so nay', 'giu lai', 'keep'],
  submit: ['nop', 'nop bao cao', 'nop luon', 'nop di', 'gui', 'gui bao cao', 'submit'],
  delete: ['xoa', 'xoa di', 'xoa luon', 'xoa ban nhap', 'xoa nhap', 'delete'],
};

const wordOf = new Map(
  Object.entries(vocabulary).flatMap(([word, phrases]) => phrases.map((p) => [p, word as AnswerWord])),
);

/** The short answer a whole message is, if it is one: "Bỏ qua." → skip, "KHÔNG" → no, "nộp" → submit. */
export function answerWord(text: string): AnswerWord | undefined {
  return wordOf.get(normalize(text).replace(/[\s.!?,;:]+$/, ''));
}

export const isBack = (text: string): boolean => answerWord(text) === 'back';

/** The buttons for the same words, one id each in every conversation. */
export const skipButton = choiceKind('skip');
export const backButton = choiceKind('back');

/** An optional question has nothing to give: "bỏ qua", or "không" where "không" is not itself the answer. */
export const skipsOptional = (text: string): boolean => {
  const word = answerWord(text);
  return word === 'skip' || word === 'no';
};

export function parseYesNo(text: string): boolean | undefined {
  const word = answerWord(text);
  return word === 'yes' ? true : word === 'no' ? false : undefined;
}

/** "tất cả đều đang thực hiện", "cả 5 nhiệm vụ đã hoàn thành" → the status for every task of the question. */
export function parseAllTasksStatus(text: string): TaskAnswer | undefined {
  const lead = /^(tat ca|ca|toan bo)( \d+)?( cac)?( nhiem vu)?( deu| cung)? /.exec(normalize(text));
  if (!lead) return undefined;
  return parseTaskStatus(dropWords(text, lead[0].trim().split(' ').length));
}

const statusPrefixes: [RegExp, TaskStatus][] = [
  [/^(da )?(hoan thanh|xong)\b/, 'done'],
  [/^(dang thuc hien|dang trien khai|dang lam)\b/, 'in-progress'],
  [/^(chua thuc hien|chua trien khai|chua lam|chua)\b/, 'not-started'],
];

/** "đang thực hiện: đã tổ chức 2 hội nghị" -> in-progress with that note. The note keeps its diacritics. */
export function parseTaskStatus(text: string): TaskAnswer | undefined {
  const key = normalize(text);
  for (const [pattern, status] of statusPrefixes) {
    const match = pattern.exec(key);
    if (!match) continue;
    const note = dropWords(text, match[0].split(' ').length)
      .replace(/^[\s:;,.\-–—]+/, '')
      .trim();
    return note ? { status, note } : { status };
  }
  return undefined;
}

/** The original text after its first `count` words. */
function dropWords(text: string, count: number): string {
  const words = text.trim().split(/(\s+)/);
  return words.slice(count * 2).join('');
}

/** "sửa 5", "sửa câu 5", "sua cau so 5" -> 5. */
export function parseEditRequest(text: string): number | undefined {
  const match = /^sua( cau)?( so)? (\d{1,3})$/.exec(normalize(text));
  return match ? Number(match[3]) : undefined;
}
