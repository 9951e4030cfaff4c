import { addDays, diffDays, formatVnDate, toVnDate, type VnDate } from '../../kernel/calendar/vn-time.js';
import { UserError } from '../../bot/errors.js';
import { activityText as m } from '../../messages/activities.js';
import { hasClassifiedMarking } from '../shared/classified.js';

export const MAX_TEXT_LENGTH = 2000;
/** Activities older than this are almost surely a typo in the year. */
export const MAX_AGE_DAYS = 2 * 365 + 1;

/** Why a date cannot be an activity's date, or undefined when it can. */
export function dateProblem(date: VnDate, now: Date): string | undefined {
  const today = toVnDate(now);
  if (diffDays(date, today) > 0) return m.futureDate(formatVnDate(date));
  if (diffDays(today, date) > MAX_AGE_DAYS)
    return m.tooOld(formatVnDate(date), formatVnDate(addDays(today, -MAX_AGE_DAYS)));
  return undefined;
}

/** Why a text typed by the officer cannot be kept, or undefined. Classified content is never stored. */
export function textProblem(text: string): string | undefined {
  if (hasClassifiedMarking(text)) return m.classified;
  if (text.length > MAX_TEXT_LENGTH) return m.tooLong(MAX_TEXT_LENGTH, text.length);
  return undefined;
}

/** A document named "Tài liệu MẬT.pdf" is refused like the text itself. */
export function attachmentProblem(attachments: readonly { name?: string }[]): string | undefined {
  return attachments.some((a) => a.name && hasClassifiedMarking(a.name.replace(/[_.]+/g, ' ')))
    ? m.classified
    : undefined;
}

export function assertAcceptableInput(text: string, attachments: readonly { name?: string }[]): void {
  const problem = textProblem(text) ?? attachmentProblem(attachments);
  if (problem) throw new UserError(problem);
}

const urlPattern = /https?:\/\/[^\s<>"']+/i;

/** The first web link in a text and the text without it. */
export function extractLink(text: string): { link: string | null; rest: string } {
  const found = urlPattern.exec(text);
  if (!found) return { link: null, rest: text };
  const link = found[0].replace(/[),.;:!?]+$/, '');
  const rest = (text.slice(0, found.index) + text.slice(found.index + link.length)).replace(/\s{2,}/g, ' ').trim();
  return { link, rest };
}
