import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
import { median, summarize } from './stats.js';

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

/** One process of one bot: its burst rounds, and its memory idle after start and at its peak. */
export interface RunResult {
  updatesPerSec: number;
  rounds: number[];
  /**
   * CPU the bot process spent per update during the measured bursts: less sensitive to other work on the
   * machine than updates/s, which also counts the time the process waited for a core.
   */
  cpuMsPerUpdate: number;
  idleRssMb: number;
  peakRssMb: number;
}

/** One bot over all its runs: medians, with min–max where the spread matters. */
export interface BotFigures {
  updatesPerSec: number;
  updatesPerSecRange: [number, number];
  cpuMsPerUpdate: number;
  idleRssMb: number;
  idleRssMbRange: [number, number];
  peakRssMb: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  runs: RunResult[];
}

export interface LoadComparison {
  officers: number;
  latencyMessages: number;
  pairs: number;
  roundsPerRun: number;
  /** How both processes were started: the same node, the same flags, compiled JavaScript for both. */
  command: string;
  ours: BotFigures;
  bare: BotFigures;
  throughputRatio: { median: number; min: number; max: number; pairs: number[] };
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

/** Resident memory of a process from /proc: VmRSS now, or VmHWM (the peak since it started), in MB. */
function rssOf(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return Math.round(kb / 102.4) / 10;
}

/** CPU time (user + system) a process has used so far, in seconds (/proc/<pid>/stat counts in 1/100 s). */
function cpuOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const NODE_ARGS = [...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), '--enable-source-maps'];

/** Both bots start the way `npm start` starts ours: plain node on JavaScript, no tsx loader. */
function spawnNode(script: string, env: Record<string, string>) {
  return spawn(process.execPath, [...NODE_ARGS, script], {
    cwd: root,
    env: { PATH: process.env.PATH, ...env },
    // BENCH_STDOUT=1 shows the bots' output, e.g. with BENCH_NODE_ARGS=--trace-gc.
    stdio: process.env.BENCH_STDOUT ? ['ignore', 'inherit', 'inherit'] : 'ignore',
  });
}

type Child = ReturnType<typeof spawnNode>;

/** SIGTERM (the bot shuts down cleanly, profiles get written), SIGKILL if it takes over 5 s. */
async function stopGracefully(child: Child): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => void killHard(child), 5000);
  await exited;
  clearTimeout(timer);
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

export interface LoadOptions {
  officers: number;
  /** Messages per officer in the paced latency phase (first pair only). */
  perOfficer: number;
  /** Arrival rate of the latency phase, messages a second. */
  rate: number;
  pairs: number;
  rounds: number;
  /** Bursts before the measured ones, so JIT, SQLite's page cache and the HTTP sockets are warm on both sides. */
  warmup: number;
  /** How long the bot sits after it starts polling before its idle RSS is read. */
  idleMs: number;
}

type Bot = 'ours' | 'bare';

/**
 * One process of one bot against a fresh fake (and, for ours, a fresh copy of the seeded database, so no run
 * inherits the previous run's inbox and outbox rows): idle RSS, one warm-up burst, then `rounds` bursts.
 */
async function runOnce(bot: Bot, template: string, opts: LoadOptions, withLatency: boolean) {
  const fake = await startFakeTelegram({ longPollCapMs: 100 });
  const dir = mkdtempSync(join(tmpdir(), 'daumoi-bench-'));
  const env = { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot };
  let child: Child;
  if (bot === 'ours') {
    const dbPath = join(dir, 'bench.db');
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(template + suffix)) copyFileSync(template + suffix, dbPath + suffix);
    }
    child = spawnNode('dist/main.js', { ...env, DATABASE_PATH: dbPath, PORT: '0', LOG_LEVEL: 'silent' });
  } else {
    child = spawnNode('bench/echo-bot.mjs', env);
  }
  try {
    await until(() => fake.callsOf('getUpdates').length > 0, 30_000, `${bot} to start polling`);
    await new Promise((r) => setTimeout(r, opts.idleMs));
    const idleRssMb = rssOf(child.pid!, 'VmRSS');
    for (let round = 0; round < opts.warmup; round++) await measureThroughput(fake, opts.officers, round);
    const rounds: number[] = [];
    const cpu0 = cpuOf(child.pid!);
    for (let round = 1; round <= opts.rounds; round++) rounds.push(await measureThroughput(fake, opts.officers, round));
    const cpuMsPerUpdate = ((cpuOf(child.pid!) - cpu0) * 1000) / (opts.rounds * opts.officers);
    const latencies = withLatency ? await measureLatency(fake, opts.officers, opts.perOfficer, opts.rate) : [];
    const peakRssMb = rssOf(child.pid!, 'VmHWM');
    const run: RunResult = { updatesPerSec: median(rounds), rounds, cpuMsPerUpdate, idleRssMb, peakRssMb };
    return { run, latencies };
  } finally {
    await stopGracefully(child);
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function figures(runs: RunResult[], latencies: number[]): BotFigures {
  const rates = runs.map((r) => r.updatesPerSec);
  return {
    updatesPerSec: median(rates),
    updatesPerSecRange: [Math.min(...rates), Math.max(...rates)],
    cpuMsPerUpdate: Math.round(median(runs.map((r) => r.cpuMsPerUpdate)) * 1000) / 1000,
    idleRssMb: median(runs.map((r) => r.idleRssMb)),
    idleRssMbRange: [Math.min(...runs.map((r) => r.idleRssMb)), Math.max(...runs.map((r) => r.idleRssMb))],
    // The worst run: the goal is a ceiling, so the highest peak is the one that counts.
    peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
    latencyMs: summarize(latencies),
    runs,
  };
}

/**
 * Our bot and the bare telegraf bot, alternated A B A B for `pairs` pairs, so a noisy neighbour slows both
 * sides of a pair alike; the ratio is taken per pair and reported as median and min–max.
 */
export async function runLoad(opts: LoadOptions, progress: (line: string) => void): Promise<LoadComparison> {
  const seedDir = mkdtempSync(join(tmpdir(), 'daumoi-bench-seed-'));
  const template = join(seedDir, 'seed.db');
  await seedOfficers(template, opts.officers);
  const runs: Record<Bot, RunResult[]> = { ours: [], bare: [] };
  const latencies: Record<Bot, number[]> = { ours: [], bare: [] };
  const ratios: number[] = [];
  try {
    for (let pair = 0; pair < opts.pairs; pair++) {
      for (const bot of ['ours', 'bare'] as const) {
        const { run, latencies: measured } = await runOnce(bot, template, opts, pair === 0);
        runs[bot].push(run);
        latencies[bot].push(...measured);
      }
      const ratio = runs.ours[pair]!.updatesPerSec / runs.bare[pair]!.updatesPerSec;
      ratios.push(ratio);
      const rounds = (bot: Bot) => runs[bot][pair]!.rounds.map(Math.round).join(' ');
      progress(
        `  pair ${pair + 1}/${opts.pairs}: ${Math.round(runs.ours[pair]!.updatesPerSec)} vs ` +
          `${Math.round(runs.bare[pair]!.updatesPerSec)} updates/s = ${ratio.toFixed(2)}, CPU ms/update ` +
          `${runs.ours[pair]!.cpuMsPerUpdate.toFixed(3)} vs ${runs.bare[pair]!.cpuMsPerUpdate.toFixed(3)} ` +
          `(bursts: ours ${rounds('ours')}; bare ${rounds('bare')})`,
      );
    }
  } finally {
    rmSync(seedDir, { recursive: true, force: true });
  }
  const two = (n: number) => Math.round(n * 100) / 100;
  return {
    officers: opts.officers,
    latencyMessages: latencies.ours.length,
    pairs: opts.pairs,
    roundsPerRun: opts.rounds,
    command: `node ${NODE_ARGS.join(' ')} <dist/main.js | bench/echo-bot.mjs>`,
    ours: figures(runs.ours, latencies.ours),
    bare: figures(runs.bare, latencies.bare),
    throughputRatio: {
      median: two(median(ratios)),
      min: two(Math.min(...ratios)),
      max: two(Math.max(...ratios)),
      pairs: ratios.map(two),
    },
  };
}
