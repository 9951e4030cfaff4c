import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { PlatformCapabilities } from '../../bot/context.js';
import type { Incoming, Reply } from '../../kernel/message.js';
import type { OutboxRow, OutboxTransport } from '../../bot/outbox/sender.js';
import { parseCommand } from '../../bot/parse-command.js';
import type { Bot } from '../../bot/router.js';
import { normalize } from '../../kernel/text.js';
import { consoleText } from '../../messages/index.js';

export const CONSOLE_ADMIN = 'admin';
const BOT_MENTION = '@daumoi';

export interface ConsoleOptions {
  core: Bot;
  input: Readable;
  output: Writable;
  /** Where files (charts, exports) are written. */
  filesDir: string;
}

/** Console users are simulated: their id is their name without diacritics. */
export function consoleUserId(name: string): string {
  const key = normalize(name);
  // "/as Quản trị" (or "/as admin") goes back to the admin the console starts as.
  if (!key || key === CONSOLE_ADMIN || key === normalize(consoleText.adminName)) return CONSOLE_ADMIN;
  return key.replace(/\s+/g, '-');
}

export const consoleCapabilities: PlatformCapabilities = {
  sendsFiles: true,
  // The console's simulated groups are administered by whoever is typing.
  isChatAdmin: async () => true,
};

/** Renders replies for the terminal: choices become a numbered list. */
export function renderConsoleReply(reply: Reply): string {
  const lines = [reply.text];
  reply.choices?.forEach((choice, index) => lines.push(`  ${index + 1}. ${choice.label}`));
  return lines.filter(Boolean).join('\n');
}

export function createConsoleTransport(output: Writable): OutboxTransport {
  return {
    async send(row: OutboxRow) {
      output.write(`${consoleText.outgoing(row.chatId, renderConsoleReply(row.payload))}\n`);
    },
  };
}

/** A terminal chat with the bot on the same core and database. Resolves when input ends. */
export function runConsole(options: ConsoleOptions): Promise<void> {
  const { core, output } = options;
  let user: { id: string; name: string } = { id: CONSOLE_ADMIN, name: consoleText.adminName };
  let group: string | undefined;
  const rl = createInterface({ input: options.input, terminal: false });
  const write = (text: string) => output.write(`${text}\n`);
  const prompt = () => output.write(consoleText.prompt(user.name, group ? ` @${group}` : ''));
  write(consoleText.banner(user.name));
  prompt();

  async function onLine(line: string): Promise<boolean> {
    const text = line.trim();
    const local = parseCommand(text);
    if (local?.name === 'thoat' || local?.name === 'exit') return false;
    if (local?.name === 'as' && local.args) {
      const id = consoleUserId(local.args);
      user = { id, name: id === CONSOLE_ADMIN ? consoleText.adminName : local.args };
      write(consoleText.switchedUser(user.name));
      return true;
    }
    if (local?.name === 'nhom' && local.args) {
      group = local.args;
      write(consoleText.switchedGroup(group));
      return true;
    }
    if (local?.name === 'rieng') {
      group = undefined;
      write(consoleText.switchedPrivate);
      return true;
    }
    const replies = await core.handle(toIncoming(text, user, group));
    for (const reply of replies) {
      if (reply.file) write(consoleText.fileSaved(saveFile(options.filesDir, reply.file.fileName, reply.file.data)));
      const rendered = renderConsoleReply(reply);
      if (rendered) write(rendered);
    }
    return true;
  }

  return new Promise((resolveDone) => {
    let chain = Promise.resolve(true);
    rl.on('line', (line) => {
      chain = chain.then(async (open) => {
        if (!open) return false;
        const keepGoing = await onLine(line);
        if (keepGoing) prompt();
        else rl.close();
        return keepGoing;
      });
    });
    rl.on('close', () => {
      void chain.then(() => {
        write(consoleText.bye);
        resolveDone();
      });
    });
  });
}

function toIncoming(text: string, user: { id: string; name: string }, group?: string): Incoming {
  const mentioned = text.toLowerCase().includes(BOT_MENTION);
  const clean = mentioned ? text.replace(new RegExp(BOT_MENTION, 'ig'), '').trim() : text;
  const command = parseCommand(clean);
  return {
    platform: 'console',
    chat: group
      ? { id: `nhom-${consoleUserId(group)}`, type: 'group', title: group }
      : { id: user.id, type: 'private' },
    sender: user,
    text: clean,
    command,
    attachments: [],
    addressed: !group || mentioned || Boolean(command),
    date: new Date(),
  };
}

function saveFile(dir: string, name: string, data: Buffer): string {
  mkdirSync(dir, { recursive: true });
  const path = resolve(join(dir, name.replace(/[^\p{L}\p{N}._-]+/gu, '_')));
  writeFileSync(path, data);
  return path;
}
