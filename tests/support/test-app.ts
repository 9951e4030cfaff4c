import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { createApp, type App, type AppOptions } from '../../src/app.js';
import { loadConfig, type Env } from '../../src/config.js';
import type { Incoming, Platform, Reply } from '../../src/kernel/message.js';
import { parseCommand } from '../../src/bot/parse-command.js';
import { ensureActor, findAgencyBySlug, insertActiveMembership } from '../../src/db/index.js';
import { dropTestDirDatabase, testDatabaseEnv } from './test-db.js';

export interface LogLine {
  level: number;
  msg?: string;
  [key: string]: unknown;
}

export interface TestApp {
  app: App;
  dir: string;
  logs: LogLine[];
  /** Mutable clock: set `clock.now` to move time. */
  clock: { now: Date };
  /** Sends a private (or group) message as a user through the real router and returns the replies. */
  say(userId: string, text: string, options?: SayOptions): Promise<Reply[]>;
  /** Shortcut: the replies' texts joined. */
  sayText(userId: string, text: string, options?: SayOptions): Promise<string>;
  registerOfficer(userId: string, networkId: string, agencySlug: string, name?: string): Promise<number>;
  close(): Promise<void>;
}

export interface SayOptions {
  platform?: Platform;
  name?: string;
  group?: { id: string; title?: string };
  choice?: string;
  attachments?: Incoming['attachments'];
  username?: string;
  /** The message replies to this person's message. */
  replyTo?: Incoming['replyTo'];
}

/**
 * A real app with the real migrations and shipped plans, console platform by default: on a temp SQLite file, or
 * under `npm run test:pg` on a PostgreSQL database of the directory's own.
 */
export async function createTestApp(
  options: { env?: Env; now?: Date; dir?: string; appOptions?: Partial<AppOptions> } = {},
): Promise<TestApp> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'daumoi-test-'));
  const logs: LogLine[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const clock = { now: options.now ?? new Date('2026-11-21T09:00:00+07:00') };
  const config = loadConfig({
    DATABASE_PATH: join(dir, 'test.db'),
    ...(await testDatabaseEnv(dir)),
    PORT: '0',
    ADMINS: 'console:admin',
    // Tests type faster than any person (a whole report at one instant): the flood tests set FLOOD_LIMIT themselves.
    FLOOD_LIMIT: '100000',
    ...options.env,
  });
  const output = new Writable({ write: (_c, _e, done) => done() });
  const app = await createApp(config, {
    // Scheduled jobs run on the wall clock; tests run them explicitly (appOptions: { scheduler: true } to opt in).
    log: pino({ level: 'debug' }, stream),
    clock: () => clock.now,
    consoleOutput: output,
    scheduler: false,
    ...options.appOptions,
  });

  async function say(userId: string, text: string, o: SayOptions = {}): Promise<Reply[]> {
    const platform = o.platform ?? 'console';
    return app.core.handle({
      platform,
      chat: o.group ? { id: o.group.id, type: 'group', title: o.group.title } : { id: userId, type: 'private' },
      sender: { id: userId, name: o.name ?? userId, ...(o.username ? { username: o.username } : {}) },
      ...(o.replyTo ? { replyTo: o.replyTo } : {}),
      text,
      command: parseCommand(text),
      choice: o.choice,
      attachments: o.attachments ?? [],
      addressed: true,
      date: clock.now,
    });
  }

  return {
    app,
    dir,
    logs,
    clock,
    say,
    async sayText(userId, text, o) {
      return (await say(userId, text, o)).map((r) => r.text).join('\n');
    },
    async registerOfficer(userId, networkId, agencySlug, name) {
      const actor = await ensureActor(
        app.db,
        { platform: 'console', userId, name: name ?? userId, privateChatId: userId },
        [],
      );
      const agency = await findAgencyBySlug(app.db, networkId, agencySlug);
      if (!agency) throw new Error(`No agency ${agencySlug} in ${networkId}`);
      await insertActiveMembership(app.db, {
        personId: actor.personId,
        networkId,
        agencyId: agency.id,
        decidedBy: null,
        at: clock.now,
      });
      return actor.personId;
    },
    async close() {
      await app.stop();
      if (options.dir) return;
      rmSync(dir, { recursive: true, force: true });
      await dropTestDirDatabase(dir);
    },
  };
}
