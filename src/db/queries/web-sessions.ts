import { and, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { Platform } from '../../kernel/message.js';
import type { Db } from '../client.js';
import { transaction } from '../client.js';
import { persons, webLogins, webSessions } from '../schema.js';
import { appendAudit } from './audit.js';

// Web sign-in: a one-time link sent in a private chat becomes a session cookie. Both are stored as hashes.

export interface WebIdentity {
  personId: number;
  platform: Platform;
  userId: string;
}

export interface WebLoginInput extends WebIdentity {
  tokenHash: string;
  expiresAt: Date;
  at: Date;
}

/** Stores a sign-in link; links and sessions past their time are removed on the way. */
export async function insertWebLogin(db: Db, input: WebLoginInput): Promise<void> {
  const { at, ...row } = input;
  transaction(db, () => {
    db.orm.delete(webLogins).where(lte(webLogins.expiresAt, at)).run();
    db.orm
      .delete(webSessions)
      .where(or(lte(webSessions.expiresAt, at), lte(webSessions.endedAt, at)))
      .run();
    db.orm
      .insert(webLogins)
      .values({ ...row, createdAt: at })
      .run();
  });
}

export type WebLoginResult = ({ ok: true } & WebIdentity) | { ok: false; reason: 'unknown' | 'used' | 'expired' };

/** Uses a sign-in link once: marks it used, opens the session and audits the sign-in, in one transaction. */
export async function redeemWebLogin(
  db: Db,
  input: { tokenHash: string; session: { tokenHash: string; expiresAt: Date }; at: Date },
): Promise<WebLoginResult> {
  return transaction(db, (): WebLoginResult => {
    const login = db.orm.select().from(webLogins).where(eq(webLogins.tokenHash, input.tokenHash)).get();
    if (!login) return { ok: false, reason: 'unknown' };
    if (login.usedAt) return { ok: false, reason: 'used' };
    if (login.expiresAt <= input.at) return { ok: false, reason: 'expired' };
    const taken = db.orm
      .update(webLogins)
      .set({ usedAt: input.at })
      .where(and(eq(webLogins.tokenHash, input.tokenHash), isNull(webLogins.usedAt)))
      .run();
    if (taken.changes === 0) return { ok: false, reason: 'used' };
    const identity = { personId: login.personId, platform: login.platform as Platform, userId: login.userId };
    db.orm
      .insert(webSessions)
      .values({
        ...identity,
        tokenHash: input.session.tokenHash,
        expiresAt: input.session.expiresAt,
        createdAt: input.at,
      })
      .run();
    appendAudit(db, {
      actorPersonId: login.personId,
      action: 'web.signin',
      detail: { platform: login.platform, userId: login.userId, until: input.session.expiresAt.toISOString() },
      at: input.at,
    });
    return { ok: true, ...identity };
  });
}

/** The identity behind a session cookie, unless it ended or expired. */
export async function findWebSession(db: Db, tokenHash: string, at: Date): Promise<WebIdentity | undefined> {
  const row = db.orm
    .select({ personId: webSessions.personId, platform: webSessions.platform, userId: webSessions.userId })
    .from(webSessions)
    .where(and(eq(webSessions.tokenHash, tokenHash), gt(webSessions.expiresAt, at), isNull(webSessions.endedAt)))
    .get();
  return row ? { ...row, platform: row.platform as Platform } : undefined;
}

/** Signs out: the cookie stops working at once, even if a copy of it is kept. */
export async function endWebSession(db: Db, tokenHash: string, at: Date): Promise<boolean> {
  return transaction(db, () => {
    const row = db.orm
      .update(webSessions)
      .set({ endedAt: at })
      .where(and(eq(webSessions.tokenHash, tokenHash), isNull(webSessions.endedAt)))
      .returning({ personId: webSessions.personId })
      .get();
    if (!row) return false;
    appendAudit(db, { actorPersonId: row.personId, action: 'web.signout', detail: {}, at });
    return true;
  });
}

export type WebLoginState = { ok: true; personName: string } | { ok: false; reason: 'unknown' | 'used' | 'expired' };

/** Whether a sign-in link still works, without using it (the page before the button; link previews stay harmless). */
export async function checkWebLogin(db: Db, tokenHash: string, at: Date): Promise<WebLoginState> {
  const row = db.orm
    .select({ usedAt: webLogins.usedAt, expiresAt: webLogins.expiresAt, name: persons.name })
    .from(webLogins)
    .innerJoin(persons, eq(persons.id, webLogins.personId))
    .where(eq(webLogins.tokenHash, tokenHash))
    .get();
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.usedAt) return { ok: false, reason: 'used' };
  if (row.expiresAt <= at) return { ok: false, reason: 'expired' };
  return { ok: true, personName: row.name };
}
