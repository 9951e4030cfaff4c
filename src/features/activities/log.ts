import type { Command, Intent } from '../../bot/context.js';
import { normalize } from '../../kernel/text.js';
import { activityText as m } from '../../messages/index.js';
import { typesForNetwork } from './catalog.js';
import { addAttachments, emptyDraft } from './draft.js';
import { parseLogText } from './parse-log.js';
import { assertAcceptableInput } from './validate.js';
import { requireOfficer } from '../shared/officer.js';
import { advance } from './prompts.js';

/** /ghinhan [one line]: reads what it can, asks for the rest, always echoes before saving. */
export const log: Command = {
  name: 'ghinhan',
  aliases: ['log'],
  description: m.commands.log,
  async run(ctx, args) {
    const officer = requireOfficer(ctx.actor);
    assertAcceptableInput(args, ctx.msg.attachments);
    const types = await typesForNetwork(ctx.services, officer.networkId);
    const draft = emptyDraft(officer.networkId, officer.agencyId);
    const guess = args ? parseLogText(args, types, ctx.now) : undefined;
    if (guess) {
      Object.assign(draft, {
        typeId: guess.typeId,
        date: guess.date,
        title: guess.title,
        link: guess.link,
        quantity: guess.quantity,
        participants: guess.participants,
      });
    }
    // Without a type or a title the entry is too thin: walk through every question. A missing or
    // impossible date alone is just asked again.
    draft.guided = !draft.typeId || !draft.title;
    const added = addAttachments(draft, ctx.msg);
    const notes = [...(guess?.notes ?? []), ...(added ? [m.attachmentKept(added)] : [])];
    await advance(ctx, draft, types, notes);
  },
};

/** Free text that records an activity: "ghi nhận ...", "hôm nay tôi tổ chức họp báo ...". */
export const logIntent: Intent = {
  command: 'ghinhan',
  patterns: [
    /^ghi nhan( hoat dong)?( |:|$)/,
    /^(hom nay|hom qua|sang nay|chieu nay)( toi| chung toi| em| don vi| co quan)?( da| vua)? (to chuc|dang tai|dang|tra loi|ban hanh|phat hanh|mo lop|cung cap)( |$)/,
    // "đăng 3 bài trên cổng thông tin tuần trước": a count right after the verb is a report of work done
    // (not "đăng ký", not a question).
    /^((toi|chung toi|em|don vi|co quan)( da| vua)? |(da|vua) )?(to chuc|dang tai|dang|tra loi|ban hanh|phat hanh|mo|cung cap|thuc hien|phat) \d+ (?!.*\b(the nao|nhu the nao|khong|chua|bao nhieu)$)/,
  ],
  args: (_normalized, original) => withoutLead(original),
};

/** Drops a leading "ghi nhận (hoạt động)" from the officer's words, keeping the rest as typed. */
function withoutLead(original: string): string {
  const words = original.trim().split(/\s+/);
  const lead = normalize(words.slice(0, 2).join(' ')) === 'ghi nhan' ? 2 : 0;
  const skip = lead && normalize(words.slice(2, 4).join(' ')).replace(/:$/, '') === 'hoat dong' ? 4 : lead;
  return words
    .slice(skip)
    .join(' ')
    .replace(/^[\s:,.-]+/, '');
}
