import { html } from 'hono/html';
import { formatVnDate, toVnDate } from '../../kernel/calendar/vn-time.js';
import { webText as m } from '../../messages/web.js';
import type { Html } from './layout.js';
import { COLUMNS, PAGE_SIZE, tableHref, type Column, type TableQuery, type TableRow } from './table.js';

interface TableView {
  base: string;
  query: TableQuery;
  table: { rows: TableRow[]; total: number; page: number };
  period?: string;
}

/** The filter form (GET, so it works without script) and the table, each header a sort link. */
export function agencyTable(v: TableView): Html {
  const { query, table } = v;
  const from = table.total === 0 ? 0 : (table.page - 1) * PAGE_SIZE + 1;
  const to = Math.min(table.total, table.page * PAGE_SIZE);
  return html`<section>
    <h2 id="agencies">${m.agenciesHeading}</h2>
    <form class="filters" method="get" action="${v.base}">
      ${v.period ? html`<input type="hidden" name="period" value="${v.period}" />` : ''}
      <div>
        <label for="sort">${m.sortLabel}</label>
        <select id="sort" name="sort">
          ${COLUMNS.map((col) => html`<option value="${col}" ${query.sort === col ? 'selected' : ''}>${m.columns[col]}</option>`)}
        </select>
        <select name="dir" aria-label="${m.sortDirection}">
          <option value="asc">${m.sortedAscending}</option>
          <option value="desc" ${query.dir === 'desc' ? 'selected' : ''}>${m.sortedDescending}</option>
        </select>
      </div>
      <div><label for="q">${m.filterLabel}</label><input id="q" name="q" value="${query.q}" /></div>
      <div>
        <label for="status">${m.statusFilterLabel}</label>
        <select id="status" name="status">
          <option value="">${m.allStatuses}</option>
          ${(['missing', 'late', 'on-time'] as const).map(
            (s) => html`<option value="${s}" ${query.status === s ? 'selected' : ''}>${m.statusWord(s)}</option>`,
          )}
        </select>
      </div>
      <button type="submit">${m.applyFilter}</button>
    </form>
    <p class="muted" aria-live="polite">${m.shown(from, to, table.total)}</p>
    ${
      table.rows.length === 0
        ? html`<p>${m.noAgencies}</p>`
        : html`<table class="table">
            <thead>
              <tr>
                ${COLUMNS.map((col) => header(v, col))}
              </tr>
            </thead>
            <tbody>
              ${table.rows.map((row) => line(v.base, row, v.period))}
            </tbody>
          </table>`
    }
    ${pager(v)}
  </section>`;
}

function header(v: TableView, col: Column): Html {
  const { query } = v;
  const active = query.sort === col;
  const dir = active && query.dir === 'asc' ? 'desc' : 'asc';
  const sort = active ? (query.dir === 'asc' ? 'ascending' : 'descending') : 'none';
  const mark = active ? (query.dir === 'asc' ? ' ▲' : ' ▼') : '';
  const href = tableHref(v.base, query, { sort: col, dir, page: 1 }, v.period);
  const num = col === 'version' || col === 'activities' ? 'num' : '';
  return html`<th scope="col" class="${num}" aria-sort="${sort}">
    <a href="${href}#agencies" title="${m.sortBy(m.columns[col])}">${m.columns[col]}${mark}</a>
  </th>`;
}

function line(base: string, r: TableRow, period: string | undefined): Html {
  const c = m.columns;
  const href = `${base}/a/${encodeURIComponent(r.slug)}${period ? `?period=${encodeURIComponent(period)}` : ''}`;
  return html`<tr>
    <td data-label="${c.agency}"><a href="${href}">${r.shortName ?? r.name}</a></td>
    <td data-label="${c.status}"><span class="s-${r.status}">${m.statusWord(r.status)}</span></td>
    <td data-label="${c.submittedAt}">${r.submittedAt ? formatVnDate(toVnDate(r.submittedAt)) : '–'}</td>
    <td data-label="${c.version}" class="num">${r.version ?? '–'}</td>
    <td data-label="${c.officer}">${r.officers.length > 0 ? r.officers.join(', ') : m.noOfficer}</td>
    <td data-label="${c.activities}" class="num">${r.activities}</td>
  </tr>`;
}

function pager(v: TableView): Html {
  const { query, table } = v;
  const last = Math.ceil(table.total / PAGE_SIZE);
  if (last <= 1) return html``;
  const prev =
    table.page > 1
      ? html`<a href="${tableHref(v.base, query, { page: table.page - 1 }, v.period)}#agencies">${m.previousPage}</a>`
      : '';
  const next =
    table.page < last
      ? html`<a href="${tableHref(v.base, query, { page: table.page + 1 }, v.period)}#agencies">${m.nextPage}</a>`
      : '';
  return html`<nav class="pager" aria-label="${m.agenciesHeading}">${prev}${next}</nav>`;
}
