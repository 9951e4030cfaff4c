import type { Context } from 'hono';
import { html } from 'hono/html';
import {
  findSubmission,
  listActivities,
  listAgencyTasks,
  listSubmissionVersions,
  type StatusAgency,
  type StatusNetwork,
  type TaskView,
} from '../../db/index.js';
import { formatVnDate, parseDateKey, vnDateKey } from '../../kernel/calendar/vn-time.js';
import type { ChosenPeriod } from '../../kernel/calendar/period-choice.js';
import type { Services } from '../../bot/context.js';
import { vnParts } from '../../documents/dates.js';
import { mergeActivityTypes } from '../../plans/activity-types.js';
import { webText as m } from '../../messages/web.js';
import { loadAgencyStatus } from '../status/index.js';
import { page, type Html } from './layout.js';
import type { WebEnv } from './session.js';

const ACTIVITIES_SHOWN = 100;
const pad = (n: number) => String(n).padStart(2, '0');

/** "09:05 21/11/2026", Vietnam time. */
export function atText(at: Date): string {
  const p = vnParts(at);
  return `${pad(p.hour)}:${pad(p.minute)} ${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

/** One agency for the period: its line, its tasks with sections, its activity log, its report versions. */
export async function agencyPage(
  c: Context<WebEnv>,
  services: Services,
  network: StatusNetwork,
  agency: StatusAgency,
  chosen: ChosenPeriod,
): Promise<Response> {
  const { db, activityTypes } = services;
  const view = await loadAgencyStatus(db, network, agency, chosen, activityTypes);
  const line = view.agency;
  const tasks = await listAgencyTasks(db, agency.id);
  const [from, to] = [vnDateKey(chosen.period.start), vnDateKey(chosen.period.end)];
  const log = await listActivities(db, { agencyId: agency.id, from, to, limit: ACTIVITIES_SHOWN, offset: 0 });
  const types = new Map(mergeActivityTypes(activityTypes, network.activityTypes ?? []).map((t) => [t.id, t.name]));
  const current = line.submissionId ? await findSubmission(db, line.submissionId) : undefined;
  const versions = current ? await listSubmissionVersions(db, current) : [];
  const status = chosen.duty ? html` · <span class="s-${line.status}">${m.statusWord(line.status)}</span>` : '';
  const body = html`
    <p>
      <a href="/web/n/${encodeURIComponent(network.id)}">${network.name}</a> · ${m.period(chosen.period.label)}${status}
    </p>
    <section class="figures"><span>${m.activities(view.totals.current, view.totals.previous)}</span></section>
    <section>
      <h2>${m.reportVersions}</h2>
      ${
        versions.length === 0
          ? html`<p>${m.noReport}</p>`
          : html`<ul class="plain">
              ${versions.map(
                (v) =>
                  html`<li>
                    <a href="/web/bao-cao/${v.id}"
                      >${m.versionLine(v.version, v.number, atText(v.submittedAt), v.late)}</a
                    >
                  </li>`,
              )}
            </ul>`
      }
    </section>
    <section>
      <h2>${m.activityLog}</h2>
      ${activityTable(log.rows, types)}
      ${log.total > log.rows.length ? html`<p>${m.moreActivities(log.total - log.rows.length)}</p>` : ''}
    </section>
    <section>
      <h2>${m.agencyTasks}</h2>
      ${tasks.own.length + tasks.common.length === 0 ? html`<p>${m.noTasks}</p>` : ''}
      ${taskList(m.ownTasks, tasks.own)} ${taskList(m.commonTasks, tasks.common)}
    </section>
  `;
  return page(c, { title: agency.name, user: c.var.user, body });
}

function activityTable(rows: Awaited<ReturnType<typeof listActivities>>['rows'], types: Map<string, string>): Html {
  if (rows.length === 0) return html`<p>${m.noActivities}</p>`;
  const c = m.activityColumns;
  return html`<table class="table">
    <thead>
      <tr>
        <th scope="col">${c.date}</th>
        <th scope="col">${c.type}</th>
        <th scope="col">${c.title}</th>
        <th scope="col">${c.author}</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map((r) => {
        const day = parseDateKey(r.date);
        return html`<tr>
          <td data-label="${c.date}">${day ? formatVnDate(day) : r.date}</td>
          <td data-label="${c.type}">${types.get(r.typeId) ?? r.typeId}</td>
          <td data-label="${c.title}">${r.title}${r.quantity && r.quantity > 1 ? ` (${r.quantity})` : ''}</td>
          <td data-label="${c.author}">${r.authorName}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

function taskList(title: string, tasks: TaskView[]): Html {
  if (tasks.length === 0) return html``;
  return html`<h3>${title}</h3>
    <ul class="plain">
      ${tasks.map(
        (t) =>
          html`<li>
            <strong>${m.section(t.section)}</strong> ${t.text}
            ${t.deadline ? html` <span class="muted">(${m.taskDeadline(t.deadline)})</span>` : ''}
            ${t.inheritedFrom ? html` <span class="muted">${m.inherited(t.inheritedFrom)}</span>` : ''}
          </li>`,
      )}
    </ul>`;
}
