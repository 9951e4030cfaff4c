import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { runBigData } from './bigdata.js';
import { runWeb } from './web.js';
import { runFanout } from './fanout.js';
import { printImportTable, runImport, writeImportResult } from './import.js';
import { runLoad } from './load.js';
import { runPostgres } from './postgres.js';
import { runRender } from './render.js';

// npm run bench [-- --officers 1000 --messages 3 --rate 100 --chats 5000 --activities 1000000 --render 120000]
// Run counts by environment: BENCH_PAIRS (3), BENCH_WARMUP (3 bursts), BENCH_ROUNDS (5 bursts per run), BENCH_IDLE_MS (2000),
// BENCH_RENDER_RUNS (3); BENCH_ONLY=load,render runs only those parts and writes bench/out/results.json instead;
// the pg part (webhook throughput on PostgreSQL, --pg-fanout 5000) runs when initdb is found.
// BENCH_ONLY=import: plan drafting quality alone (also npm run bench:import; details in bench/out/import.json).

function arg(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const wants = (part: string) => !only || only.includes(part);

/** The figures in the README before this benchmark compiled both bots (the bot then ran through tsx). */
const BEFORE = {
  date: '2026-11-21',
  how: 'our bot through tsx, echo bot through tsx, one run each (best of 3 bursts)',
  oursUpdatesPerSec: 3386,
  bareUpdatesPerSec: 7903,
  throughputRatio: 0.43,
  oursPeakRssMb: 210.1,
  oursIdleRssMb: 165,
};

const GOALS = { idleRssMb: 130, peakRssMb: 170, throughputRatio: 0.5 };

const round = (n: number) => Math.round(n * 10) / 10;
const officers = arg('officers', 1000);
const machine = {
  cpus: cpus().length,
  model: cpus()[0]?.model,
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  date: new Date().toISOString(),
  loadAverageAtStart: loadavg().map(round),
  loadAverageAtEnd: [] as number[],
};
const results: Record<string, unknown> = { machine, goals: GOALS, before: BEFORE };
const checks: string[] = [];
const check = (ok: boolean, line: string) => checks.push(`${ok ? 'ok  ' : 'FAIL'} ${line}`);

if (wants('load')) {
  const pairs = env('BENCH_PAIRS', 3);
  console.log(`Load: ${officers} officers, our bot and bare telegraf alternated for ${pairs} pairs…`);
  const load = await runLoad(
    {
      officers,
      perOfficer: arg('messages', 3),
      rate: arg('rate', 100),
      pairs,
      rounds: env('BENCH_ROUNDS', 5),
      warmup: env('BENCH_WARMUP', 3),
      idleMs: env('BENCH_IDLE_MS', 2000),
    },
    (line) => console.log(line),
  );
  results.load = load;
  const row = (f: typeof load.ours) => ({
    'updates/s (median)': Math.round(f.updatesPerSec),
    'updates/s min–max': f.updatesPerSecRange.map(Math.round).join('–'),
    'CPU ms/update': f.cpuMsPerUpdate,
    'p50/p95/p99 ms': [f.latencyMs.p50, f.latencyMs.p95, f.latencyMs.p99].map(round).join(' / '),
    'idle RSS MB': f.idleRssMb,
    'peak RSS MB': f.peakRssMb,
  });
  console.table({ 'Đầu Mối': row(load.ours), 'bare telegraf': row(load.bare) });
  const r = load.throughputRatio;
  console.log(`throughput ratio (Đầu Mối / bare telegraf): median ${r.median}, min–max ${r.min}–${r.max}`);
  const worstIdle = load.ours.idleRssMbRange[1];
  check(worstIdle <= GOALS.idleRssMb, `idle RSS ${worstIdle} MB (worst of ${pairs} runs) ≤ ${GOALS.idleRssMb} MB`);
  check(
    load.ours.peakRssMb <= GOALS.peakRssMb,
    `peak RSS under load ${load.ours.peakRssMb} MB ≤ ${GOALS.peakRssMb} MB`,
  );
  check(r.median >= GOALS.throughputRatio, `throughput ${Math.round(r.median * 100)} % of bare telegraf ≥ 50 %`);
}
if (wants('render')) {
  const activities = arg('render', 120_000);
  console.log(`Workbook render: ${activities} activities capped at 100,000 rows…`);
  results.render = await runRender(activities, env('BENCH_RENDER_RUNS', 3));
  console.table({ render: results.render });
}
if (wants('fanout')) {
  console.log(`Fan-out: ${arg('chats', 5000)} chats with injected 429/500 and a SIGKILL halfway…`);
  results.fanout = await runFanout(arg('chats', 5000));
  console.table({ fanout: results.fanout });
}
if (wants('bigdata')) {
  console.log(`Big data: 30 networks, 3,000 agencies, ${arg('activities', 1_000_000)} activities…`);
  const big = await runBigData(30, 3000, arg('activities', 1_000_000));
  results.bigData = big;
  const { statusMs, ...bigFigures } = big;
  console.table({ bigData: { ...bigFigures, 'status p50 ms': statusMs.p50, 'status max ms': statusMs.max } });
}
if (wants('web')) {
  console.log(`Web network page: 30 networks, 3,000 agencies, ${arg('activities', 1_000_000)} activities…`);
  const web = await runWeb(3000, arg('activities', 1_000_000));
  results.web = web;
  console.table({
    web: {
      'page p50 ms': web.networkPageMs.p50,
      'page max ms': web.networkPageMs.max,
      'commune p50 ms': web.communePageMs,
      'page KB': web.networkPageKb,
    },
  });
  check(web.networkPageMs.p50 <= 300, `web network page p50 ${web.networkPageMs.p50} ms <= 300 ms`);
}

if (wants('pg')) {
  console.log('PostgreSQL: webhook throughput with 1 and 3 instances beside SQLite, fan-out with the leader killed…');
  const pgFigures = await runPostgres((line) => console.log(line), arg('pg-fanout', 5000));
  results.postgres = pgFigures;
  if ('throughput' in pgFigures) {
    console.table(
      Object.fromEntries(
        pgFigures.throughput.map((t) => [
          `${t.instances} × ${t.database}`,
          {
            'updates/s': t.updatesPerSec,
            'p50/p95/p99 ms': [t.latencyMs.p50, t.latencyMs.p95, t.latencyMs.p99].join(' / '),
          },
        ]),
      ),
    );
    console.table({ failover: pgFigures.failover });
    const [, one, three] = pgFigures.throughput;
    const f = pgFigures.failover;
    check(
      three!.updatesPerSec >= 1.5 * one!.updatesPerSec,
      `3 instances ${three!.updatesPerSec}/s ≥ 1.5 × 1 instance ${one!.updatesPerSec}/s`,
    );
    check(
      f.shareOf30 >= 0.95 && f.duplicates === 0 && f.lost === 0,
      `fan-out ${f.shareOf30 * 100} % of 30/s, ${f.duplicates} duplicates, ${f.lost} lost`,
    );
    check(f.failoverMs < 2000, `failover ${f.failoverMs} ms < 2000 ms`);
  } else console.log(`PostgreSQL section skipped: ${pgFigures.skipped}`);
}

if (wants('import')) {
  console.log('Plan drafting quality: seeds and own documents as .txt, .docx, .docx with Word lists, .pdf…');
  const drafting = await runImport();
  writeImportResult(drafting);
  results.import = { goals: drafting.goals, table: drafting.table };
  printImportTable(drafting);
  for (const c of drafting.checks) check(c.ok, c.line);
}

machine.loadAverageAtEnd = loadavg().map(round);
let out = new URL('./results.json', import.meta.url);
if (only) {
  mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
  out = new URL('./out/results.json', import.meta.url);
}
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
for (const line of checks) console.log(line);
process.exit(0);
