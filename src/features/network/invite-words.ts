import type { Ctx } from '../../bot/context.js';
import { normalize } from '../../kernel/text.js';
import { sendAgencyTemplate } from './template.js';

const TEMPLATE_WORDS = new Set(['mau', 'template']);

/**
 * The network-wide subcommands of /moi: `/moi mau` (the agency list template). False when the arguments are
 * something else (an agency to invite). The caller checked that the person is an admin somewhere.
 */
export async function networkInvites(ctx: Ctx, args: string): Promise<boolean> {
  const words = normalize(args);
  if (TEMPLATE_WORDS.has(words)) {
    await sendAgencyTemplate(ctx);
    return true;
  }
  return false;
}
