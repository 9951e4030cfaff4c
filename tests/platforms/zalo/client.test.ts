import { createServer } from 'node:http';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createZaloClient,
  ZaloApiError,
  ZaloNetworkError,
  type ZaloClientOptions,
} from '../../../src/platforms/zalo/client.js';
import { startFakeZalo, type FakeZalo } from '../../support/fake-zalo.js';

let fake: FakeZalo;
let logLines: string[];
let sleeps: number[];

function client(overrides: Partial<ZaloClientOptions> = {}) {
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  return createZaloClient({
    token: fake.token,
    apiRoot: fake.apiRoot,
    timeoutMs: 2000,
    retries: { max: 3, baseDelayMs: 10, maxDelayMs: 40, maxRetryAfterMs: 5000 },
    log: pino({ level: 'debug' }, stream),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...overrides,
  });
}

async function caught(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

function expectNoSecret(err: Error, secret: string): void {
  const secretPart = secret.split(':')[1] ?? secret;
  for (const text of [err.message, err.stack ?? '', JSON.stringify(err), String(err), ...logLines]) {
    expect(text).not.toContain(secret);
    expect(text).not.toContain(secretPart);
  }
}

beforeEach(async () => {
  fake = await startFakeZalo({ longPollCapMs: 200 });
  logLines = [];
  sleeps = [];
});

afterEach(async () => {
  fake.assertNoUnknownMethods();
  await fake.close();
});

describe('Zalo client against the fake Bot Platform', () => {
  it('calls getMe and sendMessage with JSON and returns their results', async () => {
    const zalo = client();
    expect(await zalo.getMe()).toMatchObject({ id: '1234567890', account_name: 'bot.daumoi' });
    const sent = await zalo.sendMessage('u1', 'Chào anh 👋, hạn nộp báo cáo là 25/6');
    expect(sent.message_id).toMatch(/^[0-9a-f]{20}$/);
    expect(fake.sentTo('u1')[0]?.params).toEqual({ chat_id: 'u1', text: 'Chào anh 👋, hạn nộp báo cáo là 25/6' });
    await zalo.sendPhoto('u1', 'https://example.org/chart.png', 'Biểu đồ');
    await zalo.sendChatAction('u1');
    expect(fake.callsOf('sendPhoto')[0]?.params).toEqual({
      chat_id: 'u1',
      photo: 'https://example.org/chart.png',
      caption: 'Biểu đồ',
    });
  });

  it('throws a typed ZaloApiError carrying error_code and description, without retrying a 400', async () => {
    const err = await caught(client().sendMessage('u1', 'x'.repeat(2001)));
    expect(err).toBeInstanceOf(ZaloApiError);
    expect(err).toMatchObject({ method: 'sendMessage', errorCode: 400, description: 'text must be 1-2000 characters' });
    expect(fake.callsOf('sendMessage')).toHaveLength(1);
  });

  it('keeps the token out of API errors, their stack, their JSON and the log', async () => {
    const wrongToken = '987654321:very-secret-wrong-token';
    const err = await caught(client({ token: wrongToken }).getMe());
    expect(err).toMatchObject({ errorCode: 401, method: 'getMe' });
    expect(logLines.length).toBeGreaterThan(0);
    expectNoSecret(err, wrongToken);
  });

  it('keeps the token out of network errors and reports a redacted URL', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const { port } = closed.address() as { port: number };
    await new Promise((r) => closed.close(r));
    const err = await caught(
      client({ apiRoot: `http://127.0.0.1:${port}`, retries: { max: 1, baseDelayMs: 1 } }).getMe(),
    );
    expect(err).toBeInstanceOf(ZaloNetworkError);
    expect(err).toMatchObject({ method: 'getMe', url: '/bot<redacted>/getMe', code: 'ECONNREFUSED' });
    expect(sleeps).toHaveLength(1);
    expectNoSecret(err, fake.token);
  });

  it('retries a 429 and a 500 with backoff, then succeeds', async () => {
    fake.failNext('sendMessage', { status: 429 });
    fake.failNext('sendMessage', { status: 500 });
    const sent = await client().sendMessage('u2', 'nhắc việc');
    expect(sent.message_id).toBeTruthy();
    expect(fake.callsOf('sendMessage').map((c) => c.status)).toEqual([429, 500, 200]);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[0]).toBeGreaterThanOrEqual(5);
    expect(sleeps[1]).toBeLessThanOrEqual(20);
    expect(logLines.filter((l) => l.includes('retrying'))).toHaveLength(2);
  });

  it('waits the retry-after the server asks for', async () => {
    fake.failNext('sendMessage', { status: 429, retryAfter: 2 });
    await client().sendMessage('u2', 'a');
    expect(sleeps).toEqual([2000]);
  });

  it('hands a retry-after longer than the cap to the caller instead of waiting', async () => {
    fake.failNext('sendMessage', { status: 429, retryAfter: 3600 });
    const err = await caught(client().sendMessage('u2', 'a'));
    expect(err).toMatchObject({ errorCode: 429, retryAfter: 3600 });
    expect(sleeps).toEqual([]);
  });

  it('gives up after the configured retries on persistent 5xx', async () => {
    fake.failNext('sendMessage', { status: 502 }, 10);
    const err = await caught(client().sendMessage('u2', 'a'));
    expect(err).toMatchObject({ errorCode: 502 });
    expect(fake.callsOf('sendMessage')).toHaveLength(4);
  });

  it('retries a dropped connection', async () => {
    fake.failNext('sendMessage', { drop: true });
    await client().sendMessage('u3', 'a');
    expect(fake.callsOf('sendMessage').map((c) => c.status)).toEqual([0, 200]);
  });

  it('does not retry when the call opts out', async () => {
    fake.failNext('sendMessage', { status: 500 });
    const err = await caught(client().call('sendMessage', { chat_id: 'u3', text: 'a' }, { retry: false }));
    expect(err).toMatchObject({ errorCode: 500 });
    expect(fake.callsOf('sendMessage')).toHaveLength(1);
  });

  it('treats a 408 long poll as nothing new', async () => {
    expect(await client().getUpdates(1)).toEqual([]);
    expect(fake.callsOf('getUpdates')[0]?.status).toBe(408);
  });

  it('wraps a single polled update object in an array', async () => {
    const update = fake.pushUpdate(fake.privateText('u4', 'xin chào'));
    expect(await client().getUpdates(1)).toEqual([update]);
  });

  it('returns a long poll answered while it waits', async () => {
    const poll = client().getUpdates(30);
    while (fake.callsOf('getUpdates').length === 0) await new Promise((r) => setTimeout(r, 5));
    const update = fake.pushUpdate(fake.privateText('u4', 'muộn'));
    expect(await poll).toEqual([update]);
  });

  it('handles errors answered with HTTP 200 and ok:false', async () => {
    await fake.close();
    fake = await startFakeZalo({ errorsAsHttp200: true, longPollCapMs: 100 });
    const zalo = client();
    expect(await zalo.getUpdates(1)).toEqual([]);
    const err = await caught(zalo.sendMessage('u1', ''));
    expect(err).toMatchObject({ errorCode: 400 });
  });

  it('accepts an array of updates from getUpdates', async () => {
    await fake.close();
    fake = await startFakeZalo({ arrayMode: true });
    const first = fake.pushUpdate(fake.privateText('u5', 'một'));
    const second = fake.pushUpdate(fake.image('u5', 'https://example.org/a.jpg'));
    expect(await client().getUpdates(1)).toEqual([first, second]);
  });

  it('sets, reads and deletes a webhook, rejecting a short secret before calling', async () => {
    const zalo = client();
    await expect(zalo.setWebhook('https://bot.example.org/zalo', 'short')).rejects.toThrow(/8-256/);
    expect(await zalo.setWebhook('https://bot.example.org/zalo', 'a-secret-token')).toMatchObject({
      url: 'https://bot.example.org/zalo',
    });
    expect((await zalo.getWebhookInfo()).url).toBe('https://bot.example.org/zalo');
    expect((await zalo.deleteWebhook()).url).toBe('');
    expect(fake.callsOf('setWebhook')).toHaveLength(1);
  });
});
