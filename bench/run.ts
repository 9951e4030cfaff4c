import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { runBareTelegraf, runOurBot } from './load.js';

// npm run bench [-- --officers 1000 --messages 3 --rate 100]

function arg(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

const officers = arg('officers', 1000);
const perOfficer = arg('messages', 3);
const rate = arg('rate', 100);
const round = (n: number) => Math.round(n * 10) / 10;

const bare = await runBareTelegraf(officers, perOfficer, rate);
const ours = await runOurBot(officers, perOfficer, rate);
const results = {
  machine: { cpus: cpus().length, model: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, date: new Date().toISOString() },
  load: { ours, bare, throughputRatio: round(ours.updatesPerSec / bare.updatesPerSec) },
};
writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
console.table({
  'Đầu Mối': { 'updates/s': round(ours.updatesPerSec), p50: round(ours.p50), p95: round(ours.p95), p99: round(ours.p99), 'RSS MB': ours.peakRssMb },
  'bare telegraf': { 'updates/s': round(bare.updatesPerSec), p50: round(bare.p50), p95: round(bare.p95), p99: round(bare.p99), 'RSS MB': bare.peakRssMb },
});
console.log(`throughput ratio (Đầu Mối / bare telegraf): ${results.load.throughputRatio}`);
process.exit(0);
