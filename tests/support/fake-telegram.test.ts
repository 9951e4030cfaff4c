import { createServer } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeTelegram, type FakeTelegram } from './fake-telegram.js';

let fake: FakeTelegram;

beforeEach(async () => {
  fake = await startFakeTelegram({ longPollCapMs: 300 });
});

afterEach(async () => {
  await fake.close();
});

async function call(method: string, params: Record<string, unknown> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${fake.apiRoot}/bot${fake.token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  return { status: res.status, body: await res.json() };
}

describe('fake Telegram Bot API', () => {
  it('records an unknown method, answers 404 and makes assertNoUnknownMethods throw', async () => {
    const { status, body } = await call('sendPoll', { chat_id: 1 });
    expect(status).toBe(404);
    expect(body).toMatchObject({ ok: false, error_code: 404 });
    expect(fake.unknownMethods).toEqual(['sendPoll']);
    expect(() => fake.assertNoUnknownMethods()).toThrow(/sendPoll/);
  });

  it('answers getMe with the test bot', async () => {
    const { body } = await call('getMe');
    expect(body.result).toMatchObject({ id: 4242, is_bot: true, username: 'daumoi_test_bot' });
    fake.assertNoUnknownMethods();
  });

  it('answers a scripted 429 with retry_after once, then succeeds', async () => {
    fake.failNext('sendMessage', { status: 429, retryAfter: 3 });
    const first = await call('sendMessage', { chat_id: 7, text: 'a' });
    expect(first.status).toBe(429);
    expect(first.body).toMatchObject({ ok: false, error_code: 429, parameters: { retry_after: 3 } });
    const second = await call('sendMessage', { chat_id: 7, text: 'a' });
    expect(second.body).toMatchObject({ ok: true, result: { chat: { id: 7, type: 'private' }, text: 'a' } });
    expect(fake.stats).toMatchObject({ sent: 1, rateLimited: 1 });
    expect(fake.sentTo(7)).toHaveLength(1);
    expect(fake.callsOf('sendMessage').map((c) => c.status)).toEqual([429, 200]);
  });

  it('drops the connection when told to', async () => {
    fake.failNext('sendMessage', { drop: true });
    await expect(call('sendMessage', { chat_id: 7, text: 'a' })).rejects.toThrow();
    expect(fake.stats.dropped).toBe(1);
  });

  it('holds a long poll until an update is pushed, then confirms it by offset', async () => {
    const poll = call('getUpdates', { offset: 0, timeout: 30 });
    await new Promise((r) => setTimeout(r, 50));
    const pushed = fake.pushUpdate(fake.privateText(11, 'xin chào'));
    const { body } = await poll;
    expect(body.result).toEqual([pushed]);
    expect(body.result[0].message.from).toMatchObject({ id: 11, language_code: 'vi' });
    const next = await call('getUpdates', { offset: (pushed.update_id ?? 0) + 1, timeout: 0 });
    expect(next.body.result).toEqual([]);
  });

  it('ends an empty long poll at the cap with no updates', async () => {
    const started = Date.now();
    const { body } = await call('getUpdates', { timeout: 50 });
    expect(body.result).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('refuses getUpdates while a webhook is set', async () => {
    await call('setWebhook', { url: 'https://example.org/hook', secret_token: 'abc_DEF-1' });
    expect((await call('getUpdates')).status).toBe(409);
    expect((await call('getWebhookInfo')).body.result.url).toBe('https://example.org/hook');
  });

  it('marks bot commands with UTF-16 offsets after emoji and Vietnamese text', () => {
    const update = fake.groupText(-100123, 5, '😀 Chào /baocao@daumoi_test_bot xong');
    const message = update.message as { entities: unknown[]; chat: unknown };
    expect(message.entities).toEqual([{ type: 'bot_command', offset: 8, length: 23 }]);
    expect(message.chat).toMatchObject({ id: -100123, type: 'supergroup' });
  });

  it('records multipart uploads with file name and size', async () => {
    const form = new FormData();
    form.append('chat_id', '9');
    form.append('caption', 'Báo cáo');
    form.append('document', new Blob([Buffer.alloc(1234, 1)]), 'bao-cao.xlsx');
    const res = await fetch(`${fake.apiRoot}/bot${fake.token}/sendDocument`, { method: 'POST', body: form });
    const body = (await res.json()) as { result: { document: { file_name: string; file_size: number } } };
    expect(body.result.document).toMatchObject({ file_name: 'bao-cao.xlsx', file_size: 1234 });
    const [sent] = fake.sentTo(9);
    expect(sent?.files[0]).toMatchObject({ field: 'document', fileName: 'bao-cao.xlsx', size: 1234 });
    expect(sent?.params.caption).toBe('Báo cáo');
  });

  it('rejects broken HTML and callback data over 64 bytes like Telegram does', async () => {
    const html = await call('sendMessage', { chat_id: 1, text: 'a < b', parse_mode: 'HTML' });
    expect(html.body.description).toMatch(/can't parse entities/);
    const data = 'đ'.repeat(33);
    const markup = { inline_keyboard: [[{ text: 'x', callback_data: data }]] };
    const button = await call('sendMessage', { chat_id: 1, text: 'a', reply_markup: markup });
    expect(button.body.description).toBe('Bad Request: BUTTON_DATA_INVALID');
  });

  it('answers 429 when the per-chat limit is enforced and exceeded', async () => {
    fake.enforceLimits({ perChatPerSec: 1 });
    expect((await call('sendMessage', { chat_id: 3, text: 'a' })).status).toBe(200);
    const second = await call('sendMessage', { chat_id: 3, text: 'b' });
    expect(second.body).toMatchObject({ error_code: 429, parameters: { retry_after: 1 } });
    expect((await call('sendMessage', { chat_id: 4, text: 'c' })).status).toBe(200);
  });

  it('fails sends at the requested random rate, reproducibly for one seed', async () => {
    const statuses = async (): Promise<number[]> => {
      const result: number[] = [];
      for (let i = 0; i < 40; i++) result.push((await call('sendMessage', { chat_id: 1, text: `m${i}` })).status);
      return result;
    };
    fake.failRate({ p429: 0.2, p500: 0.2, seed: 42 });
    const first = await statuses();
    fake.failRate({ p429: 0.2, p500: 0.2, seed: 42 });
    expect(await statuses()).toEqual(first);
    expect(first).toContain(429);
    expect(first).toContain(500);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(10);
    expect((await call('getMe')).status).toBe(200);
  });

  it('answers getChatMember with the scripted status, member by default', async () => {
    fake.setChatMember(-100500, 8, 'administrator');
    expect((await call('getChatMember', { chat_id: -100500, user_id: 8 })).body.result).toMatchObject({
      status: 'administrator',
      user: { id: 8 },
    });
    expect((await call('getChatMember', { chat_id: -100500, user_id: 9 })).body.result.status).toBe('member');
  });

  it('resolves waitFor when a matching call arrives', async () => {
    const waiting = fake.waitFor((c) => c.method === 'sendMessage' && c.params.text === 'hẹn');
    await call('sendMessage', { chat_id: 2, text: 'hẹn' });
    await expect(waiting).resolves.toMatchObject({ status: 200 });
  });

  it('delivers a webhook with the secret header and returns the status', async () => {
    let seenSecret: string | undefined;
    const hook = createServer((req, res) => {
      seenSecret = req.headers['x-telegram-bot-api-secret-token'] as string;
      res.writeHead(204).end();
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    const { port } = hook.address() as { port: number };
    const status = await fake.deliverWebhook(`http://127.0.0.1:${port}/hook`, fake.privateText(1, '/start'), 's3cret');
    await new Promise((r) => hook.close(r));
    expect(status).toBe(204);
    expect(seenSecret).toBe('s3cret');
  });

  it('serves a thousand sendMessage calls quickly', async () => {
    const started = Date.now();
    const batches = Array.from({ length: 20 }, (_, b) =>
      (async () => {
        for (let i = 0; i < 50; i++) await call('sendMessage', { chat_id: b, text: `tin ${i}` });
      })(),
    );
    await Promise.all(batches);
    expect(fake.stats.sent).toBe(1000);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
