import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { runBigData } from './bigdata.js';
import { runFanout } from './fanout.js';
import { runBareTelegraf, runOurBot } from './load.js';

// npm run bench [-- --officers 1000 --messages 3 --rate 100 --chats 5000 --activities 1000000]

function arg(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

const round = (n: number) => Math.round(n * 10) / 10;
const officers = arg('officers', 1000);

console.log(`Load: ${officers} officers…`);
const bare = await runBareTelegraf(officers, arg('messages', 3), arg('rate', 100));
const ours = await runOurBot(officers, arg('messages', 3), arg('rate', 100));
console.log(`Fan-out: ${arg('chats', 5000)} chats with injected 429/500 and a SIGKILL halfway…`);
const fanout = await runFanout(arg('chats', 5000));
console.log(`Big data: 30 networks, 3,000 agencies, ${arg('activities', 1_000_000)} activities…`);
const big = await runBigData(30, 3000, arg('activities', 1_000_000));

const results = {
  machine: {
    cpus: cpus().length,
    model: cpus()[0]?.model,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    date: new Date().toISOString(),
  },
  load: { ours, bare, throughputRatio: Number((ours.updatesPerSec / bare.updatesPerSec).toFixed(2)) },
  fanout,
  bigData: big,
};
writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);

console.table({
  'Đầu Mối': {
    'updates/s': round(ours.updatesPerSec),
    'p50 ms': round(ours.p50),
    'p95 ms': round(ours.p95),
    'p99 ms': round(ours.p99),
    'RSS MB': ours.peakRssMb,
  },
  'bare telegraf': {
    'updates/s': round(bare.updatesPerSec),
    'p50 ms': round(bare.p50),
    'p95 ms': round(bare.p95),
    'p99 ms': round(bare.p99),
    'RSS MB': bare.peakRssMb,
  },
});
console.log(`throughput ratio (Đầu Mối / bare telegraf): ${results.load.throughputRatio}`);
console.table({ fanout });
const { statusMs, ...bigFigures } = big;
console.table({ bigData: { ...bigFigures, 'status p50 ms': statusMs.p50, 'status max ms': statusMs.max } });
process.exit(0);
