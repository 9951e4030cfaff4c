import { and, asc, eq, inArray, like, ne } from 'drizzle-orm';
import type { PlanDuty } from '../../../kernel/plan.js';
import type {
  OfficerChat,
  PersonChat,
  ReminderDuty,
  ReminderKey,
  ReminderToRecord,
  ReportingAgency,
} from '../../queries/reminders.js';
import { pgTransaction, type PgDb } from '../client.js';
import { changed } from '../run.js';
import {
  agencies,
  duties,
  identities,
  jobRuns,
  memberships,
  networks,
  outbox,
  periods,
  persons,
  reminderLog,
  roles,
  submissions,
} from '../schema.js';
import { appendAudit } from './audit.js';
import { insertOutgoing } from './outbox.js';

const reminderIdemPrefix = 'reminder:';

/** Same tuple, same key as the SQLite version: the outbox refuses a second copy even if the log were bypassed. */
function reminderIdemKey(k: ReminderKey): string {
  return `${reminderIdemPrefix}${k.dutyId}:${k.periodKey}:${k.agencyId}:${k.recipient}:${k.step}`;
}

export async function listReminderDuties(db: PgDb): Promise<ReminderDuty[]> {
  const rows = await db.orm
    .select({ id: duties.id, networkId: duties.networkId, networkName: networks.name, spec: duties.spec })
    .from(duties)
    .innerJoin(networks, eq(networks.id, duties.networkId))
    .where(and(eq(duties.active, true), eq(networks.active, true)))
    .orderBy(asc(duties.id));
  return rows.map((r) => ({ ...r, spec: r.spec as unknown as PlanDuty }));
}

/** Agencies that must report under a duty: its reporters, less the receiving agency that consolidates them. */
export async function listReportingAgencies(
  db: PgDb,
  networkId: string,
  duty: Pick<PlanDuty, 'reporters' | 'receiverAgency'>,
): Promise<ReportingAgency[]> {
  const inNetwork = and(
    eq(agencies.networkId, networkId),
    eq(agencies.active, true),
    duty.receiverAgency ? ne(agencies.slug, duty.receiverAgency) : undefined,
  );
  const where = duty.reporters === 'all' ? inNetwork : and(inNetwork, inArray(agencies.slug, duty.reporters));
  return db.orm
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(where)
    .orderBy(asc(agencies.sortOrder));
}

/** Agencies with a current submission for the period (a period row exists only once someone reported). */
export async function listSubmittedAgencies(
  db: PgDb,
  dutyId: number,
  periodKey: string,
): Promise<{ agencyId: number; late: boolean }[]> {
  return db.orm
    .select({ agencyId: submissions.agencyId, late: submissions.late })
    .from(submissions)
    .innerJoin(periods, eq(periods.id, submissions.periodId))
    .where(and(eq(periods.dutyId, dutyId), eq(periods.key, periodKey), eq(submissions.current, true)))
    .orderBy(asc(submissions.id));
}

const personChatColumns = {
  personId: persons.id,
  name: persons.name,
  mutedUntil: persons.mutedUntil,
  preferred: persons.preferredPlatform,
  platform: identities.platform,
  chatId: identities.privateChatId,
};

interface ChatRow {
  personId: number;
  name: string;
  mutedUntil: string | null;
  preferred: string | null;
  platform: string;
  chatId: string | null;
}

/** Active officers of the agencies with a private chat the bot can write to. */
export async function listOfficerChats(db: PgDb, agencyIds: number[]): Promise<OfficerChat[]> {
  if (agencyIds.length === 0) return [];
  const rows = await db.orm
    .select({ agencyId: memberships.agencyId, ...personChatColumns })
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .innerJoin(identities, eq(identities.personId, persons.id))
    .where(and(inArray(memberships.agencyId, agencyIds), eq(memberships.status, 'active')))
    .orderBy(asc(memberships.agencyId), asc(persons.id), asc(identities.platform));
  return pickChats(rows, (r) => `${r.agencyId}:${r.personId}`).map((r) => ({
    ...toPersonChat(r),
    agencyId: r.agencyId,
  }));
}

/** Leaders of the network (role 'leader') with a private chat. */
export async function listLeaderChats(db: PgDb, networkId: string): Promise<PersonChat[]> {
  const rows = await db.orm
    .select(personChatColumns)
    .from(roles)
    .innerJoin(persons, eq(persons.id, roles.personId))
    .innerJoin(identities, eq(identities.personId, persons.id))
    .where(and(eq(roles.networkId, networkId), eq(roles.role, 'leader')))
    .orderBy(asc(persons.id), asc(identities.platform));
  return pickChats(rows, (r) => String(r.personId)).map(toPersonChat);
}

/** One row per key (person, or agency and person), preferring the person's preferred platform. */
function pickChats<T extends ChatRow>(rows: T[], keyOf: (r: T) => string): (T & { chatId: string })[] {
  const chosen = new Map<string, T & { chatId: string }>();
  for (const row of rows) {
    if (!hasChat(row)) continue;
    const current = chosen.get(keyOf(row));
    if (!current || (current.platform !== current.preferred && row.platform === row.preferred))
      chosen.set(keyOf(row), row);
  }
  return [...chosen.values()];
}

const hasChat = <T extends ChatRow>(row: T): row is T & { chatId: string } => Boolean(row.chatId);

const toPersonChat = (r: ChatRow & { chatId: string }): PersonChat => ({
  personId: r.personId,
  name: r.name,
  mutedUntil: r.mutedUntil,
  platform: r.platform,
  chatId: r.chatId,
});

/** Keys already in the reminder log for a period, as `agencyId|recipient|step`. */
export async function listLoggedReminders(db: PgDb, dutyId: number, periodKey: string): Promise<Set<string>> {
  const rows = await db.orm
    .select({ agencyId: reminderLog.agencyId, recipient: reminderLog.recipient, step: reminderLog.step })
    .from(reminderLog)
    .where(and(eq(reminderLog.dutyId, dutyId), eq(reminderLog.periodKey, periodKey)));
  return new Set(rows.map((r) => `${r.agencyId}|${r.recipient}|${r.step}`));
}

/** Logs each reminder and queues its message in one transaction; an already-logged one is skipped. */
export async function recordReminders<T extends ReminderToRecord>(db: PgDb, reminders: T[], at: Date): Promise<T[]> {
  return pgTransaction(db, async (tx) => {
    const recorded: T[] = [];
    for (const r of reminders) {
      const logged = changed(
        await tx
          .insert(reminderLog)
          .values({ ...r.key, at })
          .onConflictDoNothing(),
      );
      if (logged === 0) continue;
      await insertOutgoing(tx, [{ ...r.message, idemKey: reminderIdemKey(r.key) }], at);
      recorded.push(r);
    }
    return recorded;
  });
}

/** Cancels queued personal reminders whose agency has submitted since they were queued (see the SQLite version). */
export async function cancelMootReminders(db: PgDb): Promise<number> {
  const pending = await db.orm
    .select({ id: outbox.id, idemKey: outbox.idemKey })
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), like(outbox.idemKey, `${reminderIdemPrefix}%`)));
  const submitted = new Map<string, Set<number>>();
  const moot: number[] = [];
  for (const row of pending) {
    const [dutyId, periodKey, agencyId] = row.idemKey.slice(reminderIdemPrefix.length).split(':');
    if (!dutyId || !periodKey || !agencyId || agencyId === '0') continue;
    const key = `${dutyId}:${periodKey}`;
    if (!submitted.has(key))
      submitted.set(key, new Set((await listSubmittedAgencies(db, Number(dutyId), periodKey)).map((s) => s.agencyId)));
    if (submitted.get(key)!.has(Number(agencyId))) moot.push(row.id);
  }
  if (moot.length === 0) return 0;
  return changed(
    await db.orm
      .update(outbox)
      .set({ status: 'cancelled', lastError: 'moot: the agency submitted' })
      .where(and(inArray(outbox.id, moot), eq(outbox.status, 'pending'))),
  );
}

/** Claims a job's time slot; false when that slot already ran (another tick, a restart, a second instance). */
export async function claimJobRun(db: PgDb, job: string, slot: string, at: Date): Promise<boolean> {
  return changed(await db.orm.insert(jobRuns).values({ job, slot, ranAt: at }).onConflictDoNothing()) > 0;
}

/** A failed run gives its slot back so the next start-up catches it up. */
export async function releaseJobRun(db: PgDb, job: string, slot: string): Promise<void> {
  await db.orm.delete(jobRuns).where(and(eq(jobRuns.job, job), eq(jobRuns.slot, slot)));
}

/** Sets (a YYYY-MM-DD date, inclusive) or clears (null) a person's leave from reminders. */
export async function setMutedUntil(db: PgDb, personId: number, until: string | null, at: Date): Promise<void> {
  await pgTransaction(db, async (tx) => {
    await tx.update(persons).set({ mutedUntil: until }).where(eq(persons.id, personId));
    await appendAudit(tx, {
      actorPersonId: personId,
      action: until ? 'reminders.mute' : 'reminders.unmute',
      detail: { until },
      at,
    });
  });
}

export async function findMutedUntil(db: PgDb, personId: number): Promise<string | null> {
  const [row] = await db.orm.select({ mutedUntil: persons.mutedUntil }).from(persons).where(eq(persons.id, personId));
  return row?.mutedUntil ?? null;
}
