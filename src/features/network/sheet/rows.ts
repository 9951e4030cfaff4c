import type { AgencyContact } from '../../../db/index.js';
import { agencyKinds } from '../../../kernel/plan.js';
import { normalize } from '../../../kernel/text.js';
import { agencyKindNames, importText as m } from '../../../messages/network.js';
import type { SheetTable } from './read.js';

// The rows of an agency list, checked: every problem is named with its row number, and a file with any problem
// is refused whole (nothing is written until it is clean).

export type ColumnKey = keyof typeof m.columns;
export const COLUMN_KEYS = Object.keys(m.columns) as ColumnKey[];

type AgencyKind = (typeof agencyKinds)[number];

export interface AgencyRowInput {
  row: number;
  name: string;
  short?: string;
  aliases: string[];
  kind?: AgencyKind;
  contact?: AgencyContact;
}

export interface RowProblem {
  row: number;
  problem: string;
}

export type RowsResult =
  { ok: true; rows: AgencyRowInput[] } | { ok: false; problems: RowProblem[] } | { ok: false; error: string };

// Header words, diacritics-free, that name each column (the template's own header first).
const HEADERS: Record<ColumnKey, string[]> = {
  name: ['ten co quan', 'ten co quan don vi', 'ten don vi', 'co quan', 'don vi', 'ten', 'name'],
  short: ['ten viet tat', 'viet tat', 'ten ngan', 'short', 'short name'],
  aliases: ['ten khac', 'ten goi khac', 'bi danh', 'aliases'],
  kind: ['loai', 'loai co quan', 'kind'],
  officer: ['can bo dau moi', 'can bo', 'ho ten can bo', 'ho va ten', 'nguoi dau moi', 'officer'],
  phone: ['dien thoai', 'so dien thoai', 'sdt', 'phone'],
  telegram: ['telegram', 'tai khoan telegram', 'username'],
};

const KIND_WORDS = new Map<string, AgencyKind>(
  agencyKinds.flatMap((kind) => [
    [normalize(kind), kind],
    [normalize(agencyKindNames[kind]), kind],
  ]),
);
const TELEGRAM = /^@?([A-Za-z][A-Za-z0-9_]{4,31})$/;
const PHONE = /^\+?[0-9 .()-]{8,20}$/;
const MAX_CHARS = 300;

export function readAgencyRows(table: SheetTable): RowsResult {
  const columns = mapColumns(table.header);
  if (columns.name === undefined) return { ok: false, error: m.noNameColumn(table.header.filter(Boolean).join(', ')) };
  const problems: RowProblem[] = [];
  const rows: AgencyRowInput[] = [];
  const seen = new Map<string, { row: number; name: string }>();
  for (const sheetRow of table.rows) {
    const cell = (key: ColumnKey): string => {
      const index = columns[key];
      return index === undefined ? '' : (sheetRow.cells[index] ?? '').replace(/\s+/g, ' ').trim();
    };
    const fail = (problem: string) => problems.push({ row: sheetRow.row, problem });
    const formula = COLUMN_KEYS.find((k) => columns[k] !== undefined && sheetRow.formulas.includes(columns[k]!));
    if (formula) {
      fail(m.problems.formula(m.columns[formula]));
      continue;
    }
    const long = COLUMN_KEYS.find((k) => cell(k).length > MAX_CHARS);
    if (long) {
      fail(m.problems.tooLong(m.columns[long]));
      continue;
    }
    const input = rowInput(sheetRow.row, cell, fail);
    if (!input) continue;
    const earlier = [input.name, ...(input.short ? [input.short] : []), ...input.aliases]
      .map((n) => seen.get(normalize(n)))
      .find(Boolean);
    if (earlier) {
      fail(m.problems.duplicate(input.name, earlier.row));
      continue;
    }
    for (const n of [input.name, ...input.aliases]) seen.set(normalize(n), { row: input.row, name: input.name });
    rows.push(input);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}

function rowInput(
  row: number,
  cell: (key: ColumnKey) => string,
  fail: (p: string) => void,
): AgencyRowInput | undefined {
  const name = cell('name');
  if (!name) return void fail(m.problems.missingName);
  const kindText = cell('kind');
  const kind = kindText ? KIND_WORDS.get(normalize(kindText)) : undefined;
  if (kindText && !kind) return void fail(m.problems.unknownKind(kindText));
  const telegram = cell('telegram');
  if (telegram && !TELEGRAM.test(telegram)) return void fail(m.problems.badTelegram(telegram));
  const phone = cell('phone');
  if (phone && !PHONE.test(phone)) return void fail(m.problems.badPhone(phone));
  const aliases = cell('aliases')
    .split(/[;\n]/)
    .map((a) => a.trim())
    .filter((a) => a && normalize(a) !== normalize(name));
  const contact: AgencyContact = {
    ...(cell('officer') ? { name: cell('officer') } : {}),
    ...(phone ? { phone } : {}),
    ...(telegram ? { telegram: TELEGRAM.exec(telegram)![1]! } : {}),
  };
  return {
    row,
    name,
    ...(cell('short') ? { short: cell('short') } : {}),
    aliases: [...new Set(aliases)],
    ...(kind ? { kind } : {}),
    ...(Object.keys(contact).length > 0 ? { contact } : {}),
  };
}

/** Which column holds what: by header words, the longest match first ("tên viết tắt" is not "tên"). */
function mapColumns(header: string[]): Partial<Record<ColumnKey, number>> {
  const out: Partial<Record<ColumnKey, number>> = {};
  const taken = new Set<number>();
  const words = COLUMN_KEYS.flatMap((key) => HEADERS[key].map((w) => ({ key, w }))).sort(
    (a, b) => b.w.length - a.w.length,
  );
  for (const { key, w } of words) {
    if (out[key] !== undefined) continue;
    const index = header.findIndex((h, i) => !taken.has(i) && normalize(h) === w);
    if (index === -1) continue;
    out[key] = index;
    taken.add(index);
  }
  return out;
}
