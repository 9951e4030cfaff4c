import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { findActorByPerson, findWebSession, isBlocked } from '../../db/index.js';
import { isAnyAdmin, type Actor } from '../../kernel/actor.js';
import type { Services } from '../../bot/context.js';
import { webText as m } from '../../messages/web.js';
import { messagePage, type Frame } from './layout.js';
import { SESSION_TTL_HOURS, csrfMatches, csrfTokenOf, hashToken, isTokenShaped } from './tokens.js';

export interface WebEnv {
  Variables: { actor: Actor; sessionToken: string; user: NonNullable<Frame['user']> };
}

/** `__Host-` binds the cookie to this exact origin over https; plain http (a test, a LAN) cannot use it. */
export const cookieName = (secure: boolean): string => (secure ? '__Host-daumoi' : 'daumoi');

export const isSecure = (services: Services): boolean => services.config.publicUrl?.startsWith('https:') ?? false;

export function setSessionCookie(c: Context, services: Services, token: string): void {
  const secure = isSecure(services);
  setCookie(c, cookieName(secure), token, {
    httpOnly: true,
    secure,
    sameSite: 'Strict',
    path: '/',
    maxAge: SESSION_TTL_HOURS * 3600,
  });
}

export function clearSessionCookie(c: Context, services: Services): void {
  const secure = isSecure(services);
  deleteCookie(c, cookieName(secure), { path: '/', secure, httpOnly: true, sameSite: 'Strict' });
}

export const sessionTokenOf = (c: Context, services: Services): string | undefined =>
  getCookie(c, cookieName(isSecure(services)));

/**
 * Every page after sign-in: the session must be open, and the person and their roles are read again on each
 * request, so a removed role or a block stops working at once. Forms must carry the session's CSRF token.
 */
export function requireSession(services: Services): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    const token = sessionTokenOf(c, services);
    const now = services.clock();
    const identity =
      token && isTokenShaped(token) ? await findWebSession(services.db, hashToken(token), now) : undefined;
    if (!token || !identity) return messagePage(c, m.notSignedInTitle, [m.notSignedIn, m.loginAgain], 401);
    const found = await findActorByPerson(services.db, identity.personId, services.config.admins);
    if (!found) return messagePage(c, m.notSignedInTitle, [m.notSignedIn, m.loginAgain], 401);
    if (await isBlocked(services.db, identity.personId)) return messagePage(c, m.notSignedInTitle, [m.blocked], 403);
    const actor: Actor = { ...found, platform: identity.platform, userId: identity.userId };
    const user = { name: actor.name, csrf: csrfTokenOf(token), admin: isAnyAdmin(actor) };
    c.set('actor', actor);
    c.set('sessionToken', token);
    c.set('user', user);
    if (c.req.method === 'POST') {
      const form = await c.req.parseBody();
      if (!csrfMatches(typeof form.csrf === 'string' ? form.csrf : undefined, token)) {
        return messagePage(c, m.badFormTitle, [m.badForm], 403, user);
      }
    }
    await next();
  };
}
