import type { Context, Hono } from 'hono';
import { html } from 'hono/html';
import { checkWebLogin, endWebSession, redeemWebLogin } from '../../db/index.js';
import type { Services } from '../../bot/context.js';
import { webText as m } from '../../messages/web.js';
import { LOGIN_PATH } from './command.js';
import { messagePage, page } from './layout.js';
import { clearSessionCookie, requireSession, sessionTokenOf, setSessionCookie, type WebEnv } from './session.js';
import { SESSION_TTL_HOURS, hashToken, isTokenShaped, newToken } from './tokens.js';

/**
 * The link from the chat opens a page with a button: only the button's POST uses the link, so a link preview or
 * a prefetch (which only GET) cannot spend it. Then the session cookie, and sign-out.
 */
export function mountLogin(app: Hono<WebEnv>, services: Services): void {
  const refused = (c: Context, reason: 'unknown' | 'used' | 'expired') => {
    services.log.info({ reason }, 'web sign-in refused');
    return messagePage(
      c,
      m.loginRefusedTitle,
      [m.loginRefused[reason], m.loginAgain],
      reason === 'unknown' ? 404 : 410,
    );
  };

  app.get(`${LOGIN_PATH}:token`, async (c) => {
    const token = c.req.param('token');
    if (!isTokenShaped(token)) return refused(c, 'unknown');
    const state = await checkWebLogin(services.db, hashToken(token), services.clock());
    if (!state.ok) return refused(c, state.reason);
    const body = html`<section>
      <p>${m.loginIntro(state.personName)}</p>
      <form method="post" action="${LOGIN_PATH}${token}"><button type="submit">${m.loginButton}</button></form>
    </section>`;
    return page(c, { title: m.loginTitle, body });
  });

  app.post(`${LOGIN_PATH}:token`, async (c) => {
    const token = c.req.param('token');
    if (!isTokenShaped(token)) return refused(c, 'unknown');
    const now = services.clock();
    const session = newToken();
    const result = await redeemWebLogin(services.db, {
      tokenHash: hashToken(token),
      session: { tokenHash: hashToken(session), expiresAt: new Date(now.getTime() + SESSION_TTL_HOURS * 3_600_000) },
      at: now,
    });
    if (!result.ok) return refused(c, result.reason);
    setSessionCookie(c, services, session);
    return c.redirect('/web', 303);
  });

  app.post('/web/logout', requireSession(services), async (c) => {
    await endWebSession(services.db, hashToken(sessionTokenOf(c, services)!), services.clock());
    clearSessionCookie(c, services);
    return messagePage(c, m.signedOutTitle, [m.signedOut], 200);
  });
}
