import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebhookConflictError } from '../../src/bot/errors.js';
import { killHard, startBotProcess } from '../support/bot-process.js';
import { startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.js';
import { startFakeZalo, type FakeZalo } from '../support/fake-zalo.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Several instances share one webhook; one started by mistake in polling mode must not take it away from them.

let telegram: FakeTelegram | undefined;
let zalo: FakeZalo | undefined;
let t: TestApp | undefined;
const children: ReturnType<typeof startBotProcess>[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) await killHard(child);
  await t?.close();
  t = undefined;
  await telegram?.close();
  await zalo?.close();
  telegram = zalo = undefined;
});

describe('an instance started in polling mode while a webhook is set', () => {
  it('on Telegram, refuses to start with a clear line and exit 78, and leaves the webhook in place', async () => {
    telegram = await startFakeTelegram({ longPollCapMs: 200 });
    const hook = 'https://bot.example.org/telegram/webhook';
    await fetch(`${telegram.apiRoot}/bot${telegram.token}/setWebhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: hook, secret_token: 'shared_secret-1' }),
    });
    const dbPath = join(mkdtempSync(join(tmpdir(), 'daumoi-hook-')), 'bot.db');
    const child = startBotProcess({
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      DATABASE_PATH: dbPath,
    });
    children.push(child);
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    expect(code).toBe(78);
    expect(child.output()).toContain(`bot Telegram đang có webhook ${hook}`);
    expect(child.output()).toContain('refusing to start in polling mode');
    expect(telegram.callsOf('deleteWebhook')).toHaveLength(0);
    expect(telegram.callsOf('getUpdates')).toHaveLength(0);
    expect(telegram.webhookInfo.url).toBe(hook);
  });

  it('on Zalo, refuses to start and never deletes the webhook nor polls', async () => {
    zalo = await startFakeZalo({ longPollCapMs: 200 });
    zalo.webhook.url = 'https://bot.example.org/zalo/webhook';
    t = await createTestApp({
      env: { ZALO_BOT_TOKEN: zalo.token, ZALO_API_ROOT: zalo.apiRoot },
      appOptions: { pollTimeoutSec: 1 },
    });
    const started = t.app.start();
    await expect(started).rejects.toBeInstanceOf(WebhookConflictError);
    await expect(started).rejects.toMatchObject({ platform: 'zalo', url: 'https://bot.example.org/zalo/webhook' });
    expect(zalo.callsOf('deleteWebhook')).toHaveLength(0);
    expect(zalo.callsOf('getUpdates')).toHaveLength(0);
    expect(zalo.webhook.url).toBe('https://bot.example.org/zalo/webhook');
  });
});
