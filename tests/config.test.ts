import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('config', () => {
  it('uses defaults: console mode, embedded database, official API roots', () => {
    const config = loadConfig({});
    expect(config.telegram).toBeUndefined();
    expect(config.zalo).toBeUndefined();
    expect(config.databasePath).toBe('./data/daumoi.db');
    expect(config.port).toBe(8080);
    expect(config.quietHours).toEqual({ start: 21, end: 7 });
  });

  it('enables Telegram webhook mode when URL and secret are set', () => {
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: '123456:ABCdefGHIjklMNOpqr',
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.vn/telegram/webhook',
      TELEGRAM_WEBHOOK_SECRET: 'secret_12345',
      ADMINS: 'telegram:1, zalo:8f3a',
    });
    expect(config.telegram?.apiRoot).toBe('https://api.telegram.org');
    expect(config.telegram?.webhook?.secret).toBe('secret_12345');
    expect(config.admins).toEqual(['telegram:1', 'zalo:8f3a']);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ ADMINS: 'bob' }, 'ADMINS'],
    [{ TELEGRAM_API_ROOT: 'ftp://x' }, 'TELEGRAM_API_ROOT'],
    [{ TELEGRAM_WEBHOOK_URL: 'https://x.vn/hook' }, 'TELEGRAM_WEBHOOK_SECRET'],
    [{ TELEGRAM_WEBHOOK_SECRET: 'short' }, 'TELEGRAM_WEBHOOK_SECRET'],
    [{ QUIET_HOURS: '25-7' }, 'QUIET_HOURS'],
  ])('stops with one line naming the bad variable %#', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain(name);
      expect(message.split('\n')).toHaveLength(1);
    }
  });

  it('never echoes a malformed token in the error', () => {
    const token = 'not-a-token-but-secret-value';
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: token })).toThrow(/TELEGRAM_BOT_TOKEN/);
    try {
      loadConfig({ TELEGRAM_BOT_TOKEN: token });
    } catch (error) {
      expect(String(error)).not.toContain(token);
    }
  });
});
