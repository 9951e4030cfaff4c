import { daysInMonth, toVnDate, vnDateKey } from '../../kernel/calendar/vn-time.js';
import { normalize } from '../../kernel/text.js';

// Reads /nhatky arguments: "sở tư pháp họp báo tháng 11 trang 2", "11/2026", and the compact tokens the
// page buttons carry ("dv:12 loai:hop-bao").

export interface ListArgs {
  page: number;
  agencyId?: number;
  typeId?: string;
  month?: { year: number; month: number };
  /** What is left to read as an agency or a type name (normalized). */
  rest: string;
}

interface Eaten {
  groups: (string | undefined)[];
  rest: string;
}

function eat(text: string, pattern: RegExp): Eaten | undefined {
  const found = pattern.exec(text);
  if (!found) return undefined;
  return { groups: found.slice(1), rest: `${text.slice(0, found.index)} ${text.slice(found.index + found[0].length)}` };
}

const month = '(1[0-2]|0?[1-9])';

export function parseListArgs(args: string, now: Date): ListArgs {
  let rest = normalize(args);
  const result: ListArgs = { page: 1, rest: '' };
  const page = eat(rest, /(?<![\p{L}\p{N}])trang\s+(\d{1,4})(?![\p{L}\p{N}])/u);
  if (page) [result.page, rest] = [Math.max(1, Number(page.groups[0])), page.rest];
  const agency = eat(rest, /(?<![\p{L}\p{N}])dv:(\d{1,9})(?![\p{L}\p{N}])/u);
  if (agency) [result.agencyId, rest] = [Number(agency.groups[0]), agency.rest];
  const type = eat(rest, /(?<![\p{L}\p{N}])loai:([a-z0-9-]+)/u);
  if (type) [result.typeId, rest] = [type.groups[0], type.rest];
  const explicit = eat(
    rest,
    new RegExp(`(?<![\\p{L}\\p{N}/])(?:thang\\s+)?${month}[/-](\\d{4})(?![\\p{L}\\p{N}/])`, 'u'),
  );
  const named = explicit
    ? undefined
    : eat(rest, new RegExp(`(?<![\\p{L}\\p{N}])thang\\s+${month}(?:\\s+nam\\s+(\\d{4}))?(?![\\p{L}\\p{N}/])`, 'u'));
  const found = explicit ?? named;
  if (found) {
    result.month = {
      month: Number(found.groups[0]),
      year: found.groups[1] ? Number(found.groups[1]) : recentYear(Number(found.groups[0]), now),
    };
    rest = found.rest;
  }
  result.rest = rest.replace(/\s+/g, ' ').trim();
  return result;
}

/** "tháng 12" said in January means last December. */
function recentYear(monthNumber: number, now: Date): number {
  const today = toVnDate(now);
  return monthNumber > today.month ? today.year - 1 : today.year;
}

export function monthRange(m: { year: number; month: number }): { from: string; to: string } {
  return {
    from: vnDateKey({ year: m.year, month: m.month, day: 1 }),
    to: vnDateKey({ year: m.year, month: m.month, day: daysInMonth(m.year, m.month) }),
  };
}
