import {
  findSubmission,
  listAgencyDrafts,
  listAgencyOfficerChats,
  listReportHistory,
  releaseDraft,
  reopenSubmission,
} from '../../db/index.js';
import { isAdmin, isAnyAdmin } from '../../kernel/actor.js';
import type { Ctx } from '../../bot/context.js';
import { UserError } from '../../bot/errors.js';
import { isLate } from './open-periods.js';
import { reportText } from '../../messages/index.js';
import { resolveAgency } from './agency.js';
import { dateText, periodName } from './format.js';

// Admin-only: `/baocao mo <cơ quan>` reopens the agency's latest submitted report once its deadline has
// passed (before it, officers edit it themselves); `/baocao mokhoa <cơ quan>` frees the agency's draft so
// another officer can take it over. Both go to the audit log.

const m = reportText;

async function adminAgency(ctx: Ctx, text: string, subcommand: string) {
  if (!isAnyAdmin(ctx.actor)) throw new UserError(m.adminOnly);
  if (!text) throw new UserError(m.adminUsage);
  return resolveAgency(ctx, text, (a) => isAdmin(ctx.actor, a.networkId), `baocao ${subcommand}`);
}

export async function reopenReport(ctx: Ctx, text: string): Promise<void> {
  const { db } = ctx.services;
  const agency = await adminAgency(ctx, text, 'mo');
  if (!agency) return;
  const [latest] = await listReportHistory(db, agency.id, 1);
  if (!latest) return ctx.reply(m.nothingToReopen(agency.name));
  const period = periodName(latest.period);
  // The period is named in the command: /baocao alone could open a newer period first.
  const command = `/baocao ${latest.period.key}`;
  if (!isLate(latest.period, ctx.now))
    return ctx.reply(m.stillEditable(agency.name, period, dateText(latest.period.deadline)));
  const submission = await findSubmission(db, latest.submissionId);
  if (submission?.reopened) return ctx.reply(m.alreadyReopened(agency.name, period));
  const notices = (await listAgencyOfficerChats(db, agency.id)).map((chat) => ({
    ...chat,
    isGroup: false,
    text: m.reopenNotice(period, command),
    idemKey: `report-reopened:${latest.submissionId}:${chat.platform}:${chat.chatId}`,
  }));
  await reopenSubmission(db, {
    submissionId: latest.submissionId,
    actorPersonId: ctx.actor.personId,
    at: ctx.now,
    notices,
  });
  ctx.reply(m.reopened(agency.name, period, command));
}

export async function releaseReportDraft(ctx: Ctx, text: string): Promise<void> {
  const agency = await adminAgency(ctx, text, 'mokhoa');
  if (!agency) return;
  const drafts = await listAgencyDrafts(ctx.services.db, agency.id);
  if (drafts.length === 0) return ctx.reply(m.noDraftToRelease(agency.name));
  for (const d of drafts)
    await releaseDraft(ctx.services.db, {
      periodId: d.periodId,
      agencyId: d.agencyId,
      actorPersonId: ctx.actor.personId,
      at: ctx.now,
    });
  ctx.reply(m.released(agency.name, [...new Set(drafts.map((d) => d.holderName))].join(', ')));
}
