import type { Command, Ctx, Intent } from '../../bot/context.js';
import { findMenu } from '../../db/index.js';
import { normalize } from '../../kernel/text.js';
import { reportText } from '../../messages/index.js';
import { releaseReportDraft, reopenReport } from './admin.js';
import { showHistory } from './history.js';
import { editSubmitted, startReport, startReportFor, takeOver } from './start.js';

// /baocao [<kỳ> | xem [cơ quan | số] | sua <kỳ> | nhan <kỳ> | ky <kỳ> | mo <cơ quan> | mokhoa <cơ quan>]
// `ky`, `sua` and `nhan` carry a period id and come from the bot's own buttons.

const periodSubcommands: Record<string, (ctx: Ctx, periodId: number) => Promise<void>> = {
  ky: startReport,
  sua: editSubmitted,
  nhan: takeOver,
};

const textSubcommands: Record<string, (ctx: Ctx, rest: string) => Promise<void>> = {
  xem: showHistory,
  mo: reopenReport,
  mokhoa: releaseReportDraft,
};

export const report: Command = {
  name: 'baocao',
  aliases: ['report'],
  description: reportText.commands.report,
  async run(ctx, args) {
    const [word = '', ...restWords] = args.trim().split(/\s+/);
    const sub = normalize(word);
    const rest = restWords.join(' ');
    const looking = Object.hasOwn(textSubcommands, sub);
    if (!looking && ctx.conversation.current?.kind === ACTIVITY_DRAFT) return keepActivity(ctx);
    const byPeriod = Object.hasOwn(periodSubcommands, sub) ? periodSubcommands[sub] : undefined;
    if (byPeriod && /^\d+$/.test(rest)) return byPeriod(ctx, Number(rest));
    const byText = Object.hasOwn(textSubcommands, sub) ? textSubcommands[sub] : undefined;
    if (byText) return byText(ctx, rest);
    // Anything else names a period: `/baocao 2026`, `/baocao 2026-Q4`, `/baocao năm 2026`.
    return args.trim() ? startReportFor(ctx, args.trim()) : startReport(ctx);
  },
};

// The kind of /ghinhan's conversation (features/activities/draft.ts); only its title is read here.
const ACTIVITY_DRAFT = 'activity-draft';

/**
 * Starting a report would replace an unsaved /ghinhan activity: keep it, say how to finish or drop it, and
 * give its buttons back (a reply without them would leave "Lưu" no longer understood).
 */
async function keepActivity(ctx: Ctx): Promise<void> {
  const title = (ctx.conversation.current?.state as { title?: unknown } | undefined)?.title;
  const { platform, chat, sender } = ctx.msg;
  const menu = await findMenu(ctx.services.db, { platform, chatId: chat.id, userId: sender.id });
  ctx.reply(reportText.activityUnsaved(typeof title === 'string' && title ? title : undefined), menu);
}

export const reportIntent: Intent = {
  command: 'baocao',
  patterns: [/^(toi )?(muon )?(nop|lam|viet|gui) bao cao( dinh ky| nam| quy| thang)?$/],
};
