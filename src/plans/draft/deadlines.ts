// Deadlines of a task versus the other dates of a document. Only a date governed by a deadline phrase
// ("trước ngày 29/4/2022", "chậm nhất ngày ...", "hoàn thành trong tháng 6/2024") is a deadline; the dates of
// cited documents ("Kế hoạch số 180/KH-UBND ngày 08/7/2022"), anniversaries and plan periods are not.

export interface Deadline {
  /** YYYY-MM-DD when the year is printed. */
  date?: string;
  day: number;
  month: number;
  year?: number;
  wording: string;
}

const before = /(?:trước|chậm nhất(?: là)?|hạn chót|không muộn hơn)\s+ngày\s+(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?/iu;
const withinMonth = /hoàn thành\s+trong\s+tháng\s+(\d{1,2})\/(\d{4})/iu;

export function findDeadline(text: string): Deadline | undefined {
  const b = before.exec(text);
  if (b?.[1] && b[2]) return make(Number(b[1]), Number(b[2]), b[3] ? Number(b[3]) : undefined, b[0]);
  const w = withinMonth.exec(text);
  if (w?.[1] && w[2]) {
    const month = Number(w[1]);
    const year = Number(w[2]);
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return make(last, month, year, w[0]);
  }
  return undefined;
}

function make(day: number, month: number, year: number | undefined, wording: string): Deadline | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = year ? `${year}-${pad(month)}-${pad(day)}` : undefined;
  if (date && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) return undefined;
  return { ...(date ? { date } : {}), day, month, ...(year ? { year } : {}), wording: wording.trim() };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A deadline inside each period ("trước ngày 20 tháng cuối quý", "chậm nhất ngày 5 của tháng đầu quý sau"). */
export interface PeriodDeadline {
  day: number;
  /** Months after the period's last month: 0 for "tháng cuối quý/kỳ", 1 for "tháng đầu quý sau", "tháng sau". */
  monthsAfterCutoff: number;
  wording: string;
}

const inPeriod =
  /(?:trước|chậm nhất(?: là)?|hạn chót)\s+ngày\s+(\d{1,2})\s+(?:của\s+)?tháng\s+(cuối\s+(?:quý|kỳ)|đầu\s+(?:quý|kỳ)\s+(?:sau|tiếp theo)|sau|tiếp theo)/iu;

export function findPeriodDeadline(text: string): PeriodDeadline | undefined {
  const m = inPeriod.exec(text);
  const day = Number(m?.[1]);
  if (!m?.[2] || day < 1 || day > 31) return undefined;
  return { day, monthsAfterCutoff: /^cuối/iu.test(m[2]) ? 0 : 1, wording: m[0].trim() };
}

/** How often a task recurs, as the document words it. */
export function findRecurrence(text: string): string | undefined {
  if (/h[ằà]ng năm/iu.test(text)) return 'hằng năm';
  if (/h[ằà]ng quý/iu.test(text)) return 'hằng quý';
  if (/h[ằà]ng tháng/iu.test(text)) return 'hằng tháng';
  if (/^thường xuyên/iu.test(text)) return 'thường xuyên';
  return undefined;
}

/** Every dd/mm/yyyy date in the text, for the summary's count of dates that were not taken as deadlines. */
export function countDates(text: string): number {
  return (text.match(/\b\d{1,2}\/\d{1,2}\/\d{4}\b/g) ?? []).length;
}
