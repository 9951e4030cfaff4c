import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// Sign-in links and session cookies: 32 random bytes, only their SHA-256 stored.

export const LOGIN_TTL_MINUTES = 10;
export const SESSION_TTL_HOURS = 8;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export const newToken = (): string => randomBytes(32).toString('base64url');

export const isTokenShaped = (token: string): boolean => TOKEN_SHAPE.test(token);

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The form token of a session: derived from the cookie, so it needs no storage and dies with the session. */
export const csrfTokenOf = (sessionToken: string): string =>
  createHash('sha256').update(`csrf:${sessionToken}`).digest('base64url');

export function csrfMatches(given: string | undefined, sessionToken: string): boolean {
  if (!given) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(csrfTokenOf(sessionToken)).digest();
  return timingSafeEqual(a, b);
}
