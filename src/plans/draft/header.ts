// The header of a công văn / kế hoạch: issuer (the upper-case block above "Số:"), number, place and date
// (blanks allowed, as printed before signing), subject ("V/v ..." or the title after KẾ HOẠCH).

import { normalize } from '../../kernel/text.js';
import type { Para } from './paragraphs.js';

export interface Header {
  issuer?: string;
  number?: string;
  place?: string;
  /** YYYY-MM-DD, only when day, month and year are all printed. */
  date?: string;
  year?: string;
  subject?: string;
  /** "tinh" | "huyen" | "xa" ... of the issuer, and the place name after it. */
  unit?: string;
  unitPlace?: string;
  /** The plan's kind from the title: kế hoạch, quyết định, or công văn. */
  kind: 'ke-hoach' | 'quyet-dinh' | 'cong-van';
  /** True when the issuer comes from the upper-case block, not guessed from the text. */
  issuerFromBlock?: boolean;
}

const unitWords = ['thành phố', 'thị xã', 'thị trấn', 'tỉnh', 'huyện', 'xã', 'phường', 'quận', 'đặc khu'];
const unitRe = new RegExp(`^(${unitWords.join('|')})\\s+(.+)$`, 'iu');

export function parseHeader(paras: Para[]): Header {
  const header: Header = { kind: 'cong-van' };
  for (const [i, p] of paras.entries()) {
    const text = p.marker === 'none' ? p.text : `${p.label}. ${p.text}`;
    const n = normalize(text);
    if (!header.issuer && isUpper(text) && !/^cong hoa/.test(n) && /^(uy ban|ubnd|so |ban |van phong|hoi dong)/.test(n))
      readIssuer(header, text);
    const number = /^Số\s*:\s*(.*)$/u.exec(text);
    if (number && header.number === undefined) header.number = number[1]?.trim() ?? '';
    const date = /^([^,]{2,40}),\s*ngày\s*(\d{0,2})\s*tháng\s*(\d{0,2})\s*năm\s*(\d{4})?/u.exec(text);
    if (date && !header.place) readDate(header, date);
    const vv = /^(V\/v|Về việc)\s*:?\s*(.+)$/iu.exec(text);
    if (vv?.[2] && !header.subject) header.subject = sentence(vv[2]);
    const title = /^(KẾ HOẠCH|QUYẾT ĐỊNH)$/u.exec(text.trim());
    if (title) {
      header.kind = title[1] === 'KẾ HOẠCH' ? 'ke-hoach' : 'quyet-dinh';
      const next = paras[i + 1];
      if (next && !header.subject) header.subject = sentence(next.text);
    }
  }
  return header;
}

function readIssuer(header: Header, text: string): void {
  header.issuerFromBlock = true;
  const rest = text.replace(/^(ỦY|UỶ) BAN NHÂN DÂN\s*/u, '').trim();
  const lower = rest.toLocaleLowerCase('vi');
  const unit = unitRe.exec(lower);
  if (unit?.[1] && unit[2] && rest !== text) {
    const place = titleCase(unit[2]);
    header.issuer = `UBND ${unit[1]} ${place}`;
    header.unit = unit[1];
    header.unitPlace = place;
    return;
  }
  header.issuer = sentence(text.toLocaleLowerCase('vi'));
}

function readDate(header: Header, m: RegExpExecArray): void {
  header.place = m[1]?.trim();
  const [day, month, year] = [m[2], m[3], m[4]];
  if (year) header.year = year;
  if (day && month && year) header.date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** Fills issuer and unit from the body when the document has no issuer block ("Ủy ban nhân dân xã Cẩm Thành"). */
export function issuerFromText(header: Header, text: string): void {
  if (header.issuer) return;
  // The place of the date line names the issuer exactly; otherwise the first two capitalised words.
  const place = header.place ? escapeRe(header.place) : '\\p{Lu}\\p{Ll}*(?:\\s\\p{Lu}\\p{Ll}*)?';
  const re = new RegExp(`(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\\s+(${unitWords.join('|')})\\s+(${place})`, 'iu');
  const m = re.exec(text);
  if (!m?.[1] || !m[2]) return;
  header.unit = m[1].toLocaleLowerCase('vi');
  header.unitPlace = m[2].trim();
  header.issuer = `UBND ${header.unit} ${header.unitPlace}`;
}

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A news title such as "Tỉnh Hòa Bình ra văn bản về ...": the unit and the subject. */
export function headerFromTitle(header: Header, title: string): void {
  const m = new RegExp(`^(${unitWords.join('|')})\\s+(\\p{Lu}\\p{Ll}*(?:\\s\\p{Lu}\\p{Ll}*)?)`, 'iu').exec(title);
  const about = /văn bản về\s+(.+)$/u.exec(title);
  header.subject ??= sentence(about?.[1] ?? title);
  if (!m?.[1] || !m[2] || header.unit) return;
  header.unit = m[1].toLocaleLowerCase('vi');
  header.unitPlace = m[2];
  header.issuer ??= `UBND ${header.unit} ${header.unitPlace}`;
}

function isUpper(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length > 3 && letters === letters.toLocaleUpperCase('vi');
}

function titleCase(text: string): string {
  return text
    .split(/\s+/)
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1))
    .join(' ');
}

/** First letter upper case, no final full stop. */
export function sentence(text: string): string {
  const t = text.trim().replace(/[.;]+$/u, '');
  return t.charAt(0).toLocaleUpperCase('vi') + t.slice(1);
}
