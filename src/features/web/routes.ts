import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { findStatusNetwork } from '../../db/index.js';
import { officerOf } from '../../kernel/actor.js';
import type { Services } from '../../bot/context.js';
import { webText as m } from '../../messages/web.js';
import { buildExportFiles, ledNetworks, type ExportFormat } from '../status/index.js';
import { adminPage, ADMIN_PATH } from './admin-page.js';
import { mountAdminActions } from './admin-actions.js';
import { agencyFor, networkFor, periodFor, type Access } from './access.js';
import { agencyPage } from './agency-page.js';
import { webCtx } from './chat.js';
import { messagePage, page } from './layout.js';
import { mountLogin } from './login.js';
import { networkPage } from './network-page.js';
import { reportPage } from './report-page.js';
import { requireSession, type WebEnv } from './session.js';
import { html } from 'hono/html';

const FORM_BYTES = 16 * 1024;
const FORMATS: Record<string, ExportFormat> = { xlsx: 'xlsx', docx: 'docx' };

/** The web pages, mounted by app.ts on the bot's HTTP server (only when PUBLIC_URL is set). */
export function createWebRoutes(services: Services): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  const origin = new URL(services.config.publicUrl!).origin;
  app.use(
    '/web/*',
    bodyLimit({ maxSize: FORM_BYTES, onError: (c) => messagePage(c, m.badFormTitle, [m.badForm], 413) }),
  );
  // Forms are posted from our own pages only (on top of SameSite=Strict and the CSRF token).
  app.use('/web/*', csrf({ origin }));
  mountLogin(app, services);
  const signedIn = requireSession(services);
  app.get('/web', signedIn, (c) => home(c, services));
  app.get('/web/n/:network', signedIn, async (c) => {
    const access = await networkFor(services, c.var.actor, c.req.param('network'));
    if (!access.ok) return refusal(c, access);
    const chosen = await periodFor(services, access.value.id, c.req.query('period'));
    if (!chosen) return refusal(c, { ok: false, why: 'not-found' });
    return networkPage(c, services, access.value, chosen, c.req.query('period'));
  });
  app.get('/web/n/:network/a/:agency', signedIn, async (c) => {
    const access = await agencyFor(services, c.var.actor, c.req.param('network'), c.req.param('agency'));
    if (!access.ok) return refusal(c, access);
    const chosen = await periodFor(services, access.value.network.id, c.req.query('period'));
    if (!chosen) return refusal(c, { ok: false, why: 'not-found' });
    return agencyPage(c, services, access.value.network, access.value.agency, chosen);
  });
  app.get('/web/n/:network/tai/:format', signedIn, async (c) => {
    const format = FORMATS[c.req.param('format')];
    const access = await networkFor(services, c.var.actor, c.req.param('network'));
    if (!access.ok) return refusal(c, access);
    const chosen = format ? await periodFor(services, access.value.id, c.req.query('period')) : undefined;
    if (!format || !chosen) return refusal(c, { ok: false, why: 'not-found' });
    const { files } = await buildExportFiles(services.db, {
      network: access.value,
      chosen,
      now: services.clock(),
      catalog: services.activityTypes,
      formats: [format],
    });
    const { file, contentType } = files[0]!;
    return new Response(new Uint8Array(file.data), {
      headers: {
        'content-type': contentType,
        // The export names are ASCII already (tong-hop-<network>-<period>.xlsx).
        'content-disposition': `attachment; filename="${file.fileName}"`,
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  });
  app.get('/web/bao-cao/:id{[0-9]{1,9}}', signedIn, (c) => reportPage(c, services, Number(c.req.param('id'))));
  app.get(ADMIN_PATH, signedIn, (c) => adminPage(c, services));
  mountAdminActions(app, services, signedIn);
  return app;
}

function refusal(c: Context<WebEnv>, access: Extract<Access<unknown>, { ok: false }>): Response | Promise<Response> {
  const user = c.var.user;
  if (access.why === 'not-found') return messagePage(c, m.notFoundTitle, [m.notFound], 404, user);
  return messagePage(
    c,
    m.forbiddenTitle,
    [access.why === 'agency' ? m.forbiddenAgency : m.forbiddenNetwork],
    403,
    user,
  );
}

/** The networks the person follows and their own agency; straight there when there is only one. */
async function home(c: Context<WebEnv>, services: Services): Promise<Response> {
  const { actor, user } = c.var;
  const networks = await ledNetworks(webCtx(services, actor, '', []));
  const own = officerOf(actor);
  const ownNetwork = own ? await findStatusNetwork(services.db, own.networkId) : undefined;
  const ownHref = own
    ? `/web/n/${encodeURIComponent(own.networkId)}/a/${encodeURIComponent(own.agencySlug)}`
    : undefined;
  if (networks.length === 1 && !own) return c.redirect(`/web/n/${encodeURIComponent(networks[0]!.id)}`, 303);
  if (networks.length === 0 && ownHref) return c.redirect(ownHref, 303);
  const body = html`
    ${
      networks.length > 0
        ? html`<section>
            <h2>${m.yourNetworks}</h2>
            <ul class="plain">
              ${networks.map((n) => html`<li><a href="/web/n/${encodeURIComponent(n.id)}">${n.name}</a></li>`)}
            </ul>
          </section>`
        : ''
    }
    ${
      ownHref && ownNetwork
        ? html`<section>
            <h2>${m.yourAgency}</h2>
            <p><a href="${ownHref}">${own!.agencyName}</a> (${ownNetwork.name})</p>
          </section>`
        : ''
    }
    ${networks.length === 0 && !ownHref ? html`<p>${m.nothingToShow}</p>` : ''}
  `;
  return page(c, { title: m.homeTitle, user, body });
}
