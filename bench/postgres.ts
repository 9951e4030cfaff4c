import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { until } from '../tests/support/bot-process.js';
import { startFakeTelegram, type FakeTelegram } from '../tests/support/fake-telegram.js';
import { createTemplate, createTestDatabase, postgresAvailable, startCluster } from '../tests/support/postgres.js';
import { deliver, kill, leaderOf, peakPerSecond, startInstances, stopAll } from '../tests/support/instances.js';
import { summarize } from './stats.js';

// The PostgreSQL section of npm run bench (when initdb is found): webhook throughput and latency with one and three
// instances on one database beside one instance on SQLite, and a fan-out with the sending leader SIGKILLed.

export interface ThroughputFigures {
  instances: number;
  database: 'sqlite' | 'postgres';
  updatesPerSec: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
}

export interface FailoverFigures {
  messages: number;
  delivered: number;
  duplicates: number;
  lost: number;
  peakPerSec: number;
  /** Delivered per second over the run, as a share of Telegram's 30/s. */
  shareOf30: number;
  failoverMs: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** `chats` private chats send `perChat` messages each (one after another per chat), spread round-robin. */
async function throughput(
  fake: FakeTelegram,
  count: number,
  env: { url: string; extra?: Record<string, string> },
  chats: number,
  perChat: number,
  database: ThroughputFigures['database'],
): Promise<ThroughputFigures> {
  const instances = await startInstances(fake, env.url, count, { LOG_LEVEL: 'info', ...env.extra });
  try {
    const before = fake.callsOf('sendMessage').length;
    let id = 1;
    let turn = 0;
    const sentAt = new Map<string, number>();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: chats }, async (_, c) => {
        for (let n = 0; n < perChat; n++) {
          const update = fake.privateText(9000 + c, `/b${c}n${n}`);
          update.update_id = id++;
          sentAt.set(`${c}:${n}`, Date.now());
          await deliver(fake, instances, turn++, update);
        }
      }),
    );
    const replies = () =>
      fake
        .callsOf('sendMessage')
        .slice(before)
        .filter((call) => call.status === 200);
    await until(() => replies().length >= chats * perChat, 300_000, 'every answer');
    const seconds = (performance.now() - started) / 1000;
    const latencies = replies().map((call) => {
      const [, c, n] = /\/b(\d+)n(\d+)/.exec(String(call.params.text)) ?? [];
      return call.at - (sentAt.get(`${c}:${n}`) ?? call.at);
    });
    const l = summarize(latencies);
    return {
      instances: count,
      database,
      updatesPerSec: Math.round((chats * perChat) / seconds),
      latencyMs: { p50: round(l.p50), p95: round(l.p95), p99: round(l.p99), max: round(l.max) },
    };
  } finally {
    await stopAll(instances);
  }
}

/** `total` queued reminders to distinct chats, three instances, the sending leader SIGKILLed a third of the way. */
async function failover(fake: FakeTelegram, url: string, total: number): Promise<FailoverFigures> {
  fake.enforceLimits({ globalPerSec: 30, perChatPerSec: 1 });
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  await db.query(
    `INSERT INTO outbox (platform, chat_id, is_group, payload, idem_key, status, attempts, next_at, created_at)
     SELECT 'telegram', (700000 + i)::text, false, json_build_object('text', 'Nhắc #' || i), 'bench:' || i, 'pending',
            0, now(), now() FROM generate_series(0, $1 - 1) AS i`,
    [total],
  );
  await db.end();
  const instances = await startInstances(fake, url, 3, { LOG_LEVEL: 'info' });
  const sent = () => fake.callsOf('sendMessage').filter((c) => c.status === 200);
  try {
    await until(() => sent().length >= total / 3, 600_000, 'a third of the fan-out');
    const first = sent()[0]!.at;
    const leader = await leaderOf(instances);
    const killedAt = Date.now();
    await kill(leader!);
    await until(() => sent().some((c) => c.at > killedAt + 50), 60_000, 'the next send after the kill');
    const resumed = sent().find((c) => c.at > killedAt + 50)!.at;
    await until(() => new Set(sent().map((c) => c.params.chat_id)).size >= total, 900_000, 'every reminder');
    await new Promise((r) => setTimeout(r, 2000));
    const calls = sent();
    const chats = new Set(calls.map((c) => String(c.params.chat_id)));
    const seconds = (calls.at(-1)!.at - first) / 1000;
    return {
      messages: total,
      delivered: chats.size,
      duplicates: calls.length - chats.size,
      lost: total - chats.size,
      peakPerSec: peakPerSecond(calls),
      shareOf30: Math.round((1000 * calls.length) / seconds / 30) / 1000,
      failoverMs: resumed - killedAt,
    };
  } finally {
    await stopAll(instances);
  }
}

export async function runPostgres(
  log: (line: string) => void,
  fanout = 5000,
): Promise<{ throughput: ThroughputFigures[]; failover: FailoverFigures } | { skipped: string }> {
  if (!postgresAvailable()) return { skipped: 'PostgreSQL (initdb) not found' };
  const cluster = await startCluster();
  const dir = mkdtempSync(join(tmpdir(), 'daumoi-bench-pg-'));
  try {
    await createTemplate(cluster.adminUrl);
    const rows: ThroughputFigures[] = [];
    const chats = 200;
    const perChat = 5;
    for (const [count, database] of [
      [1, 'sqlite'],
      [1, 'postgres'],
      [3, 'postgres'],
    ] as const) {
      const fake = await startFakeTelegram();
      try {
        const env =
          database === 'sqlite'
            ? { url: '', extra: { DATABASE_PATH: join(dir, `t${rows.length}.db`) } }
            : { url: await createTestDatabase(cluster.adminUrl, `bench_${rows.length}`) };
        log(`  ${count} instance(s) on ${database}…`);
        rows.push(await throughput(fake, count, env, chats, perChat, database));
      } finally {
        await fake.close();
      }
    }
    log(`  fan-out of ${fanout} with the leader SIGKILLed…`);
    const fake = await startFakeTelegram();
    try {
      return {
        throughput: rows,
        failover: await failover(fake, await createTestDatabase(cluster.adminUrl, 'bench_fanout'), fanout),
      };
    } finally {
      await fake.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await cluster.stop();
  }
}
