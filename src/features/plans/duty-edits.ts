import { type Frequency, type Plan, type PlanDuty } from '../../kernel/plan.js';
import { foldDiacritics } from '../../kernel/text.js';
import { planDraftText } from '../../messages/plan-draft.js';
import { planEditText as e } from '../../messages/plan-edit.js';

// The reporting deadline as an admin types it ("13/12", "ngày 15 tháng 12", "truoc ngay 29/4/2027", "ngày 20")
// and its frequency ("hằng quý", "hang nam", "6 thang"), read without diacritics. Pure.

const frequencyWords: [RegExp, Frequency][] = [
  [/\b(hang|moi|dinh ky) nam\b|^nam$|^yearly$/, 'yearly'],
  [/\b(6|sau) thang\b|\bnua nam\b|^half-year$/, 'half-year'],
  [/\b(hang|moi|dinh ky) quy\b|^quy$|^quarterly$/, 'quarterly'],
  [/\b(hang|moi|dinh ky) thang\b|^thang$|^monthly$/, 'monthly'],
  [/\bmot lan\b|^once$/, 'once'],
];

const numericDate = /\b(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?\b/;
const wordedDate = /\b(?:ngay )?(\d{1,2}) thang (\d{1,2})(?: nam (\d{4}))?\b/;

/** The frequency named in an answer; a date in it ("ngày 6 tháng 12") is not read as "6 tháng". */
export function readFrequency(text: string): Frequency | undefined {
  const t = foldDiacritics(text)
    .replace(/\s+/g, ' ')
    .replace(new RegExp(numericDate, 'g'), ' ')
    .replace(new RegExp(wordedDate, 'g'), ' ')
    .replace(/[\s,.;]+/g, ' ')
    .trim();
  return frequencyWords.find(([re]) => re.test(t))?.[1];
}

export interface TypedDate {
  day: number;
  month?: number;
  year?: number;
}

export function readDate(text: string): TypedDate | undefined {
  const t = foldDiacritics(text).replace(/\s+/g, ' ');
  const numeric = numericDate.exec(t);
  const worded = wordedDate.exec(t);
  const m = numeric ?? worded;
  if (m) return valid(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : undefined);
  const dayOnly = /\bngay (\d{1,2})\b/.exec(t);
  return dayOnly ? valid(Number(dayOnly[1])) : undefined;
}

function valid(day: number, month?: number, year?: number): TypedDate | undefined {
  if (day < 1 || day > 31 || (month !== undefined && (month < 1 || month > 12))) return undefined;
  // Yearly dates have no year: 29/2 is allowed, as the plan parser allows it.
  const last = month === undefined ? 31 : new Date(Date.UTC(year ?? 2024, month, 0)).getUTCDate();
  if (day > last) return undefined;
  return { day, ...(month ? { month } : {}), ...(year ? { year } : {}) };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The deadline field for a frequency, or undefined when the date typed does not fit it. */
export function deadlineFor(frequency: Frequency, date: TypedDate): PlanDuty['deadline'] | undefined {
  const { day, month, year } = date;
  if (frequency === 'once') {
    if (!month || !year) return undefined;
    return { date: `${year}-${pad(month)}-${pad(day)}`, wording: e.wordingOnce(day, month, year) };
  }
  if (frequency === 'yearly') return month ? { day, month, wording: e.wordingYearly(day, month) } : undefined;
  // Periods are cut off on the 14th (Nghị định 09/2019): a day before the 15th falls in the month after.
  const after = day < 15 ? 1 : 0;
  return { day, ...(after ? { monthsAfterCutoff: after } : {}), wording: e.wordingRecurring(day, after) };
}

/** The doubts the admin's answer settles, no longer listed. */
const settled: string[] = [
  planDraftText.doubt.dutyNoFrequency,
  planDraftText.doubt.dutyNoDeadline,
  planDraftText.doubt.noDuty,
];

export function setDuty(plan: Plan, index: number, frequency: Frequency, deadline: PlanDuty['deadline']): Plan {
  const duties = plan.duties.map((d, i) => (i === index ? { ...d, frequency, deadline } : d));
  return { ...plan, duties };
}

export const withoutSettled = (doubts: string[]): string[] => doubts.filter((d) => !settled.includes(d));

/** A duty for a document that states none: everyone reports to the issuer, the template of the shipped plans. */
export function newDuty(plan: Plan): PlanDuty {
  return {
    id: 'bao-cao-ket-qua',
    title: e.newDutyTitle,
    kind: 'dinh-ky',
    reporters: 'all',
    receiver: plan.documents[0]!.issuer,
    frequency: 'yearly',
    cutoff: 'nd09',
    deadline: { day: 15, month: 12, wording: planDraftText.defaultDeadlineWording },
    template: plan.templates[0]?.id ?? planDraftText.template.id,
    note: e.newDutyNote,
  };
}
