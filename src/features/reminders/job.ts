import {
  cancelMootReminders,
  listLeaderChats,
  listLoggedReminders,
  listNetworkGroups,
  listOfficerChats,
  listReminderDuties,
  listReportingAgencies,
  listStaleInvitedAgencies,
  listSubmittedAgencies,
  recordReminders,
  type Db,
  type ReminderDuty,
} from '../../db/index.js';
import { periodsBetween, type Period } from '../../kernel/calendar/periods.js';
import { addDays, toVnDate, type VnDate } from '../../kernel/calendar/vn-time.js';
import { nextSendableInstant } from '../../kernel/calendar/working-time.js';
import {
  groupReminders,
  STALE_INVITE_DAYS,
  leaderDigests,
  officerReminders,
  type PeriodState,
  type PlannedReminder,
  type StepContext,
} from './messages.js';
import { defaultReminderOffsets, digestStep, digestTime, morningHour, reminderLadder } from './ladder.js';
import type { Job, JobContext } from '../../bot/job.js';

// The deadline-reminder job. Each run looks at the periods around now, takes the latest step of each whose
// time has come (within the catch-up window), and queues messages for agencies still missing. The reminder
// log (insert-or-ignore, same transaction as the outbox row) makes every message go out once.

export const remindersJob: Job = {
  name: 'reminders',
  // Every half hour in working-ish hours: steps are at 8:00; earlier ticks only catch up after downtime.
  cron: '*/30 7-20 * * *',
  run: async (ctx) => {
    await runReminders(ctx);
  },
};

// Never shorter than two ticks, so a normal run always catches the step of its own slot.
const minWindowMs = 60 * 60_000;

/** Queues what is due and not yet sent; returns the reminders queued by this run. */
export async function runReminders(ctx: JobContext): Promise<PlannedReminder[]> {
  const cancelled = await cancelMootReminders(ctx.db);
  const planned = await planReminders(ctx);
  const queued = await recordReminders(ctx.db, planned, ctx.now);
  if (queued.length > 0) ctx.outbox.notify();
  ctx.log.info({ due: planned.length, queued: queued.length, cancelled }, 'reminders run');
  return queued;
}

/** What a run at `now` would send, without writing anything (also `daumoi remind --dry-run`). */
export async function planReminders(ctx: Omit<JobContext, 'outbox'>): Promise<PlannedReminder[]> {
  const planned: PlannedReminder[] = [];
  for (const duty of await listReminderDuties(ctx.db)) {
    try {
      planned.push(...(await planDuty(ctx, duty)));
    } catch (error) {
      ctx.log.error({ err: error, duty: duty.spec.id, network: duty.networkId }, 'reminders: duty skipped');
    }
  }
  return planned;
}

async function planDuty(ctx: Omit<JobContext, 'outbox'>, duty: ReminderDuty): Promise<PlannedReminder[]> {
  const offsets = duty.spec.reminders ?? defaultReminderOffsets;
  const planned: PlannedReminder[] = [];
  for (const period of periodsAround(duty, offsets, toVnDate(ctx.now))) {
    const steps = dueSteps(period.deadline, offsets, ctx);
    if (steps.length === 0) continue;
    const state = await loadPeriodState(ctx.db, duty, period);
    const logged = await listLoggedReminders(ctx.db, duty.id, period.key);
    for (const step of steps) {
      const messages = await stepMessages(ctx.db, state, step);
      planned.push(...messages.filter((m) => !logged.has(`${m.key.agencyId}|${m.key.recipient}|${m.key.step}`)));
    }
  }
  return planned;
}

function periodsAround(duty: ReminderDuty, offsets: number[], today: VnDate): Period[] {
  // A month either side covers day-off shifts (Tết) and the catch-up window.
  const from = addDays(today, -(Math.max(...offsets, 1) + 31));
  const to = addDays(today, -Math.min(...offsets, 0) + 31);
  return periodsBetween(duty.spec, from, to);
}

/** The latest ladder step whose time has come, and the leaders' digest, if still within the window. */
function dueSteps(deadline: VnDate, offsets: number[], ctx: Omit<JobContext, 'outbox'>): StepContext[] {
  const { now, settings } = ctx;
  const windowMs = Math.max(settings.catchUpHours * 3_600_000, minWindowMs);
  const isDue = (at: Date) => at <= now && now.getTime() - at.getTime() <= windowMs;
  const hour = morningHour(settings.quietHours);
  const sendAt = nextSendableInstant(now, settings.calendar, settings.quietHours, hour);
  const ladder = reminderLadder(deadline, offsets, settings);
  const latest = ladder.filter((s) => s.at <= now).at(-1);
  const due: StepContext[] = [];
  // Held over quiet hours past the next step, it would only duplicate that step: the next run sends it.
  const overtaken = ladder.some((s) => s.at > now && s.at <= sendAt);
  // The next step's time ends this one's truth: still queued then (the bot was down), it is dropped, not sent.
  const validUntil = latest && ladder[ladder.indexOf(latest) + 1]?.at;
  if (latest && isDue(latest.at) && !overtaken)
    due.push({ step: latest.step, sendAt, calendar: settings.calendar, ...(validUntil ? { validUntil } : {}) });
  if (isDue(digestTime(deadline, settings))) due.push({ step: digestStep, sendAt, calendar: settings.calendar });
  return due;
}

async function loadPeriodState(db: Db, duty: ReminderDuty, period: Period): Promise<PeriodState> {
  const agencies = await listReportingAgencies(db, duty.networkId, duty.spec);
  const submitted = await listSubmittedAgencies(db, duty.id, period.key);
  const done = new Set(submitted.map((s) => s.agencyId));
  return { duty, period, agencies, submitted, missing: agencies.filter((a) => !done.has(a.id)) };
}

async function stepMessages(db: Db, state: PeriodState, step: StepContext): Promise<PlannedReminder[]> {
  if (step.step === digestStep) {
    const invitedBefore = new Date(step.sendAt.getTime() - STALE_INVITE_DAYS * 86_400_000);
    const notJoined = await listStaleInvitedAgencies(db, state.duty.networkId, invitedBefore);
    return leaderDigests(state, await listLeaderChats(db, state.duty.networkId), step, notJoined);
  }
  const officers = await listOfficerChats(
    db,
    state.missing.map((a) => a.id),
  );
  const groups = await listNetworkGroups(db, state.duty.networkId);
  return [...officerReminders(state, officers, step), ...groupReminders(state, groups, step)];
}
