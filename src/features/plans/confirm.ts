import type { Ctx } from '../../bot/context.js';
import { importPlanFromChat, PlanImportRefused } from '../../db/index.js';
import { isAdmin, isAnyAdmin } from '../../kernel/actor.js';
import { planChatText as m } from '../../messages/plan-chat.js';
import { planYaml } from '../../plans/draft/index.js';
import { explainRefusal } from '../../plans/refusal.js';
import { planProblems } from './draft.js';
import { showReview } from './review.js';
import type { PlanState } from './state.js';

/**
 * "Xác nhận": the draft as edited is checked as `daumoi plan validate` would, then imported through the same
 * code as `daumoi plan import`, with the admin's role, the audit entry and the end of the conversation in one
 * transaction. A refusal keeps the draft for more edits.
 */
export async function confirmDraft(ctx: Ctx, state: PlanState): Promise<void> {
  const draft = state.draft!;
  const { plan } = draft;
  if (!isAnyAdmin(ctx.actor) || (draft.replaces && !isAdmin(ctx.actor, draft.replaces))) {
    return showReview(ctx, { ...state, draft: { ...draft, replaces: null } }, [m.notAdminAnyMore]);
  }
  const problems = planProblems(plan, draft.fileName);
  if (problems.length > 0) return showReview(ctx, state, [m.editInvalid(problems)]);
  ctx.conversation.end();
  const conversation = ctx.conversation.takeWrite();
  const input = { plan, actorPersonId: ctx.actor.personId, fileName: draft.fileName, replaces: draft.replaces, edits: draft.edits, at: ctx.now };
  let result;
  try {
    result = await importPlanFromChat(ctx.services.db, { ...input, ...(conversation ? { conversation } : {}) });
  } catch (error) {
    if (!(error instanceof PlanImportRefused)) throw error;
    const why = await explainRefusal(ctx.services.db, plan.network.id, error);
    return showReview(ctx, state, [why, m.refusedKept]);
  }
  if (!result.ok) {
    const note = result.reason === 'taken' ? m.idNowTaken(plan.network.id) : m.networkGone;
    return showReview(ctx, { ...state, draft: { ...draft, replaces: null } }, [note]);
  }
  const { name, id } = plan.network;
  ctx.reply(result.unchanged ? m.unchanged(name) : result.created ? m.created(name, id, result) : m.updated(name, id, result));
  await sendYaml(ctx, id, planYaml(plan, draft.fileName));
}

/** The plan as a YAML file to keep and edit: in chat where the app takes files, else as a download link. */
async function sendYaml(ctx: Ctx, id: string, yaml: string): Promise<void> {
  const file = { fileName: `${id}.yaml`, data: Buffer.from(yaml, 'utf8') };
  if (ctx.services.platforms[ctx.msg.platform]?.sendsFiles !== false) {
    ctx.reply({ text: '', file: { kind: 'document', ...file, caption: m.yamlCaption(id) } });
    return;
  }
  const publish = ctx.services.publishFile;
  if (!publish) {
    ctx.reply(m.yamlNoFile);
    return;
  }
  ctx.reply(m.yamlLink(await publish({ ...file, contentType: 'application/yaml' })));
}
