import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
// The SQLite handle itself: the seeder writes through prepared statements, and the file is optimized after.
import { closeDatabase, migrateDatabase, openDatabase } from '../src/db/client.js';
import { seedBigNetwork } from '../src/db/queries/seed.js';
import { createApp } from '../src/app.js';
import { runCli } from '../src/cli.js';
import { loadConfig } from '../src/config.js';
import { currentPeriod } from '../src/kernel/calendar/periods.js';
import { toVnDate } from '../src/kernel/calendar/vn-time.js';
import { percentile } from './stats.js';

export interface BigDataResult {
  networks: number;
  agencies: number;
  activities: number;
  seedSeconds: number;
  statusMs: { p50: number; max: number };
  communeStatusMs: number;
  xlsxSeconds: number;
  xlsxMb: number;
  docxSeconds: number;
}

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

/** /tinhhinh (province with 29 communes, and one commune) and both exports on a database of `networks` networks with `agencies` agencies and `activities` activities. */
export async function runBigData(networks: number, agencies: number, activities: number): Promise<BigDataResult> {
  const dir = mkdtempSync(join(tmpdir(), 'daumoi-big-'));
  const dbPath = join(dir, 'big.db');
  const now = new Date('2026-11-21T09:00:00+07:00');
  const period = currentPeriod(
    {
      id: 'bao-cao-nam',
      title: 'Báo cáo năm',
      frequency: 'yearly',
      cutoff: 'nd09',
      deadline: { day: 15, month: 12, wording: 'trước ngày 15/12' },
    },
    toVnDate(now),
  );
  const db = openDatabase(dbPath);
  migrateDatabase(db);
  const t0 = performance.now();
  const seeded = seedBigNetwork(db, {
    networks,
    agenciesPerNetwork: Math.round(agencies / networks),
    activities,
    period,
    at: now,
  });
  const seedSeconds = (performance.now() - t0) / 1000;
  db.sqlite.pragma('optimize');
  closeDatabase(db);

  const env = { DATABASE_PATH: dbPath, PORT: '0', ADMINS: 'console:admin', LOG_LEVEL: 'silent' };
  // The clock moves a second per reading, so the router's flood guard never slows the repeated questions.
  let tick = 0;
  const clock = () => new Date(now.getTime() + 1000 * tick++);
  const app = await createApp(loadConfig(env), { log: pino({ level: 'silent' }), clock, scheduler: false });
  const ask = async (network: string) => {
    const started = performance.now();
    await app.core.handle({
      platform: 'console',
      chat: { id: 'admin', type: 'private' },
      sender: { id: 'admin', name: 'Quản trị' },
      text: `/tinhhinh ${network}`,
      command: { name: 'tinhhinh', args: network },
      attachments: [],
      addressed: true,
      date: now,
    });
    return performance.now() - started;
  };
  const times: number[] = [];
  for (let i = 0; i < 20; i++) times.push(await ask(seeded.parentId));
  const communes: number[] = [];
  for (let i = 0; i < 20; i++) communes.push(await ask(seeded.networkIds[5]!));
  await app.stop();
  times.sort((a, b) => a - b);
  communes.sort((a, b) => a - b);

  const io = { env, out: () => undefined, err: (line: string) => process.stderr.write(`${line}\n`) };
  const timed = async (format: string) => {
    const out = join(dir, `export.${format}`);
    const started = performance.now();
    const code = await runCli(
      ['export', '--network', seeded.parentId, '--period', period.key, '--format', format, '--out', out],
      io,
    );
    if (code !== 0) throw new Error(`export ${format} failed`);
    return { seconds: (performance.now() - started) / 1000, bytes: statSync(out).size };
  };
  const xlsx = await timed('xlsx');
  const docx = await timed('docx');
  rmSync(dir, { recursive: true, force: true });
  return {
    networks,
    agencies,
    activities,
    seedSeconds: round(seedSeconds),
    statusMs: { p50: round(percentile(times, 50)), max: round(times[times.length - 1]!) },
    communeStatusMs: round(percentile(communes, 50)),
    xlsxSeconds: round(xlsx.seconds, 2),
    xlsxMb: round(xlsx.bytes / 2 ** 20),
    docxSeconds: round(docx.seconds, 2),
  };
}
