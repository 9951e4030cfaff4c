import { planReminders, runReminders } from '../features/reminders/job.js';
import type { PlannedReminder } from '../features/reminders/messages.js';
import type { JobSettings } from '../bot/job.js';
import { loadHolidayCalendar } from '../kernel/calendar/holidays.js';
import { dayOfWeek, formatVnDate, toVnDate } from '../kernel/calendar/vn-time.js';
import { createLogger } from '../logger.js';
import { dateWithWeekday, remindCliText as text } from '../messages/reminders.js';
import { withDatabase } from './open-db.js';
import type { CliCommand, CliIo } from './types.js';

// `daumoi remind`: the reminder job once, as of a given time. It only queues: the running bot's outbox
// sender delivers within a second, so the CLI never races it for the same rows.

interface RemindArgs {
  now: Date;
  dryRun: boolean;
}

export const remindCli: CliCommand = {
  name: 'remind',
  usage: text.usage,
  async run(args, io) {
    const parsed = parseArgs(args, io);
    if (!parsed) return 2;
    return withDatabase(io, async (db, config) => {
      const settings: JobSettings = {
        calendar: loadHolidayCalendar(),
        quietHours: config.quietHours,
        catchUpHours: config.catchUpHours,
      };
      const ctx = { db, log: createLogger('warn'), now: parsed.now, settings };
      io.out(text.header(formatDateTime(parsed.now), parsed.dryRun));
      const reminders = parsed.dryRun
        ? await planReminders(ctx)
        : await runReminders({ ...ctx, outbox: { notify: () => undefined } });
      for (const reminder of reminders) printReminder(io, reminder, parsed.now);
      if (reminders.length === 0) io.out(text.none);
      else io.out(parsed.dryRun ? text.dryRunTotal(reminders.length) : text.queued(reminders.length));
      return 0;
    });
  },
};

function parseArgs(args: string[], io: CliIo): RemindArgs | undefined {
  const result: RemindArgs = { now: new Date(), dryRun: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--dry-run') {
      result.dryRun = true;
      continue;
    }
    const value = arg === '--now' ? args[++i] : arg.startsWith('--now=') ? arg.slice(6) : undefined;
    if (value === undefined) {
      io.err(arg === '--now' ? text.badNow('') : text.unknownOption(arg));
      return undefined;
    }
    result.now = new Date(value);
    if (Number.isNaN(result.now.getTime())) {
      io.err(text.badNow(value));
      return undefined;
    }
  }
  return result;
}

function printReminder(io: CliIo, r: PlannedReminder, now: Date): void {
  const chat = `${r.message.platform}:${r.message.chatId}`;
  const who =
    r.kind === 'officer'
      ? text.officer(r.agencyName ?? '', r.personName ?? '', chat)
      : r.kind === 'group'
        ? text.group(r.groupTitle ?? '', chat)
        : text.leader(r.personName ?? '', chat);
  io.out(`${who} · ${r.key.step}`);
  if (r.message.notBefore && r.message.notBefore > now) io.out(text.sendAt(formatDateTime(r.message.notBefore)));
  for (const line of r.message.text.split('\n')) io.out(`    ${line}`);
}

function formatDateTime(d: Date): string {
  const day = toVnDate(d);
  const time = new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(11, 16);
  return `${dateWithWeekday(formatVnDate(day), dayOfWeek(day))} ${time}`;
}
