import { and, asc, eq, inArray, like, ne } from 'drizzle-orm';
import type { PlanDuty } from '../../kernel/plan.js';
import type { Db } from '../client.js';
import { transaction } from '../client.js';
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
import { insertOutgoing, type OutgoingMessage } from './outbox.js';

export interface ReminderDuty {
  id: number;
  networkId: string;
  networkName: string;
  spec: PlanDuty;
}

export interface ReportingAgency {
  id: number;
  name: string;
}

/** A person reachable in a private chat: their preferred platform's chat, else any other. */
export interface PersonChat {
  personId: number;
  name: string;
  mutedUntil: string | null;
  platform: string;
  chatId: string;
}

export interface OfficerChat extends PersonChat {
  agencyId: number;
}

/** One row of the reminder log; agencyId is 0 for group and leader messages. */
export interface ReminderKey {
  dutyId: number;
  periodKey: string;
  agencyId: number;
  recipient: string;
  step: string;
}

const reminderIdemPrefix = 'reminder:';

/** Same tuple, same key: the outbox refuses a second copy even if the log were bypassed. */
function reminderIdemKey(k: ReminderKey): string {
  return `${reminderIdemPrefix}${k.dutyId}:${k.periodKey}:${k.agencyId}:${k.recipient}:${k.step}`;
}

export async function listReminderDuties(db: Db): Promise<ReminderDuty[]> {
  const rows = db.orm
    .select({ id: duties.id, networkId: duties.networkId, networkName: networks.name, spec: duties.spec })
    .from(duties)
    .innerJoin(networks, eq(networks.id, duties.networkId))
    .where(and(eq(duties.active, true), eq(networks.active, true)))
    .orderBy(asc(duties.id))
    .all();
  return rows.map((r) => ({ ...r, spec: r.spec as unknown as PlanDuty }));
}

/** Active agencies that owe the duty's report, in plan order. */
/** Agencies that must report under a duty: its reporters, less the receiving agency that consolidates them. */
export async function listReportingAgencies(
  db: Db,
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
    .orderBy(asc(agencies.sortOrder))
    .all();
}

/** Agencies with a current submission for the period (a period row exists only once someone reported). */
export async function listSubmittedAgencies(
  db: Db,
  dutyId: number,
  periodKey: string,
): Promise<{ agencyId: number; late: boolean }[]> {
  return db.orm
    .select({ agencyId: submissions.agencyId, late: submissions.late })
    .from(submissions)
    .innerJoin(periods, eq(periods.id, submissions.periodId))
    .where(and(eq(periods.dutyId, dutyId), eq(periods.key, periodKey), eq(submissions.current, true)))
    .all();
}

/** Active officers of the agencies with a private chat the bot can write to. */
export async function listOfficerChats(db: Db, agencyIds: number[]): Promise<OfficerChat[]> {
  if (agencyIds.length === 0) return [];
  const rows = db.orm
    .select({ agencyId: memberships.agencyId, ...personChatColumns })
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .innerJoin(identities, eq(identities.personId, persons.id))
    .where(and(inArray(memberships.agencyId, agencyIds), eq(memberships.status, 'active')))
    .orderBy(asc(memberships.agencyId), asc(persons.id), asc(identities.platform))
    .all();
  return pickChats(rows, (r) => `${r.agencyId}:${r.personId}`).map((r) => ({
    ...toPersonChat(r),
    agencyId: r.agencyId,
  }));
}

/** Leaders of the network (role 'leader') with a private chat. */
export async function listLeaderChats(db: Db, networkId: string): Promise<PersonChat[]> {
  const rows = db.orm
    .select(personChatColumns)
    .from(roles)
    .innerJoin(persons, eq(persons.id, roles.personId))
    .innerJoin(identities, eq(identities.personId, persons.id))
    .where(and(eq(roles.networkId, networkId), eq(roles.role, 'leader')))
    .orderBy(asc(persons.id), asc(identities.platform))
    .all();
  return pickChats(rows, (r) => String(r.personId)).map(toPersonChat);
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
export async function listLoggedReminders(db: Db, dutyId: number, periodKey: string): Promise<Set<string>> {
  const rows = db.orm
    .select({ agencyId: reminderLog.agencyId, recipient: reminderLog.recipient, step: reminderLog.step })
    .from(reminderLog)
    .where(and(eq(reminderLog.dutyId, dutyId), eq(reminderLog.periodKey, periodKey)))
    .all();
  return new Set(rows.map((r) => `${r.agencyId}|${r.recipient}|${r.step}`));
}

export interface ReminderToRecord {
  key: ReminderKey;
  message: Omit<OutgoingMessage, 'idemKey'>;
}

/** Logs each reminder and queues its message in one transaction; an already-logged one is skipped. */
export async function recordReminders<T extends ReminderToRecord>(db: Db, reminders: T[], at: Date): Promise<T[]> {
  return transaction(db, () =>
    reminders.filter((r) => {
      const logged = db.orm
        .insert(reminderLog)
        .values({ ...r.key, at })
        .onConflictDoNothing()
        .run().changes;
      if (logged === 0) return false;
      insertOutgoing(db, [{ ...r.message, idemKey: reminderIdemKey(r.key) }], at);
      return true;
    }),
  );
}

/**
 * Cancels queued personal reminders whose agency has submitted since they were queued (e.g. held over quiet
 * hours). Group messages list several agencies and are left alone.
 */
export async function cancelMootReminders(db: Db): Promise<number> {
  const pending = db.orm
    .select({ id: outbox.id, idemKey: outbox.idemKey })
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), like(outbox.idemKey, `${reminderIdemPrefix}%`)))
    .all();
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
  return db.orm
    .update(outbox)
    .set({ status: 'cancelled', lastError: 'moot: the agency submitted' })
    .where(and(inArray(outbox.id, moot), eq(outbox.status, 'pending')))
    .run().changes;
}

/** Claims a job's time slot; false when that slot already ran (another tick, a restart, a second instance). */
export async function claimJobRun(db: Db, job: string, slot: string, at: Date): Promise<boolean> {
  return db.orm.insert(jobRuns).values({ job, slot, ranAt: at }).onConflictDoNothing().run().changes > 0;
}

/** A failed run gives its slot back so the next start-up catches it up. */
export async function releaseJobRun(db: Db, job: string, slot: string): Promise<void> {
  db.orm
    .delete(jobRuns)
    .where(and(eq(jobRuns.job, job), eq(jobRuns.slot, slot)))
    .run();
}

/** Sets (a YYYY-MM-DD date, inclusive) or clears (null) a person's leave from reminders. */
export async function setMutedUntil(db: Db, personId: number, until: string | null, at: Date): Promise<void> {
  transaction(db, () => {
    db.orm.update(persons).set({ mutedUntil: until }).where(eq(persons.id, personId)).run();
    appendAudit(db, {
      actorPersonId: personId,
      action: until ? 'reminders.mute' : 'reminders.unmute',
      detail: { until },
      at,
    });
  });
}

export async function findMutedUntil(db: Db, personId: number): Promise<string | null> {
  return (
    db.orm.select({ mutedUntil: persons.mutedUntil }).from(persons).where(eq(persons.id, personId)).get()?.mutedUntil ??
    null
  );
}
