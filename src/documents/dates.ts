// Vietnam has used UTC+7 without daylight saving since 1975, so a fixed offset is exact.
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

export interface VnDateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export function vnParts(instant: Date): VnDateParts {
  const shifted = new Date(instant.getTime() + VN_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

/** Spreadsheets have no time zone: a Date whose UTC fields are the Vietnam wall-clock time. */
export function toVnWallClock(instant: Date): Date {
  return new Date(instant.getTime() + VN_OFFSET_MS);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "05/01/2027". */
export function formatVnDate(instant: Date): string {
  const { year, month, day } = vnParts(instant);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/** Nghị định 30/2020 date line: leading zero for days below 10 and for months 1-2 only. */
export function formatDecreeDate(instant: Date): { day: string; month: string; year: string } {
  const { year, month, day } = vnParts(instant);
  return { day: pad2(day), month: month < 3 ? pad2(month) : String(month), year: String(year) };
}
