import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseInUseError, lockDatabaseFile } from '../../src/db/index.js';
import { killHard, startBotProcess, until } from '../support/bot-process.js';
import { startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.js';

let fake: FakeTelegram | undefined;
const children: ReturnType<typeof startBotProcess>[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) await killHard(child);
  await fake?.close();
  fake = undefined;
});

const exited = (child: ReturnType<typeof startBotProcess>) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
  );

describe('SQLite serves one bot process', () => {
  it('refuses a second holder of the lock until the first releases it', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'daumoi-lock-')), 'bot.db');
    const first = lockDatabaseFile(path);
    expect(() => lockDatabaseFile(path)).toThrow(DatabaseInUseError);
    first.release();
    lockDatabaseFile(path).release();
  });

  it('a second bot process on the same file says so and exits 78; a SIGKILLed holder leaves no stale lock', async () => {
    fake = await startFakeTelegram({ longPollCapMs: 200 });
    const dbPath = join(mkdtempSync(join(tmpdir(), 'daumoi-lock-')), 'bot.db');
    const env = { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, DATABASE_PATH: dbPath };
    const first = startBotProcess(env);
    children.push(first);
    await until(() => first.output().includes('Đầu Mối started'), 20_000, 'the first bot');

    const second = startBotProcess(env);
    children.push(second);
    expect(await exited(second)).toBe(78);
    expect(second.output()).toContain('một tiến trình khác đang chạy bot trên cơ sở dữ liệu');
    expect(second.output()).toContain('Another process is already running the bot on this database');
    expect(fake.callsOf('getMe')).toHaveLength(1);

    await killHard(first);
    const third = startBotProcess(env);
    children.push(third);
    await until(() => third.output().includes('Đầu Mối started'), 20_000, 'the bot after the SIGKILL');
  });
});
