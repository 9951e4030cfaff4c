import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
// The SQLite handle itself: the seeder writes through prepared statements, and the file is optimized after.
import { closeDatabase, migrateDatabase, openDatabase } from '../src/db/client.js';
import { seedBigNetwork } from '../src/db/queries/seed.js';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { currentPeriod } from '../src/kernel/calendar/periods.js';
import { toVnDate } from '../src/kernel/calendar/vn-time.js';
import { percentile } from './stats.js';

export interface WebResult {
  agencies: number;
  activities: number;
  /** The province's network page (its 100 agencies, the roll-up of 29 communes, the chart): server time. */
  networkPageMs: { p50: number; max: number };
  communePageMs: number;
  networkPageKb: number;
}

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const RUNS = 20;

/** The web network page on the big database (30 networks, `agencies` agencies, `activities` activities). */
export async function runWeb(agencies: number, activities: number): Promise<WebResult> {
  const dir = mkdtempSync(join(tmpdir(), 'daumoi-web-'));
  const dbPath = join(dir, 'big.db');
  const now = new Date('2026-11-21T09:00:00+07:00');
  const duty = {
    id: 'bao-cao-nam',
    title: 'Báo cáo năm',
    frequency: 'yearly' as const,
    cutoff: 'nd09' as const,
    deadline: { day: 15, month: 12, wording: 'trước ngày 15/12' },
  };
  const db = openDatabase(dbPath);
  migrateDatabase(db);
  const seeded = seedBigNetwork(db, {
    networks: 30,
    agenciesPerNetwork: Math.round(agencies / 30),
    activities,
    period: currentPeriod(duty, toVnDate(now)),
    at: now,
  });
  db.sqlite.pragma('optimize');
  closeDatabase(db);

  const env = {
    DATABASE_PATH: dbPath,
    PORT: '0',
    ADMINS: 'console:admin',
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://127.0.0.1',
  };
  let tick = 0;
  const clock = () => new Date(now.getTime() + 1000 * tick++);
  const app = await createApp(loadConfig(env), { log: pino({ level: 'silent' }), clock, scheduler: false });
  await app.start();
  const base = `http://127.0.0.1:${app.port}`;
  const [reply] = await app.core.handle({
    platform: 'console',
    chat: { id: 'admin', type: 'private' },
    sender: { id: 'admin', name: 'Quản trị' },
    text: '/web',
    command: { name: 'web', args: '' },
    attachments: [],
    addressed: true,
    date: now,
  });
  const token = /\/web\/login\/(\S+)/.exec(reply!.text)![1]!;
  const login = await fetch(`${base}/web/login/${token}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: env.PUBLIC_URL },
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const timePage = async (network: string) => {
    const started = performance.now();
    const response = await fetch(`${base}/web/n/${network}`, { headers: { cookie } });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`web page ${network}: ${response.status}`);
    return { ms: performance.now() - started, bytes: Buffer.byteLength(body) };
  };
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const run = await timePage(seeded.parentId);
    times.push(run.ms);
    bytes = run.bytes;
  }
  const communes: number[] = [];
  for (let i = 0; i < RUNS; i++) communes.push((await timePage(seeded.networkIds[5]!)).ms);
  await app.stop();
  rmSync(dir, { recursive: true, force: true });
  times.sort((a, b) => a - b);
  communes.sort((a, b) => a - b);
  return {
    agencies,
    activities,
    networkPageMs: { p50: round(percentile(times, 50)), max: round(times.at(-1)!) },
    communePageMs: round(percentile(communes, 50)),
    networkPageKb: round(bytes / 1024),
  };
}
