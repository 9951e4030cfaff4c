import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { sqlRun } from '../support/sql.js';
import { onPostgres } from '../support/test-db.js';
import { BOT_USER, startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.js';

// The operator's probes: liveness, readiness (database and migrations, sender role) and Prometheus metrics.

let t: TestApp | undefined;
let fake: FakeTelegram | undefined;

afterEach(async () => {
  await t?.close();
  await fake?.close();
  t = undefined;
  fake = undefined;
});

const TOKEN = 'scrape_token-123';

async function boot(env: Record<string, string> = {}): Promise<string> {
  fake = await startFakeTelegram({ longPollCapMs: 200 });
  t = await createTestApp({
    env: { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, ...env },
    appOptions: {
      telegramBotInfo: {
        ...BOT_USER,
        can_join_groups: true,
        can_read_all_group_messages: false,
        supports_inline_queries: false,
      },
      pollTimeoutSec: 1,
    },
  });
  await t.app.start();
  return `http://127.0.0.1:${t.app.port}`;
}

describe('GET /healthz and /readyz', () => {
  it('is live, and ready with the database migrated and this instance the sender of each platform', async () => {
    const base = await boot();
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      ok: true,
      database: 'ok',
      pendingMigrations: 0,
      roles: { telegram: 'leader', console: 'leader' },
    });
  });

  // These two change the migrations table behind the app's back (PostgreSQL keeps it in the drizzle schema).
  const migrations = onPostgres ? 'drizzle.__drizzle_migrations' : '__drizzle_migrations';

  it('is not ready when a migration of this build is missing from the database', async () => {
    const base = await boot();
    await sqlRun(t!.app.db, `DELETE FROM ${migrations} WHERE created_at = (SELECT max(created_at) FROM ${migrations})`);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ok: false, database: 'ok', pendingMigrations: 1 });
  });

  it('is not ready when the database cannot be read', async () => {
    const base = await boot();
    await sqlRun(t!.app.db, `ALTER TABLE ${migrations} RENAME TO moved_away`);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ok: false, database: 'unreachable' });
    await sqlRun(t!.app.db, `ALTER TABLE ${onPostgres ? 'drizzle.' : ''}moved_away RENAME TO __drizzle_migrations`);
  });
});

describe('GET /metrics', () => {
  it('does not exist without METRICS_TOKEN', async () => {
    const base = await boot();
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
  });

  it('refuses a missing or wrong token, and serves the counters with the right one', async () => {
    const base = await boot({ METRICS_TOKEN: TOKEN });
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer not_the_token' } });
    expect(wrong.status).toBe(401);

    fake!.pushUpdate(fake!.privateText(4321, '/trogiup'));
    await fake!.waitFor((c) => c.method === 'sendMessage' && String(c.params.chat_id) === '4321');
    const scrape = async () =>
      (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    let text = await scrape();
    for (
      let i = 0;
      i < 50 && !/daumoi_updates_handled_total\{platform="telegram",outcome="ok"\} [1-9]/.test(text);
      i++
    ) {
      await new Promise((r) => setTimeout(r, 50));
      text = await scrape();
    }
    expect(text).toMatch(/daumoi_updates_handled_total\{platform="telegram",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/daumoi_update_handling_seconds_count\{platform="telegram"\} [1-9]/);
    expect(text).toContain('daumoi_outbox_depth{platform="telegram"} 0');
    expect(text).toContain('# TYPE daumoi_platform_429_total counter');
    expect(text).toContain('# TYPE daumoi_job_runs_total counter');
    expect(text).toContain('daumoi_sender_leader');
    expect(text).toContain('daumoi_process_cpu_seconds_total');
  });
});
