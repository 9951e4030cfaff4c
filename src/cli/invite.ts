import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ensureActor, findStatusNetwork } from '../db/index.js';
import type { AppConfig } from '../config.js';
import { formatVnDate, toVnDate } from '../kernel/calendar/vn-time.js';
import { BULK_INVITE_DAYS, MAX_INVITE_DAYS, invitationFiles, inviteEveryone } from '../features/network/invitations.js';
import { argProblem, fileProblem } from '../messages/cli.js';
import { importText, invitationText } from '../messages/network.js';
import { withDatabase } from './open-db.js';
import type { CliCommand, CliIo } from './types.js';

const m = invitationText.cli;

/** daumoi invite --network ID --out FILE.xlsx [--days N] [--bot USERNAME]: the workbook and, beside it, the letters. */
export const inviteCli: CliCommand = {
  name: 'invite',
  usage: m.usage,
  async run(args, io) {
    let values: { network?: string; out?: string; days?: string; bot?: string };
    try {
      values = parseArgs({
        args,
        options: {
          network: { type: 'string' },
          out: { type: 'string' },
          days: { type: 'string' },
          bot: { type: 'string' },
        },
      }).values;
    } catch (error) {
      io.err(argProblem(error));
      return 2;
    }
    if (!values.network || !values.out) return fail(io, m.missing, 2);
    const days = values.days === undefined ? BULK_INVITE_DAYS : Number(values.days);
    if (!Number.isInteger(days) || days < 1 || days > MAX_INVITE_DAYS)
      return fail(io, invitationText.badDays(MAX_INVITE_DAYS), 2);
    const out = values.out.replace(/\.(xlsx|docx)$/i, '');
    return withDatabase(io, async (db, config) => {
      const network = await findStatusNetwork(db, values.network!);
      if (!network) return fail(io, importText.cli.unknownNetwork(values.network!), 1);
      const bot = values.bot?.replace(/^@/, '') ?? (await botUsername(config));
      const actor = await ensureActor(db, { platform: 'console', userId: 'cli', name: m.actor }, []);
      const data = await inviteEveryone(db, {
        network,
        actorPersonId: actor.personId,
        at: new Date(),
        days,
        ...(bot ? { deepLink: (code: string) => `https://t.me/${bot}?start=${code}` } : {}),
      });
      if (!data) {
        io.out(invitationText.noneToInvite(network.name));
        return 0;
      }
      const files = await invitationFiles(data);
      try {
        writeFileSync(`${out}.xlsx`, files.xlsx);
        writeFileSync(`${out}.docx`, files.docx);
      } catch (error) {
        return fail(io, fileProblem('write', error), 1);
      }
      io.out(invitationText.created(data.invitations.length, network.name, formatVnDate(toVnDate(data.expiresAt))));
      if (!bot) io.out(invitationText.noLink);
      for (const i of data.invitations.filter((x) => x.replaced.length > 0))
        io.out(invitationText.replacedLine(i.agencyName, i.replaced));
      io.out(m.written(`${out}.xlsx`, `${out}.docx`));
      return 0;
    });
  },
};

function fail(io: CliIo, message: string, code: number): number {
  io.err(message);
  return code;
}

/** The bot's @username from Telegram (getMe), when a token is configured: the deep links need it. */
async function botUsername(config: AppConfig): Promise<string | undefined> {
  if (!config.telegram) return undefined;
  const root = config.telegram.apiRoot.replace(/\/$/, '');
  const response = await fetch(`${root}/bot${config.telegram.token}/getMe`).catch(() => undefined);
  const body = (await response?.json().catch(() => undefined)) as { result?: { username?: string } } | undefined;
  return body?.result?.username;
}
