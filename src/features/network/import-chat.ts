import { z } from 'zod';
import { listNetworks, type NetworkSummary } from '../../db/index.js';
import type { ConversationDef, Ctx, FileIntent } from '../../bot/context.js';
import { isAdmin, isAnyAdmin } from '../../kernel/actor.js';
import { answerWord } from '../shared/answers.js';
import { matchNetworks } from '../shared/network.js';
import { sentFileOf } from '../shared/sent-file.js';
import { importText as m } from '../../messages/index.js';
import { importButton, importNetworkButton } from './choices.js';
import { checkImport, hasChanges, summaryText, writeImport } from './sheet/import.js';
import { MAX_SHEET_BYTES } from './sheet/read.js';

// An admin sends an agency list (.xlsx, .csv) in a private chat: the bot says what it would change, with
// Confirm and Cancel; on Confirm the file is read again and written only if the changes are still those shown.

const stateSchema = z.object({
  fileId: z.string(),
  fileName: z.string(),
  networkId: z.string().optional(),
  digest: z.string().optional(),
});
type ImportState = z.infer<typeof stateSchema>;

export const importFlow: ConversationDef<ImportState> = {
  kind: 'network-import',
  version: 1,
  schema: stateSchema,
  async step(ctx, state) {
    const picked = importNetworkButton.parse(ctx.msg.choice)?.[0];
    if (!state.networkId) return chooseNetwork(ctx, state, picked ?? ctx.msg.text);
    const answer = importButton.parse(ctx.msg.choice)?.[0] ?? typedAnswer(ctx.msg.text);
    if (answer === 'cancel') {
      ctx.conversation.end();
      return ctx.reply(m.cancelled);
    }
    if (answer === 'ok') return confirm(ctx, state);
    ctx.reply(m.confirmPending, confirmChoices());
  },
};

export const importFileIntent: FileIntent = {
  accepts: (ctx) => ctx.msg.chat.type === 'private' && Boolean(sentFileOf(ctx.msg.attachments, 'spreadsheet')),
  async run(ctx) {
    if (!isAnyAdmin(ctx.actor)) return ctx.reply(m.notAdmin);
    const file = sentFileOf(ctx.msg.attachments, 'spreadsheet')!;
    await chooseNetwork(ctx, { fileId: file.fileId, fileName: file.name ?? 'danh-sach.xlsx' }, ctx.msg.text);
  },
};

function typedAnswer(text: string): 'ok' | 'cancel' | undefined {
  const word = answerWord(text);
  if (word === 'yes' || word === 'submit') return 'ok';
  if (word === 'no') return 'cancel';
  return undefined;
}

const confirmChoices = () => [importButton.choice(m.confirm, 'ok'), importButton.choice(m.cancel, 'cancel')];

/** The admin's networks; the one the caption or the button names, or a menu. */
async function chooseNetwork(ctx: Ctx, state: ImportState, words: string): Promise<void> {
  const own = (await listNetworks(ctx.services.db)).filter((n) => n.active && isAdmin(ctx.actor, n.id));
  const named = words.trim() ? own.filter((n) => n.id === words.trim()) : [];
  const found = named.length > 0 ? named : words.trim() ? matchNetworks(words, own) : own;
  if (found.length !== 1) {
    ctx.conversation.set(importFlow, { fileId: state.fileId, fileName: state.fileName });
    return ctx.reply(
      m.pickNetwork,
      (found.length > 1 ? found : own).map((n) => importNetworkButton.choice(n.name, n.id)),
    );
  }
  await showChanges(ctx, state, found[0]!);
}

async function showChanges(ctx: Ctx, state: ImportState, network: NetworkSummary): Promise<void> {
  const check = await download(ctx, state, network.id);
  if (!check) return;
  if (!check.ok || !hasChanges(check.plan)) {
    ctx.conversation.end();
    return ctx.reply(check.ok ? summaryText(network.name, state.fileName, check) : check.text);
  }
  ctx.conversation.set(importFlow, { ...state, networkId: network.id, digest: check.plan.digest });
  ctx.reply(`${summaryText(network.name, state.fileName, check)}\n\n${m.confirmQuestion}`, confirmChoices());
}

async function confirm(ctx: Ctx, state: ImportState): Promise<void> {
  const network = (await listNetworks(ctx.services.db)).find((n) => n.id === state.networkId);
  if (!network || !isAdmin(ctx.actor, network.id)) {
    ctx.conversation.end();
    return ctx.reply(m.notAdmin);
  }
  const check = await download(ctx, state, network.id);
  if (!check) return;
  if (!check.ok || check.plan.digest !== state.digest) {
    if (check.ok) ctx.reply(m.changedMeanwhile);
    return showChanges(ctx, state, network);
  }
  await writeImport(ctx.services.db, {
    networkId: network.id,
    plan: check.plan,
    actorPersonId: ctx.actor.personId,
    at: ctx.now,
    file: state.fileName,
  });
  ctx.conversation.end();
  ctx.reply(m.done(network.name, check.plan.add.length, check.plan.update.length));
}

/** The file checked against the network; undefined (with the reason said) when it cannot be fetched. */
async function download(ctx: Ctx, state: ImportState, networkId: string) {
  const fetch = ctx.services.platforms[ctx.msg.platform]?.downloadFile;
  if (!fetch) {
    ctx.conversation.end();
    return void ctx.reply(m.noFiles);
  }
  const file = await fetch(state.fileId, MAX_SHEET_BYTES);
  if (!file.ok) {
    ctx.conversation.end();
    return void ctx.reply(
      file.reason === 'too-big' ? m.tooBig(MAX_SHEET_BYTES / 1024 / 1024) : m.unreadable('tải tệp không được'),
    );
  }
  return checkImport(ctx.services.db, networkId, file.data, state.fileName);
}
