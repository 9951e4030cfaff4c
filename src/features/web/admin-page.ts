import type { Context } from 'hono';
import { html } from 'hono/html';
import {
  listActiveAgencies,
  listNetworkGroups,
  listNetworkOfficers,
  listOpenInvites,
  listPendingRequests,
  listStatusNetworks,
  type StatusNetwork,
} from '../../db/index.js';
import { isAdmin } from '../../kernel/actor.js';
import { formatVnDate, toVnDate } from '../../kernel/calendar/vn-time.js';
import type { Services } from '../../bot/context.js';
import { webText as m } from '../../messages/web.js';
import { messagePage, page, type Html } from './layout.js';
import type { WebEnv } from './session.js';

export const ADMIN_PATH = '/web/quantri';
const day = (d: Date) => formatVnDate(toVnDate(d));

/** The networks the caller administers; with `?network=` (or only one), that network's management page. */
export async function adminPage(c: Context<WebEnv>, services: Services): Promise<Response> {
  const { actor, user } = c.var;
  const mine = (await listStatusNetworks(services.db)).filter((n) => n.active && isAdmin(actor, n.id));
  if (mine.length === 0) return messagePage(c, m.forbiddenTitle, [m.forbiddenAdmin], 403, user);
  const wanted = c.req.query('network');
  const network = mine.length === 1 ? mine[0] : mine.find((n) => n.id === wanted);
  if (!network) {
    const links = mine.map(
      (n) => html`<li><a href="${ADMIN_PATH}?network=${encodeURIComponent(n.id)}">${n.name}</a></li>`,
    );
    return page(c, {
      title: m.adminTitle,
      user,
      body: html`<section>
        <ul class="plain">
          ${links}
        </ul>
      </section>`,
    });
  }
  const body = html`${await requests(services, network, user.csrf)} ${await officers(services, network, user.csrf)}
  ${await invites(services, network, user.csrf)} ${await groups(services, network)}`;
  return page(c, { title: m.adminNetwork(network.name), user, body });
}

/** A one-button form that posts to an admin action with the CSRF token. */
function action(path: string, fields: Record<string, string>, label: string, csrf: string, kind = ''): Html {
  const hidden = Object.entries(fields).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}" />`);
  return html`<form class="inline" method="post" action="${ADMIN_PATH}/${path}">
    <input type="hidden" name="csrf" value="${csrf}" />${hidden}<button type="submit" class="${kind}">${label}</button>
  </form>`;
}

async function requests(services: Services, network: StatusNetwork, csrf: string): Promise<Html> {
  const pending = await listPendingRequests(services.db, [network.id]);
  const items = pending.map(
    (r) =>
      html`<li>
        ${m.requestLine(r.personName, r.agencyName, day(r.createdAt))}<br />
        ${action('duyet', { request: String(r.id), verdict: 'ok' }, m.approve, csrf)}
        ${action('duyet', { request: String(r.id), verdict: 'khong' }, m.reject, csrf, 'quiet')}
      </li>`,
  );
  return html`<section>
    <h2>${m.requestsHeading}</h2>
    ${
      pending.length === 0
        ? html`<p>${m.noRequests}</p>`
        : html`<ul class="plain">
            ${items}
          </ul>`
    }
  </section>`;
}

async function officers(services: Services, network: StatusNetwork, csrf: string): Promise<Html> {
  const agencies = await listActiveAgencies(services.db, network.id);
  const byAgency = new Map<number, Awaited<ReturnType<typeof listNetworkOfficers>>>();
  for (const o of await listNetworkOfficers(services.db, network.id)) {
    byAgency.set(o.agencyId, [...(byAgency.get(o.agencyId) ?? []), o]);
  }
  const items = agencies.map((a) => {
    const people = byAgency.get(a.id) ?? [];
    const list = people.map(
      (o) =>
        html`<li>
          ${o.name} <span class="muted">(${day(o.since)})</span>
          ${action('xoa', { membership: String(o.membershipId) }, m.removeOfficer(o.name), csrf, 'danger')}
        </li>`,
    );
    return html`<li>
      <strong>${a.name}</strong>
      ${
        people.length > 0
          ? html`<ul>
              ${list}
            </ul>`
          : html` <span class="muted">(${m.noOfficer})</span>`
      }
      <div>${action('moi', { agency: String(a.id) }, m.inviteShort, csrf, 'quiet')}</div>
    </li>`;
  });
  return html`<section>
    <h2>${m.officersHeading}</h2>
    <ul class="plain">
      ${items}
    </ul>
  </section>`;
}

async function invites(services: Services, network: StatusNetwork, csrf: string): Promise<Html> {
  const open = await listOpenInvites(services.db, services.clock(), [network.id]);
  const items = open.map(
    (i) =>
      html`<li>
        ${m.inviteLine(m.inviteName(i.id, i.hint), i.agencyName, day(i.expiresAt))}
        ${action('huymoi', { invite: String(i.id) }, m.cancelInvite(m.inviteName(i.id, i.hint)), csrf, 'quiet')}
      </li>`,
  );
  return html`<section>
    <h2>${m.invitesHeading}</h2>
    ${
      open.length === 0
        ? html`<p>${m.noInvites}</p>`
        : html`<ul class="plain">
            ${items}
          </ul>`
    }
  </section>`;
}

async function groups(services: Services, network: StatusNetwork): Promise<Html> {
  const bound = await listNetworkGroups(services.db, network.id);
  const items = bound.map(
    (g) => html`<li>${g.title ?? m.untitledGroup} <span class="muted">(${g.platform})</span></li>`,
  );
  return html`<section>
    <h2>${m.groupsHeading}</h2>
    ${
      bound.length === 0
        ? html`<p>${m.noGroups}</p>`
        : html`<ul class="plain">
            ${items}
          </ul>`
    }
  </section>`;
}
