import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import {
  closeDatabase,
  ensureActor,
  insertActiveMembership,
  listAgencies,
  migrateDatabase,
  openDatabase,
} from '../src/db/index.js';
import { loadShippedPlans } from '../src/plans/load-shipped.js';
import { killHard, until } from '../tests/support/bot-process.js';
import { startFakeTelegram, type FakeTelegram } from '../tests/support/fake-telegram.js';
import { summarize } from './stats.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The realistic mix an officer sends: tasks, log, report steps, deadlines, status. */
const MIX = [
  '/nhiemvu',
  'nhiệm vụ của tôi',
  '/hanbaocao',
  '/nhatky',
  '/tinhhinh',
  '/trogiup',
  '/timkiem kinh phi',
  '/baocao',
  '/huy',
];

export interface LoadResult {
  officers: number;
  messages: number;
  updatesPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  peakRssMb: number;
}

const REPLY_METHODS = new Set(['sendMessage', 'sendPhoto', 'sendDocument']);

/** Watches the fake's recorded calls and tells each chat when its next reply arrives. */
function replyWatcher(fake: FakeTelegram) {
  let index = fake.calls.length;
  const waiting = new Map<string, (at: number) => void>();
  const lastReply = new Map<string, number>();
  const timer = setInterval(() => {
    while (index < fake.calls.length) {
      const call = fake.calls[index++]!;
      if (!REPLY_METHODS.has(call.method)) continue;
      const chat = String(call.params.chat_id);
      const now = performance.now();
      lastReply.set(chat, now);
      waiting.get(chat)?.(now);
      waiting.delete(chat);
    }
  }, 1);
  return {
    next: (chat: string) => new Promise<number>((resolve) => waiting.set(chat, resolve)),
    /** Waits until a multi-part reply has finished, so its tail is not taken for the next answer. */
    async quiet(chat: string, ms = 15): Promise<void> {
      while (performance.now() - (lastReply.get(chat) ?? 0) < ms) await new Promise((r) => setTimeout(r, ms));
    },
    stop: () => clearInterval(timer),
  };
}

/**
 * Latency at a steady arrival rate (officers typing at human pace, `rate` messages a second overall):
 * time from the update being available to the first reply reaching the API.
 */
async function measureLatency(
  fake: FakeTelegram,
  officers: number,
  perOfficer: number,
  rate: number,
): Promise<number[]> {
  const watcher = replyWatcher(fake);
  const latencies: number[] = [];
  const total = officers * perOfficer;
  const pending: Promise<void>[] = [];
  const busy = new Set<number>();
  const t0 = performance.now();
  for (let n = 0; n < total; n++) {
    const due = t0 + (n * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    let i = n % officers;
    while (busy.has(i)) i = (i + 1) % officers;
    busy.add(i);
    const chat = String(500_000 + i);
    pending.push(
      (async () => {
        await watcher.quiet(chat);
        const reply = watcher.next(chat);
        const start = performance.now();
        fake.pushUpdate(fake.privateText(500_000 + i, MIX[n % MIX.length]!));
        latencies.push((await reply) - start);
        busy.delete(i);
      })(),
    );
  }
  await Promise.all(pending);
  watcher.stop();
  return latencies;
}

/** Open loop for throughput: every officer's message at once; time until every one is answered. */
async function measureThroughput(fake: FakeTelegram, officers: number, round: number): Promise<number> {
  const watcher = replyWatcher(fake);
  for (let i = 0; i < officers; i++) await watcher.quiet(String(500_000 + i));
  const replies = Array.from({ length: officers }, (_, i) => watcher.next(String(500_000 + i)));
  const t0 = performance.now();
  for (let i = 0; i < officers; i++) fake.pushUpdate(fake.privateText(500_000 + i, MIX[(i + round) % MIX.length]!));
  await Promise.all(replies);
  watcher.stop();
  return officers / ((performance.now() - t0) / 1000);
}

async function drive(fake: FakeTelegram, officers: number, perOfficer: number, rate: number) {
  const latencies = await measureLatency(fake, officers, perOfficer, rate);
  const rates: number[] = [];
  for (let round = 0; round < 3; round++) rates.push(await measureThroughput(fake, officers, round));
  return { latencies, updatesPerSec: Math.max(...rates) };
}

/** Peak resident set size of a process (VmHWM), in MB. */
function peakRssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 102.4) / 10;
}

/** Runs a bot process against the fake and drives the load; RSS is the bot process's own. */
async function runProcess(
  fake: FakeTelegram,
  child: ReturnType<typeof spawnScript>,
  officers: number,
  perOfficer: number,
  rate: number,
): Promise<LoadResult> {
  await until(() => fake.callsOf('getUpdates').length > 0, 30_000, 'the bot to start polling');
  const result = await drive(fake, officers, perOfficer, rate);
  const peakRssMb = peakRssOf(child.pid!);
  await stopGracefully(child);
  await fake.close();
  return {
    officers,
    messages: result.latencies.length,
    updatesPerSec: result.updatesPerSec,
    ...summarize(result.latencies),
    peakRssMb,
  };
}

/** SIGTERM (the bot shuts down cleanly, profiles get written), SIGKILL if it takes over 5 s. */
async function stopGracefully(child: ReturnType<typeof spawnScript>): Promise<void> {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => void killHard(child), 5000);
  await exited;
  clearTimeout(timer);
}

function spawnScript(script: string, env: Record<string, string>) {
  return spawn(
    process.execPath,
    [...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), '--import', 'tsx', script],
    { cwd: root, env: { PATH: process.env.PATH, ...env }, stdio: 'ignore' },
  );
}

/** Registers `officers` officers round-robin over the shipped agencies, before the bot starts. */
async function seedOfficers(dbPath: string, officers: number): Promise<void> {
  const db = openDatabase(dbPath);
  migrateDatabase(db);
  await loadShippedPlans(db, join(root, 'plans'), new Date(), pino({ level: 'silent' }));
  const agencies = (await listAgencies(db)).filter((a) => a.active);
  for (let i = 0; i < officers; i++) {
    const actor = await ensureActor(
      db,
      { platform: 'telegram', userId: String(500_000 + i), name: `Cán bộ ${i}`, privateChatId: String(500_000 + i) },
      [],
    );
    const agency = agencies[i % agencies.length]!;
    await insertActiveMembership(db, {
      personId: actor.personId,
      networkId: agency.networkId,
      agencyId: agency.id,
      decidedBy: null,
      at: new Date(),
    });
  }
  closeDatabase(db);
}

export async function runOurBot(officers: number, perOfficer: number, rate: number): Promise<LoadResult> {
  const fake = await startFakeTelegram({ longPollCapMs: 100 });
  const dir = mkdtempSync(join(tmpdir(), 'daumoi-bench-'));
  const dbPath = join(dir, 'bench.db');
  await seedOfficers(dbPath, officers);
  const child = spawnScript('src/main.ts', {
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    DATABASE_PATH: dbPath,
    PORT: '0',
    LOG_LEVEL: 'silent',
  });
  const result = await runProcess(fake, child, officers, perOfficer, rate);
  rmSync(dir, { recursive: true, force: true });
  return result;
}

export async function runBareTelegraf(officers: number, perOfficer: number, rate: number): Promise<LoadResult> {
  const fake = await startFakeTelegram({ longPollCapMs: 100 });
  const child = spawnScript('bench/echo-bot.ts', { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot });
  return runProcess(fake, child, officers, perOfficer, rate);
}
