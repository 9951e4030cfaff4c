import type {
  BoundGroup,
  OfficerChat,
  OutgoingMessage,
  PersonChat,
  ReminderDuty,
  ReminderToRecord,
  ReportingAgency,
} from '../../db/index.js';
import type { HolidayCalendar } from '../../kernel/calendar/holidays.js';
import type { Period } from '../../kernel/calendar/periods.js';
import { dayOfWeek, diffDays, formatVnDate, toVnDate, vnDateKey } from '../../kernel/calendar/vn-time.js';
import { joinText } from '../../messages/network.js';
import { reminderText, type ReminderFacts } from '../../messages/reminders.js';

// Turns one due step of one period into the messages it sends: officers of agencies that have not submitted,
// one list per bound group, and the leaders' digest.

export interface PlannedReminder extends ReminderToRecord {
  kind: 'officer' | 'group' | 'leader';
  /** Who it is for, as operators read it (agency, person, group title). */
  agencyName?: string;
  personName?: string;
  groupTitle?: string;
}

export interface PeriodState {
  duty: ReminderDuty;
  period: Period;
  agencies: ReportingAgency[];
  missing: ReportingAgency[];
  submitted: { agencyId: number; late: boolean }[];
}

export interface StepContext {
  step: string;
  /** When the message may go out (now, or the next working morning if now is quiet). */
  sendAt: Date;
  calendar: HolidayCalendar;
  /** When the next step overtakes this one (none for the last step and the digest). */
  validUntil?: Date;
}

export function officerReminders(state: PeriodState, officers: OfficerChat[], s: StepContext): PlannedReminder[] {
  const names = new Map(state.missing.map((a) => [a.id, a.name]));
  const sendDay = vnDateKey(toVnDate(s.sendAt));
  const facts = reminderFacts(state, s);
  return officers
    .filter((o) => names.has(o.agencyId) && !isMuted(o, sendDay))
    .map((o) => ({
      kind: 'officer' as const,
      agencyName: names.get(o.agencyId),
      personName: o.name,
      key: keyOf(state, o.agencyId, `person:${o.personId}`, s.step),
      message: {
        ...privateMessage(o, reminderText.officer(facts, names.get(o.agencyId)!), s.sendAt),
        ...truth(state, s, [o.agencyId]),
      },
    }));
}

export function groupReminders(state: PeriodState, groups: BoundGroup[], s: StepContext): PlannedReminder[] {
  if (state.missing.length === 0) return [];
  const text = reminderText.group(
    reminderFacts(state, s),
    state.missing.map((a) => a.name),
    state.agencies.length,
  );
  return groups.map((g) => ({
    kind: 'group' as const,
    groupTitle: g.title ?? g.chatId,
    key: keyOf(state, 0, `group:${g.platform}:${g.chatId}`, s.step),
    message: {
      platform: g.platform,
      chatId: g.chatId,
      isGroup: true,
      text,
      notBefore: s.sendAt,
      ...truth(
        state,
        s,
        state.missing.map((a) => a.id),
      ),
    },
  }));
}

/** Agencies invited this many days ago or more and still without an officer are named in the digest. */
export const STALE_INVITE_DAYS = 7;

export function leaderDigests(
  state: PeriodState,
  leaders: PersonChat[],
  s: StepContext,
  notJoined: string[] = [],
): PlannedReminder[] {
  const ids = new Set(state.agencies.map((a) => a.id));
  const counted = state.submitted.filter((x) => ids.has(x.agencyId));
  const late = counted.filter((x) => x.late).length;
  const counts = { submitted: counted.length, total: state.agencies.length, onTime: counted.length - late, late };
  const digest = reminderText.digest(
    reminderFacts(state, s),
    counts,
    state.missing.map((a) => a.name),
  );
  const stale = notJoined.length > 0 ? joinText.digestStale(STALE_INVITE_DAYS, notJoined) : [];
  const text = [digest, ...(stale.length > 0 ? ['', ...stale] : [])].join('\n');
  const sendDay = vnDateKey(toVnDate(s.sendAt));
  return leaders
    .filter((l) => !isMuted(l, sendDay))
    .map((l) => ({
      kind: 'leader' as const,
      personName: l.name,
      key: keyOf(state, 0, `person:${l.personId}`, s.step),
      message: { ...privateMessage(l, text, s.sendAt), ...truth(state, s, []) },
    }));
}

/**
 * What the message states, for the sender's check when it is due: the agencies it names as missing (all of them
 * submitted: dropped) and the step it belongs to (overtaken by the next one: dropped).
 */
function truth(state: PeriodState, s: StepContext, agencyIds: number[]): Pick<OutgoingMessage, 'about' | 'validUntil'> {
  const about = {
    kind: 'reminder' as const,
    dutyId: state.duty.id,
    periodKey: state.period.key,
    step: s.step,
    agencyIds,
  };
  return s.validUntil ? { about, validUntil: s.validUntil } : { about };
}

/** On leave through `mutedUntil` (inclusive); dates compare as YYYY-MM-DD strings. */
const isMuted = (p: PersonChat, day: string): boolean => p.mutedUntil !== null && p.mutedUntil >= day;

function keyOf(state: PeriodState, agencyId: number, recipient: string, step: string) {
  return { dutyId: state.duty.id, periodKey: state.period.key, agencyId, recipient, step };
}

function privateMessage(p: PersonChat, text: string, sendAt: Date) {
  return { platform: p.platform, chatId: p.chatId, isGroup: false, text, notBefore: sendAt };
}

function reminderFacts(state: PeriodState, s: StepContext): ReminderFacts {
  const { deadline } = state.period;
  return {
    dutyTitle: state.duty.spec.title,
    networkName: state.duty.networkName,
    periodLabel: state.period.key === 'once' ? '' : state.period.label,
    deadline: formatVnDate(deadline),
    deadlineWeekday: dayOfWeek(deadline),
    daysLeft: diffDays(deadline, toVnDate(s.sendAt)),
    dayOff: s.calendar.isDayOff(deadline) ? (s.calendar.holidayName(deadline) ?? '') : undefined,
  };
}
