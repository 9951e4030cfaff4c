import type { Incoming } from '../kernel/message.js';
import { stripControl } from '../kernel/text.js';

const clean = (text: string) => stripControl(text).trim();

/**
 * Every name and text of a message without control, zero-width and bidirectional-override characters, whatever
 * the platform: a right-to-left override in a display name would disguise it in every list, notice and audit
 * line that shows it, and zero-width characters would hide words from matching.
 */
export function sanitizeIncoming(msg: Incoming): Incoming {
  const { chat, sender, replyTo, command } = msg;
  return {
    ...msg,
    text: stripControl(msg.text),
    chat: chat.title === undefined ? chat : { ...chat, title: clean(chat.title) },
    sender: { ...sender, name: clean(sender.name) || sender.id },
    ...(replyTo ? { replyTo: { ...replyTo, name: clean(replyTo.name) || replyTo.id } } : {}),
    ...(command ? { command: { name: command.name, args: clean(command.args) } } : {}),
    ...(msg.choice === undefined ? {} : { choice: stripControl(msg.choice) }),
    attachments: msg.attachments.map((a) => (a.name === undefined ? a : { ...a, name: clean(a.name) })),
  };
}
