import type { Command, ConversationControl, Ctx, Services } from '../../bot/context.js';
import { UserError } from '../../bot/errors.js';
import type { Actor } from '../../kernel/actor.js';
import { textReply, type Choice, type Reply } from '../../kernel/message.js';

// The web pages change nothing themselves: a form runs the chat command that does the same thing, as the signed-in
// person in their private chat, so the rights, checks, audit entries, notices and wording are the chat's own.

/** No conversation is open on the web: a command that wanted to ask a question is a bug of the form. */
const noConversation: ConversationControl = {
  current: undefined,
  set() {
    throw new Error('a web form ran a command that starts a conversation');
  },
  end() {},
  takeWrite: () => undefined,
};

export function webCtx(services: Services, actor: Actor, text: string, replies: Reply[]): Ctx {
  const now = services.clock();
  return {
    msg: {
      platform: actor.platform,
      chat: { id: actor.userId, type: 'private' },
      sender: { id: actor.userId, name: actor.name },
      text,
      attachments: [],
      addressed: true,
      date: now,
    },
    now,
    services,
    actor,
    conversation: noConversation,
    reply: (reply, choices) => replies.push(typeof reply === 'string' ? textReply(reply, choices) : reply),
  };
}

/** Runs `/<command> <args>` for the person and returns what the chat would have answered. */
export async function runChatCommand(
  services: Services,
  actor: Actor,
  command: Command,
  args: string,
): Promise<{ ok: boolean; lines: string[]; choices: Choice[] }> {
  const replies: Reply[] = [];
  const text = `/${command.name} ${args}`;
  try {
    await command.run(webCtx(services, actor, text, replies), args);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { ok: false, lines: [error.message], choices: [] };
  }
  return { ok: true, lines: replies.map((r) => r.text), choices: replies.flatMap((r) => r.choices ?? []) };
}
