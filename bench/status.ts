// Times leaders' views on a big database: 30 networks (a province and 29 communes), 3,000 agencies,
// 1,000,000 activities. Run: npx tsx bench/status.ts [activities]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, migrateDatabase, openDatabase } from '../db/index.js';
import { seedBigNetwork } from '../db/queries/seed.js';
import { findStatusNetwork } from '../db/queries/status-lookup.js';
import { loadAgencyStatus, loadNetworkStatus, resolveStatusPeriod } from '../db/queries/status-summary.js';
import { loadExportData } from '../db/queries/export-data.js';
import { currentPeriod } from '../src/core/calendar/periods.js';
import { toVnDate } from '../src/core/calendar/vn-time.js';
import { loadActivityTypeCatalog } from '../src/plans/activity-types.js';
import { renderStatusChart } from '../src/reports/chart.js';
import { renderReportDraft } from '../src/reports/docx.js';
import { renderWorkbook } from '../src/reports/xlsx.js';
import { statusSummaryText } from '../src/status/summary-text.js';

const now = new Date('2026-11-21T09:00:00+07:00');
const activities = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'daumoi-bench-'));
const db = openDatabase(join(dir, 'bench.db'));
const catalog = loadActivityTypeCatalog();

async function timed<T>(label: string, fn: () => Promise<T> | T, runs = 1): Promise<T> {
  let result: T | undefined;
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    result = await fn();
    const used = process.cpuUsage(startCpu);
    times.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  // CPU time too: on a shared, busy machine wall time mostly measures the wait for a core.
  console.log(`${label.padEnd(44)} median ${median(times).toFixed(1)} ms wall, ${median(cpu).toFixed(1)} ms CPU (min wall ${Math.min(...times).toFixed(1)}, ${runs} runs)`);
  return result as T;
}

try {
  migrateDatabase(db);
  const yearly = { id: 'y', title: '', frequency: 'yearly' as const, cutoff: 'nd09' as const, deadline: { day: 15, month: 12, wording: '' } };
  const period = currentPeriod(yearly, toVnDate(now));
  const seeded = await timed(`seed ${activities.toLocaleString('en')} activities`, () =>
    seedBigNetwork(db, { networks: 30, agenciesPerNetwork: 100, activities, period, at: now }));
  db.sqlite.pragma('optimize');
  const root = (await findStatusNetwork(db, seeded.parentId))!;
  const child = (await findStatusNetwork(db, seeded.networkIds[5]!))!;
  const status = async (id: string) => {
    const network = id === root.id ? root : child;
    const chosen = await resolveStatusPeriod(db, network.id, now);
    return statusSummaryText(await loadNetworkStatus(db, network, chosen, now, catalog), now);
  };
  await timed('/tinhhinh province (29 children roll-up)', () => status(root.id), 20);
  await timed('/tinhhinh commune', () => status(child.id), 20);
  await timed('/tinhhinh <agency>', async () => {
    const chosen = await resolveStatusPeriod(db, child.id, now);
    const agency = { id: seeded.agencyIds[5]![0]!, slug: 'co-quan-001', name: 'Cơ quan số 001', shortName: null, searchKey: '' };
    return loadAgencyStatus(db, child, agency, chosen, catalog);
  }, 20);
  const data = await timed('load export data (province)', async () => {
    const chosen = await resolveStatusPeriod(db, root.id, now);
    return loadExportData(db, { network: root, chosen, now, catalog });
  }, 3);
  console.log(`  export rows: ${data.activities.length} activities, ${data.submissions.length} submissions`);
  await timed('chart PNG', () => renderStatusChart(data), 5);
  await timed('xlsx (load + render, province)', async () => {
    const chosen = await resolveStatusPeriod(db, root.id, now);
    return renderWorkbook(await loadExportData(db, { network: root, chosen, now, catalog }));
  }, 3);
  await timed('docx (load + render, province)', async () => {
    const chosen = await resolveStatusPeriod(db, root.id, now);
    return renderReportDraft(await loadExportData(db, { network: root, chosen, now, catalog }));
  }, 3);
} finally {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
}
