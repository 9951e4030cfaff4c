// Calendar dates in Asia/Ho_Chi_Minh. Vietnam has a fixed UTC+7 offset (no daylight saving), so all
// arithmetic shifts by 7 hours and uses UTC getters: the machine's TZ never leaks in.

export interface VnDate {
  year: number;
  month: number;
  day: number;
}

const OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

function utcMidnight(d: VnDate): number {
  return Date.UTC(d.year, d.month - 1, d.day);
}

function fromUtc(ms: number): VnDate {
  const t = new Date(ms);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

export function toVnDate(instant: Date): VnDate {
  return fromUtc(instant.getTime() + OFFSET_MS);
}

export function vnHour(instant: Date): number {
  return new Date(instant.getTime() + OFFSET_MS).getUTCHours();
}

/** The instant at `hour:minute` Vietnam time on day `d`. */
export function vnInstant(d: VnDate, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(d.year, d.month - 1, d.day, hour, minute) - OFFSET_MS);
}

export function addDays(d: VnDate, days: number): VnDate {
  return fromUtc(utcMidnight(d) + days * DAY_MS);
}

/** 0 = Sunday (Chủ nhật) … 6 = Saturday (thứ Bảy). */
export function dayOfWeek(d: VnDate): number {
  return new Date(utcMidnight(d)).getUTCDay();
}

/** Whole days from `b` to `a` (positive when `a` is later). */
export function diffDays(a: VnDate, b: VnDate): number {
  return Math.round((utcMidnight(a) - utcMidnight(b)) / DAY_MS);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidVnDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function vnDateKey(d: VnDate): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

/** 'YYYY-MM-DD' to a date; undefined when malformed or not a real day (e.g. 2027-02-29). */
export function parseDateKey(key: string): VnDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidVnDate(year, month, day) ? { year, month, day } : undefined;
}

export function formatVnDate(d: VnDate): string {
  return `${pad(d.day)}/${pad(d.month)}/${pad(d.year, 4)}`;
}
