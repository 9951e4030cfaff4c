import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli.js';
import { startFakeZalo, type FakeZalo } from '../../support/fake-zalo.js';

let fake: FakeZalo | undefined;

afterEach(async () => {
  fake?.assertNoUnknownMethods();
  await fake?.close();
  fake = undefined;
});

async function cli(args: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['zalo', ...args], { env, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('daumoi zalo webhook', () => {
  it('sets the webhook from the settings, shows it and deletes it', async () => {
    fake = await startFakeZalo();
    const env = {
      ZALO_BOT_TOKEN: fake.token,
      ZALO_API_ROOT: fake.apiRoot,
      ZALO_WEBHOOK_URL: 'https://bot.example.vn/zalo/webhook',
      ZALO_WEBHOOK_SECRET: 'zalo_secret_123',
    };
    expect(await cli(['webhook', 'set'], env)).toMatchObject({
      code: 0,
      out: 'Đã đặt webhook Zalo: https://bot.example.vn/zalo/webhook',
    });
    expect(fake.webhook).toMatchObject({ url: 'https://bot.example.vn/zalo/webhook', secretToken: 'zalo_secret_123' });
    expect((await cli(['webhook', 'info'], env)).out).toContain('Webhook Zalo: https://bot.example.vn/zalo/webhook');
    expect((await cli(['webhook', 'delete'], env)).out).toContain('long polling');
    expect(fake.webhook.url).toBe('');
    expect((await cli(['webhook', 'info'], env)).out).toContain('Chưa đặt webhook');
  });

  it('explains what is missing and keeps the token out of API errors', async () => {
    fake = await startFakeZalo();
    expect(await cli(['webhook', 'info'], {})).toMatchObject({
      code: 1,
      err: expect.stringContaining('ZALO_BOT_TOKEN'),
    });
    const env = { ZALO_BOT_TOKEN: fake.token, ZALO_API_ROOT: fake.apiRoot };
    expect(await cli(['webhook', 'set'], env)).toMatchObject({
      code: 1,
      err: expect.stringContaining('ZALO_WEBHOOK_URL'),
    });
    expect((await cli(['webhook'], env)).code).toBe(2);
    const wrong = await cli(['webhook', 'info'], { ...env, ZALO_BOT_TOKEN: '999:wrong-secret-token' });
    expect(wrong).toMatchObject({ code: 1, err: expect.stringContaining('401') });
    expect(wrong.err).not.toContain('wrong-secret-token');
  });
});
