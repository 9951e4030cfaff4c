import type { FileIntent } from '../../bot/context.js';
import { isAnyAdmin } from '../../kernel/actor.js';
import type { Incoming } from '../../kernel/message.js';
import { normalize } from '../../kernel/text.js';
import { planChatText as m } from '../../messages/plan-chat.js';
import { sentFileKind } from '../shared/sent-file.js';
import { startDraft } from './plan.js';

// A document sent in a private chat with no command and no conversation open (inside /ghinhan or /baocao it is
// that conversation's attachment, and this never runs). An admin's readable document, or one whose name or
// caption says it is a plan, is drafted; a non-admin's plan-like document gets a pointer to /ghinhan instead of
// the general "not understood", since it is most likely an activity's file.

const planWords = /\b(ke ?hoach|kh|cong ?van|cv|chi ?thi|ct|quyet ?dinh|qd|trien ?khai|07)\b/;

const planLike = (msg: Incoming): boolean => {
  const names = msg.attachments.map((a) => a.name ?? '').join(' ');
  return planWords.test(normalize(`${names} ${msg.text}`.replace(/[_.\-()]+/g, ' ')));
};

// A spreadsheet is never a plan: features/network imports it (shared/sent-file.ts decides which file is whose).
const documentsOf = (msg: Incoming) =>
  msg.attachments.filter((a) => a.kind === 'document' && sentFileKind(a) !== 'spreadsheet');

export const planFileIntent: FileIntent = {
  accepts(ctx) {
    const { msg } = ctx;
    const docs = documentsOf(msg);
    if (msg.chat.type !== 'private' || docs.length === 0) return false;
    if (isAnyAdmin(ctx.actor)) return docs.some((d) => sentFileKind(d) === 'plan-document') || planLike(msg);
    return planLike(msg);
  },
  async run(ctx) {
    if (!isAnyAdmin(ctx.actor)) {
      ctx.reply(m.notAdminDocument);
      return;
    }
    await startDraft(ctx);
  },
};
