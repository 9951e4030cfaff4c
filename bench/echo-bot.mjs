// The reference: a bare telegraf echo bot, run as its own process by bench/load.ts.
// Plain JavaScript so it runs under plain node exactly as our compiled dist/main.js does (a fair ratio).
import { Telegraf } from 'telegraf';

const bot = new Telegraf(process.env.TELEGRAM_BOT_TOKEN, {
  telegram: { apiRoot: process.env.TELEGRAM_API_ROOT, webhookReply: false },
});
bot.on('message', (ctx) => ctx.reply('text' in ctx.message ? ctx.message.text : 'ok'));
bot.catch(() => undefined);
void bot.launch({ dropPendingUpdates: false });
process.once('SIGTERM', () => bot.stop());
