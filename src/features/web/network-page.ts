import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import { countNetworkActivitiesByMonth, listNetworkOfficers, type StatusNetwork } from '../../db/index.js';
import { formatVnDate } from '../../kernel/calendar/vn-time.js';
import type { ChosenPeriod } from '../../kernel/calendar/period-choice.js';
import type { Services } from '../../bot/context.js';
import { chartSvg } from '../../documents/chart.js';
import { webText as m } from '../../messages/web.js';
import { chartInput, loadNetworkStatus, type NetworkStatus } from '../status/index.js';
import { page, type Html } from './layout.js';
import { agencyTable } from './network-table.js';
import { applyTable, parseTableQuery, type TableRow } from './table.js';
import type { WebEnv } from './session.js';

/** A network and period at a glance: figures, the chat's chart, the agency table, the communes, the files. */
export async function networkPage(
  c: Context<WebEnv>,
  services: Services,
  network: StatusNetwork,
  chosen: ChosenPeriod,
  periodParam: string | undefined,
): Promise<Response> {
  const { db, activityTypes } = services;
  const now = services.clock();
  const status = await loadNetworkStatus(db, network, chosen, now, activityTypes);
  const officers = new Map<number, string[]>();
  for (const o of await listNetworkOfficers(db, network.id))
    officers.set(o.agencyId, [...(officers.get(o.agencyId) ?? []), o.name]);
  const rows: TableRow[] = status.agencies.map((a) => ({ ...a, officers: officers.get(a.id) ?? [] }));
  const query = parseTableQuery((name) => c.req.query(name));
  const table = applyTable(rows, query);
  const months = await countNetworkActivitiesByMonth(db, network.id, status.window);
  const svg = chartSvg(chartInput(status, months, now)).replace('<svg ', '<svg viewBox="0 0 1000 700" ');
  const base = `/web/n/${encodeURIComponent(network.id)}`;
  const period = periodParam ? `?period=${encodeURIComponent(chosen.period.key)}` : '';
  const body = html`
    ${periodLine(status, base)} ${figures(status)}
    <section class="chart" role="img" aria-label="${m.chartLabel(network.name, chosen.period.label)}">
      ${raw(svg)}
    </section>
    <section>
      <h2>${m.downloads}</h2>
      <p>
        <a class="button" href="${base}/tai/xlsx${period}">${m.workbook}</a>
        <a class="button" href="${base}/tai/docx${period}">${m.draft}</a>
      </p>
    </section>
    ${agencyTable({ base, query, table, period: periodParam ? chosen.period.key : undefined })} ${children(status)}
  `;
  return page(c, { title: network.name, user: c.var.user, body });
}

function periodLine(s: NetworkStatus, base: string): Html {
  const { chosen } = s;
  const deadline = chosen.duty ? m.deadline(formatVnDate(chosen.period.deadline)) : m.noDuty;
  const previous = chosen.previous
    ? html`<a href="${base}?period=${encodeURIComponent(chosen.previous.key)}"
        >${m.otherPeriod(chosen.previous.label)}</a
      >`
    : '';
  return html`<p>${m.period(chosen.period.label)} · ${deadline}</p>
    <p>${previous} <a href="${base}">${m.currentPeriod}</a></p>`;
}

function figures(s: NetworkStatus): Html {
  const missing = s.agencies.length - s.submitted;
  const reporting = s.chosen.duty
    ? html`<span><strong>${m.submitted(s.submitted, s.agencies.length)}</strong></span>
        <span class="s-on-time">${m.onTime(s.onTime)}</span><span class="s-late">${m.late(s.late)}</span>
        <span class="s-missing">${m.missing(missing)}</span>`
    : '';
  return html`<section class="figures">
    ${reporting}<span>${m.activities(s.totals.current, s.totals.previous)}</span>
  </section>`;
}

function children(s: NetworkStatus): Html {
  if (s.children.length === 0) return html``;
  const c = m.childColumns;
  return html`<section>
    <h2>${m.childrenHeading}</h2>
    <table class="table">
      <thead>
        <tr>
          <th scope="col">${c.name}</th>
          <th scope="col">${c.submitted}</th>
          <th scope="col" class="num">${c.activities}</th>
        </tr>
      </thead>
      <tbody>
        ${s.children.map(
          (child) =>
            html`<tr>
              <td data-label="${c.name}"><a href="/web/n/${encodeURIComponent(child.id)}">${child.name}</a></td>
              <td data-label="${c.submitted}">
                ${child.reporting ? `${child.submitted}/${child.expected}` : m.noReporting}
              </td>
              <td data-label="${c.activities}" class="num">${child.activities}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}
