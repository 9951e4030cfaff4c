// Times leaders' views through the real router and exporter on a big database: 30 networks (a province
// and 29 communes), 3,000 agencies, 1,000,000 activities. Run: npx tsx bench/status.ts [activities]
// BENCH_CACHE_MB=64 tries a larger SQLite page cache than the default 2 MB.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { closeDatabase, findStatusNetwork, migrateDatabase, openDatabase, resolveStatusPeriod } from '../db/index.js';
import { seedBigNetwork } from '../db/queries/seed.js';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { currentPeriod } from '../src/core/calendar/periods.js';
import { toVnDate } from '../src/core/calendar/vn-time.js';
import { buildExportFiles } from '../src/status/export-files.js';

const now = new Date('2026-11-21T09:00:00+07:00');
const activities = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'daumoi-bench-'));
const env = { DATABASE_PATH: join(dir, 'bench.db'), PORT: '0', ADMINS: 'console:admin', PLANS_DIR: join(dir, 'no-plans') };

async function timed<T>(label: string, fn: () => Promise<T> | T, runs = 1): Promise<T> {
  let result: T | undefined;
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    result = await fn();
    const used = process.cpuUsage(startCpu);
    wall.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  // CPU time too: on a shared, busy machine wall time mostly measures the wait for a core.
  console.log(`${label.padEnd(40)} median ${median(wall).toFixed(1)} ms wall, ${median(cpu).toFixed(1)} ms CPU (min wall ${Math.min(...wall).toFixed(1)}, ${runs} runs)`);
  return result as T;
}

function seed(): ReturnType<typeof seedBigNetwork> {
  const db = openDatabase(env.DATABASE_PATH);
  try {
    migrateDatabase(db);
    const yearly = { id: 'y', title: '', frequency: 'yearly' as const, cutoff: 'nd09' as const, deadline: { day: 15, month: 12, wording: '' } };
    const period = currentPeriod(yearly, toVnDate(now));
    const seeded = seedBigNetwork(db, { networks: 30, agenciesPerNetwork: 100, activities, period, at: now });
    db.sqlite.pragma('optimize');
    return seeded;
  } finally {
    closeDatabase(db);
  }
}

try {
  const seeded = await timed(`seed ${activities.toLocaleString('en')} activities`, seed);
  mkdirSync(env.PLANS_DIR);
  // The clock moves a second per reading, so the router's flood guard never slows the repeated questions.
  let tick = 0;
  const clock = () => new Date(now.getTime() + 1000 * tick++);
  const app = await createApp(loadConfig(env), { log: pino({ level: 'silent' }), clock, scheduler: false });
  if (process.env.BENCH_CACHE_MB) app.db.sqlite.pragma(`cache_size = -${Number(process.env.BENCH_CACHE_MB) * 1024}`);
  const ask = (text: string) => app.core.handle({
    platform: 'console', chat: { id: 'admin', type: 'private' }, sender: { id: 'admin', name: 'Quản trị' }, text,
    command: { name: 'tinhhinh', args: text.slice('/tinhhinh '.length) }, attachments: [], addressed: true, date: now,
  });
  await timed('/tinhhinh province (29 children, chart)', () => ask(`/tinhhinh ${seeded.parentId}`), 20);
  await timed('/tinhhinh commune (chart)', () => ask(`/tinhhinh ${seeded.networkIds[5]}`), 20);
  await timed('/tinhhinh <agency>', () => ask(`/tinhhinh ${seeded.networkIds[5]} co-quan-001`), 20);
  const root = (await findStatusNetwork(app.db, seeded.parentId))!;
  const chosen = await resolveStatusPeriod(app.db, root.id, now);
  for (const format of ['xlsx', 'docx'] as const) {
    const [file] = await timed(`${format} export (province)`, () =>
      buildExportFiles(app.db, { network: root, chosen, now, catalog: app.services.activityTypes, formats: [format] }), 3);
    console.log(`  ${file!.file.fileName}: ${(file!.file.data.length / 2 ** 20).toFixed(1)} MB`);
  }
  await app.stop();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
