import {
  checkBlock,
  ensureActor,
  findConversation,
  findMenu,
  saveConversation,
  saveMenu,
  type ChatUserKey,
  type StoredConversation,
} from '../db/index.js';
import { accessText, common } from '../messages/index.js';
import { isOutsideMenu, matchChoice } from './choices.js';
import { lookupCommand } from './command-name.js';
import type {
  Command,
  ConversationControl,
  ConversationDef,
  ConversationWrite,
  Ctx,
  Registry,
  Services,
} from './context.js';
import { ConversationStateError, UserError, databaseFault } from './errors.js';
import { createFloodGuard, FLOOD_WINDOW } from './flood-guard.js';
import { createKeyedQueue } from './keyed-queue.js';
import type { Choice, Incoming, Reply } from '../kernel/message.js';
import type { Actor } from '../kernel/actor.js';
import { parseCommand } from './parse-command.js';
import { sanitizeIncoming } from './sanitize.js';
import { smallTalk, withoutCourtesy } from './small-talk.js';
import { normalize } from '../kernel/text.js';

/** Platforms that show choices as numbered lists, so a bare number picks an option. */
const NUMBERED_CHOICES = new Set(['zalo', 'console']);

export interface Bot {
  /** Handles one incoming message; messages of one chat run one after another. */
  handle(msg: Incoming): Promise<Reply[]>;
  readonly registry: Registry;
}

export function createBot(services: Services, registry: Registry): Bot {
  const queue = createKeyedQueue();
  const commands = indexCommands(registry.commands);
  const conversations = new Map(registry.conversations.map((c) => [c.kind, c]));
  const deps = { services, registry, commands, conversations };
  const flood = createFloodGuard({ ...FLOOD_WINDOW, limit: services.config.floodLimit });
  return {
    registry,
    handle: (msg) => {
      // Per person across chats, before any work: a flood costs a map lookup per message, not a queue.
      const verdict = flood.hit(`${msg.platform}:${msg.sender.id}`, services.clock().getTime());
      if (verdict !== 'ok') return Promise.resolve(shed(services, msg, verdict));
      // One queue per person and chat: a person's messages are answered in order, nobody else waits for them.
      return queue.run(`${msg.platform}:${msg.chat.id}:${msg.sender.id}`, () =>
        processMessage(deps, msg).catch((error: unknown) => [logFailure(services, error, msg)]),
      );
    },
  };
}

/** A dropped message is logged; the first of a flood window gets one notice. The inbox marks both done. */
function shed(services: Services, msg: Incoming, verdict: 'notice' | 'drop'): Reply[] {
  services.log.warn(
    { platform: msg.platform, chat: msg.chat.id, sender: msg.sender.id, verdict },
    'flood: message dropped',
  );
  return verdict === 'notice' ? [{ text: accessText.floodNotice }] : [];
}

function indexCommands(list: Command[]): Map<string, Command> {
  const map = new Map<string, Command>();
  for (const command of list) {
    for (const name of [command.name, ...command.aliases]) {
      if (map.has(name)) throw new Error(`Command name /${name} is registered twice: rename one of them`);
      map.set(name, command);
    }
  }
  return map;
}

interface Deps {
  services: Services;
  registry: Registry;
  commands: Map<string, Command>;
  conversations: Map<string, ConversationDef<any>>;
}

async function processMessage(deps: Deps, raw: Incoming): Promise<Reply[]> {
  const { services } = deps;
  const incoming = sanitizeIncoming(raw);
  const now = services.clock();
  const watched = incoming.chat.type === 'group' ? await watchGroup(deps, incoming, now) : [];
  if (incoming.chat.type === 'group' && !incoming.addressed && !incoming.membership) return watched;
  const key: ChatUserKey = { platform: incoming.platform, chatId: incoming.chat.id, userId: incoming.sender.id };
  const actor = await ensureActor(
    services.db,
    {
      platform: incoming.platform,
      userId: incoming.sender.id,
      name: incoming.sender.name,
      username: incoming.sender.username,
      privateChatId: incoming.chat.type === 'private' ? incoming.chat.id : undefined,
    },
    services.config.admins,
  );
  // What happened to the bot in a chat is a fact to record, whoever caused it: not refused like a request.
  if (incoming.membership) return membershipEvent(deps, incoming, actor, now);
  const block = await checkBlock(services.db, actor.personId, now);
  if (block !== 'open') return blockedAnswer(services, incoming, block);
  const msg = await resolveChoice(services, key, incoming);
  const stored = await findConversation(services.db, key);
  const miss = stored ? undefined : await menuMiss(services, key, msg);
  if (miss) return [miss];
  const replies: Reply[] = [...watched];
  const control = createControl(deps, key, stored, now);
  const ctx: Ctx = {
    msg,
    now,
    services,
    actor,
    conversation: control,
    reply: (reply, choices) =>
      replies.push(typeof reply === 'string' ? (choices ? { text: reply, choices } : { text: reply }) : reply),
  };
  try {
    await dispatch(deps, ctx, stored);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    ctx.reply(error.message);
  }
  const write = control.takeWrite();
  if (write) await saveConversation(services.db, write);
  await rememberMenu(services, key, replies, now);
  return replies;
}

/** Every watcher sees the group message; their replies go before the answer to it. */
async function watchGroup(deps: Deps, msg: Incoming, now: Date): Promise<Reply[]> {
  const replies: Reply[] = [];
  for (const watcher of deps.registry.groupWatchers ?? []) {
    const reply = await watcher.run(msg, deps.services, now);
    if (reply) replies.push(reply);
  }
  return replies;
}

async function membershipEvent(deps: Deps, msg: Incoming, actor: Actor, now: Date): Promise<Reply[]> {
  const replies: Reply[] = [];
  const key: ChatUserKey = { platform: msg.platform, chatId: msg.chat.id, userId: msg.sender.id };
  const ctx: Ctx = {
    msg,
    now,
    services: deps.services,
    actor,
    conversation: createControl(deps, key, undefined, now),
    reply: (reply, choices) =>
      replies.push(typeof reply === 'string' ? (choices ? { text: reply, choices } : { text: reply }) : reply),
  };
  for (const handler of deps.registry.membership ?? []) await handler.run(ctx, msg.membership!);
  return replies;
}

/** A blocked person is told once, politely, before any command runs; later messages are only logged. */
function blockedAnswer(services: Services, msg: Incoming, block: 'tell' | 'ignore'): Reply[] {
  const context = { platform: msg.platform, chat: msg.chat.id, sender: msg.sender.id, told: block === 'tell' };
  services.log.info(context, 'message from a blocked person refused');
  return block === 'tell' ? [{ text: accessText.blockedNotice }] : [];
}

/**
 * Handling failed (a handler crashed, the database was locked or full): log it with its context and answer
 * with a short apology. The pending conversation write and the menu are dropped, so the last good state stays.
 */
function logFailure(services: Services, error: unknown, msg: Incoming): Reply {
  const fault = databaseFault(error);
  const context = { err: error, platform: msg.platform, chat: msg.chat.id, sender: msg.sender.id };
  if (fault === 'busy') services.log.error(context, 'database locked by another process past the busy timeout');
  else if (fault === 'full') services.log.error(context, 'database full: no space for the write');
  else if (error instanceof ConversationStateError) {
    services.log.error(
      { ...context, kind: error.kind, issues: error.issues },
      'conversation state refused by its schema',
    );
  } else services.log.error(context, 'handler failed');
  return { text: fault === 'busy' ? common.databaseBusy : fault === 'full' ? common.databaseFull : common.apology };
}

async function resolveChoice(services: Services, key: ChatUserKey, msg: Incoming): Promise<Incoming> {
  const chosen = msg.choice ?? (await choiceFromText(services, key, msg));
  if (!chosen) return msg;
  if (chosen.startsWith('/')) return { ...msg, text: chosen, command: parseCommand(chosen), choice: undefined };
  return { ...msg, choice: chosen };
}

async function choiceFromText(services: Services, key: ChatUserKey, msg: Incoming): Promise<string | undefined> {
  if (msg.command || !msg.text.trim()) return undefined;
  const menu = await findMenu(services.db, key);
  if (!menu) return undefined;
  const isNumber = /^\s*\d{1,3}\s*$/.test(msg.text);
  if (isNumber && !NUMBERED_CHOICES.has(msg.platform)) return undefined;
  const wanted = normalize(msg.text);
  const exact = isNumber ? matchChoice(msg.text, menu) : menu.find((c) => normalize(c.label) === wanted);
  return exact?.id;
}

/** A number outside the open menu, with no conversation to judge it: the menu stays and the valid numbers are named. */
async function menuMiss(services: Services, key: ChatUserKey, msg: Incoming): Promise<Reply | undefined> {
  if (msg.command || msg.choice || !NUMBERED_CHOICES.has(msg.platform)) return undefined;
  const menu = await findMenu(services.db, key);
  if (!menu?.length || !isOutsideMenu(msg.text, menu)) return undefined;
  return { text: common.menuOutOfRange(menu.length), choices: menu };
}

async function dispatch(deps: Deps, ctx: Ctx, stored: StoredConversation | undefined): Promise<void> {
  const { msg } = ctx;
  if (!msg.command && stored) {
    await continueConversation(deps, ctx, stored);
    return;
  }
  if (msg.command) {
    await runCommand(deps, ctx, msg.command.name, msg.command.args);
    return;
  }
  // Before the text intents: a document's caption ("kế hoạch") must not be read as a question about tasks.
  const fileIntent = msg.attachments.length > 0 ? deps.registry.fileIntents?.find((f) => f.accepts(ctx)) : undefined;
  if (fileIntent) {
    await fileIntent.run(ctx);
    return;
  }
  const intent = findIntent(deps.registry, msg.text);
  if (intent) {
    await runCommand(deps, ctx, intent.command, intent.args);
    return;
  }
  ctx.reply(
    smallTalk(msg.text) ?? (msg.text.trim() || msg.attachments.length > 0 ? common.fallback : common.emptyMessage),
  );
}

async function runCommand(deps: Deps, ctx: Ctx, name: string, typedArgs: string): Promise<void> {
  const found = lookupCommand(deps.commands, name, typedArgs);
  if (found.kind !== 'found') {
    const unknown = common.unknownCommand(name.slice(0, 40));
    if (found.kind === 'unknown') ctx.reply(unknown);
    else ctx.reply(`${unknown}\n${common.didYouMean(found.name)}`, [suggestion(found.name, found.args)]);
    return;
  }
  const { command, args } = found;
  if (ctx.msg.chat.type === 'group' && !command.inGroups) {
    ctx.reply(common.privateOnly('Đầu Mối'));
    return;
  }
  await command.run(ctx, args);
}

/**
 * The answer to "Ý bạn là /nhiemvu?" is yes or no, not a one-item menu: one "Có" button (or typing "có") runs the
 * suggested command with what the person typed after it (if it fits a button id).
 */
function suggestion(name: string, args: string): Choice {
  const line = `/${name}${args ? ` ${args}` : ''}`;
  return { id: Buffer.byteLength(line) <= 64 ? line : `/${name}`, label: common.yes };
}

function findIntent(registry: Registry, text: string): { command: string; args: string } | undefined {
  const normalized = normalize(text);
  if (!normalized) return undefined;
  const courteous = withoutCourtesy(text);
  // Without its courtesy words first: "bot ơi, Sở Tài chính được giao gì" must not read "bot ơi" as part of the agency.
  for (const phrase of courteous ? [courteous, { normalized, original: text }] : [{ normalized, original: text }]) {
    const intent = registry.intents.find((i) => i.patterns.some((p) => p.test(phrase.normalized)));
    if (intent) return { command: intent.command, args: intent.args?.(phrase.normalized, phrase.original) ?? '' };
  }
  return undefined;
}

async function continueConversation(deps: Deps, ctx: Ctx, stored: StoredConversation): Promise<void> {
  const def = deps.conversations.get(stored.kind);
  const idleMs = deps.services.config.conversationIdleMs;
  if (ctx.now.getTime() - stored.updatedAt.getTime() > idleMs) {
    ctx.conversation.end();
    ctx.reply(common.conversationExpired);
    return;
  }
  const parsed = def && stored.version === def.version ? def.schema.safeParse(stored.state) : undefined;
  if (!def || !parsed?.success) {
    deps.services.log.warn({ kind: stored.kind, version: stored.version }, 'discarding outdated conversation state');
    ctx.conversation.end();
    ctx.reply(common.conversationOutdated);
    return;
  }
  await def.step(ctx, parsed.data);
}

function createControl(
  deps: Deps,
  key: ChatUserKey,
  stored: StoredConversation | undefined,
  now: Date,
): ConversationControl {
  let pending: ConversationWrite | undefined;
  let current = stored ? { kind: stored.kind, state: stored.state } : undefined;
  return {
    get current() {
      return current;
    },
    set(conversation, state) {
      const { kind } = conversation;
      const def = deps.conversations.get(kind);
      if (!def) throw new Error(`Unknown conversation kind ${kind}: add it to its feature's conversations`);
      // Checked now, not on the next message, so the bug fails the message that made it and the old state stays.
      const checked = def.schema.safeParse(state);
      if (!checked.success) throw new ConversationStateError(kind, checked.error.issues);
      current = { kind, state: checked.data };
      pending = { ...key, next: { kind, version: def.version, state: checked.data }, at: now };
    },
    end() {
      current = undefined;
      pending = { ...key, next: null, at: now };
    },
    takeWrite() {
      const write = pending;
      pending = undefined;
      return write;
    },
  };
}

async function rememberMenu(services: Services, key: ChatUserKey, replies: Reply[], now: Date): Promise<void> {
  if (replies.length === 0) return;
  const last = replies[replies.length - 1]!;
  const choices: Choice[] = last.choices ?? [];
  const previous = await findMenu(services.db, key);
  if (choices.length === 0 && (!previous || previous.length === 0)) return;
  await saveMenu(services.db, key, choices, now);
}
