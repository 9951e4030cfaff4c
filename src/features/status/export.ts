import { type StatusNetwork } from '../../db/index.js';
import { findStatusPeriod, resolveStatusPeriod } from './summary.js';
import type { Command, Ctx } from '../../bot/context.js';
import { UserError } from '../../bot/errors.js';
import { documentMessages } from '../../messages/documents.js';
import { statusText } from '../../messages/index.js';
import { deliverFiles } from './deliver.js';
import { parseExportArgs, type ExportArgs } from './export-args.js';
import { buildExportFiles } from './export-files.js';
import { leadsNetwork, ledNetworks, matchStatusNetworks, networkChoices } from './scope.js';

const m = statusText.export;

/** /xuat [excel|word] [mạng lưới] [kỳ]: the workbook and the report draft, for leaders, in a private chat. */
export const exportCommand: Command = {
  name: 'xuat',
  aliases: ['export'],
  description: statusText.commands.export,
  async run(ctx, args) {
    const request = parseExportArgs(args);
    const network = await targetNetwork(ctx, request);
    if (!network) return;
    if (!(await leadsNetwork(ctx, network))) throw new UserError(m.onlyLeaders);
    const { db, activityTypes } = ctx.services;
    const chosen = request.periodKey
      ? await findStatusPeriod(db, network.id, request.periodKey)
      : await resolveStatusPeriod(db, network.id, ctx.now);
    if (!chosen) throw new UserError(statusText.unknownPeriod(request.periodKey!));
    const { files, empty } = await buildExportFiles(db, {
      network,
      chosen,
      now: ctx.now,
      catalog: activityTypes,
      formats: request.formats,
    });
    if (empty) ctx.reply(`${documentMessages.emptyPeriod(chosen.period.label)} ${documentMessages.emptyFilesNote}`);
    await deliverFiles(ctx, files);
  },
};

/** The named network, the one the caller leads, or a menu of them (undefined: the menu was sent). */
async function targetNetwork(ctx: Ctx, request: ExportArgs): Promise<StatusNetwork | undefined> {
  const rest = [...(request.formats.length === 1 ? request.formats : []), request.periodKey ?? '']
    .filter(Boolean)
    .join(' ');
  const candidates = request.network ? await matchStatusNetworks(ctx, request.network) : await ledNetworks(ctx);
  if (candidates.length === 0) throw new UserError(request.network ? m.unknownNetwork(request.network) : m.onlyLeaders);
  if (candidates.length === 1) return candidates[0];
  ctx.reply(m.chooseNetwork, networkChoices('xuat', candidates, rest));
  return undefined;
}
