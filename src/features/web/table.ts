import type { AgencyStatus } from '../../kernel/export-data.js';
import { normalize } from '../../kernel/text.js';
import type { AgencyLine } from '../status/index.js';

// The agency table of the network page: sorted, filtered and paged on the server from the query string, so it
// works without JavaScript and a link keeps the view.

export const COLUMNS = ['agency', 'status', 'submittedAt', 'version', 'officer', 'activities'] as const;
export type Column = (typeof COLUMNS)[number];
export const PAGE_SIZE = 100;

export interface TableRow extends AgencyLine {
  officers: string[];
}

export interface TableQuery {
  sort: Column;
  dir: 'asc' | 'desc';
  status?: AgencyStatus;
  q: string;
  page: number;
}

const STATUSES: AgencyStatus[] = ['missing', 'late', 'on-time'];

export function parseTableQuery(get: (name: string) => string | undefined): TableQuery {
  const sort = COLUMNS.find((c) => c === get('sort')) ?? 'status';
  const status = STATUSES.find((s) => s === get('status'));
  const page = Math.max(1, Math.min(10_000, Number.parseInt(get('page') ?? '1', 10) || 1));
  return { sort, dir: get('dir') === 'desc' ? 'desc' : 'asc', status, q: (get('q') ?? '').slice(0, 100), page };
}

const statusRank: Record<AgencyStatus, number> = { missing: 0, late: 1, 'on-time': 2 };

const keyOf: Record<Column, (r: TableRow) => string | number> = {
  agency: (r) => normalize(r.shortName ?? r.name),
  status: (r) => statusRank[r.status],
  // Not submitted sorts after every date, in either direction of the other columns.
  submittedAt: (r) => r.submittedAt?.getTime() ?? Number.MAX_SAFE_INTEGER,
  version: (r) => r.version ?? 0,
  officer: (r) => normalize(r.officers[0] ?? '\uffff'),
  activities: (r) => r.activities,
};

export function applyTable(rows: TableRow[], q: TableQuery): { rows: TableRow[]; total: number; page: number } {
  const wanted = normalize(q.q);
  const filtered = rows.filter(
    (r) =>
      (!q.status || r.status === q.status) &&
      (!wanted || normalize(`${r.name} ${r.shortName ?? ''} ${r.officers.join(' ')}`).includes(wanted)),
  );
  const key = keyOf[q.sort];
  const sign = q.dir === 'asc' ? 1 : -1;
  // Plan order (the input order) breaks ties, so a sort is stable and predictable.
  const sorted = filtered
    .map((row, index) => ({ row, index, key: key(row) }))
    .sort((a, b) => (a.key < b.key ? -sign : a.key > b.key ? sign : a.index - b.index))
    .map((x) => x.row);
  const pages = Math.max(1, Math.ceil(sorted.length / PAGE_SIZE));
  const page = Math.min(q.page, pages);
  return { rows: sorted.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), total: sorted.length, page };
}

/** The query string of the table with some values changed (links keep the other choices). */
export function tableHref(base: string, q: TableQuery, change: Partial<TableQuery>, period?: string): string {
  const next = { ...q, ...change };
  const params = new URLSearchParams();
  if (period) params.set('period', period);
  params.set('sort', next.sort);
  params.set('dir', next.dir);
  if (next.status) params.set('status', next.status);
  if (next.q) params.set('q', next.q);
  if (next.page > 1) params.set('page', String(next.page));
  return `${base}?${params.toString()}`;
}
