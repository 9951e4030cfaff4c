import { afterEach, describe, expect, it } from 'vitest';
import { startFakeZalo, type FakeZalo } from '../../support/fake-zalo.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const secret = 'zalo_webhook_secret_1';
let fake: FakeZalo | undefined;
let t: TestApp | undefined;

afterEach(async () => {
  await t?.close();
  t = undefined;
  fake?.assertNoUnknownMethods();
  await fake?.close();
  fake = undefined;
});

async function startWebhookBot() {
  const zalo = await startFakeZalo();
  fake = zalo;
  const app = await createTestApp({
    env: {
      ZALO_BOT_TOKEN: zalo.token,
      ZALO_API_ROOT: zalo.apiRoot,
      ZALO_WEBHOOK_URL: 'https://bot.example.vn/zalo/webhook',
      ZALO_WEBHOOK_SECRET: secret,
    },
  });
  t = app;
  await app.app.start();
  return { zalo, app, url: `http://127.0.0.1:${app.app.port}/zalo/webhook` };
}

const textOf = (call: { params: Record<string, unknown> }) => String(call.params.text ?? '');
const settle = () => new Promise((r) => setTimeout(r, 150));

describe('Zalo webhook on the shared HTTP server', () => {
  it('registers the webhook with its secret and never polls', async () => {
    const { zalo } = await startWebhookBot();
    expect(zalo.webhook).toMatchObject({ url: 'https://bot.example.vn/zalo/webhook', secretToken: secret });
    await settle();
    expect(zalo.callsOf('getUpdates')).toHaveLength(0);
  });

  it('rejects a wrong or missing secret with 401 and processes nothing', async () => {
    const { zalo, app, url } = await startWebhookBot();
    const update = zalo.privateText('w1', '/trogiup');
    expect(await zalo.deliverWebhook(url, update, 'wrong_secret_xx')).toBe(401);
    expect(await zalo.deliverWebhook(url, update)).toBe(401);
    expect(await zalo.deliverWebhook(url, update, `${secret}x`)).toBe(401);
    await settle();
    expect(zalo.sentTo('w1')).toHaveLength(0);
    expect(app.logs.filter((l) => l.msg === 'http request rejected: wrong secret')).toHaveLength(3);
    expect(await zalo.deliverWebhook(url, update, secret)).toBe(200);
    await zalo.waitFor((c) => c.method === 'sendMessage' && c.params.chat_id === 'w1');
  });

  it('accepts wrapped and bare bodies and processes a redelivery once', async () => {
    const { zalo, url } = await startWebhookBot();
    const update = zalo.privateText('w2', '/start');
    expect(await zalo.deliverWebhook(url, update, secret)).toBe(200);
    expect(await zalo.deliverWebhook(url, update, secret, { wrapped: false })).toBe(200);
    expect(await zalo.deliverWebhook(url, zalo.privateText('w2', '/trogiup'), secret, { wrapped: false })).toBe(200);
    await zalo.waitFor((c) => c.method === 'sendMessage' && textOf(c).includes('Các lệnh'));
    await settle();
    expect(zalo.sentTo('w2').filter((c) => textOf(c).includes('Xin chào'))).toHaveLength(1);
  });

  it('answers 200 to unknown events and shapes, logs them at debug and sends nothing', async () => {
    const { zalo, app, url } = await startWebhookBot();
    expect(await zalo.deliverWebhook(url, zalo.unknownEvent('message.link.received', 'w3'), secret)).toBe(200);
    const odd = await fetch(url, {
      method: 'POST',
      headers: { 'x-bot-api-secret-token': secret, 'content-type': 'application/json' },
      body: '{"event_name":"user.follow","data":{}}',
    });
    expect(odd.status).toBe(200);
    const json = { 'x-bot-api-secret-token': secret, 'content-type': 'application/json' };
    const notJson = await fetch(url, { method: 'POST', headers: json, body: 'hello' });
    expect(notJson.status).toBe(400);
    const plain = await fetch(url, { method: 'POST', headers: { 'x-bot-api-secret-token': secret }, body: '{}' });
    expect(plain.status).toBe(415);
    await settle();
    expect(zalo.callsOf('sendMessage')).toHaveLength(0);
    const debug = app.logs.filter((l) => l.level === 20).map((l) => l.msg);
    expect(debug).toContain('ignored zalo update');
    expect(debug).toContain('ignored zalo body of unknown shape');
  });

  it('answers 200 before the slow reply is sent', async () => {
    const { zalo, url } = await startWebhookBot();
    zalo.failNext('sendMessage', { delayMs: 1500 });
    const started = Date.now();
    expect(await zalo.deliverWebhook(url, zalo.privateText('w4', '/trogiup'), secret)).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
    await zalo.waitFor((c) => c.method === 'sendMessage' && c.params.chat_id === 'w4', 4000);
  });
});
