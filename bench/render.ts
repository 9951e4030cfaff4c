import { renderWorkbook } from '../src/documents/xlsx.js';
import { exportDataFixture, manyActivities } from '../tests/fixtures/export-data.js';
import { median } from './stats.js';

export interface RenderResult {
  activities: number;
  runs: number;
  /** User + system CPU of this process while rendering (exceljs and zlib), median over the runs. */
  cpuSeconds: number;
  cpuSecondsRange: [number, number];
  wallSeconds: number;
  mb: number;
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

/**
 * The workbook render alone (no database): `activities` activities, capped at the workbook's 100,000 rows, as in
 * tests/documents/render.test.ts. CPU seconds rather than wall time, so other work on the machine counts less.
 */
export async function runRender(activities: number, runs: number): Promise<RenderResult> {
  const data = { ...exportDataFixture(), activities: manyActivities(activities, new Date('2026-12-14T00:00:00Z')) };
  const cpu: number[] = [];
  const wall: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    bytes = (await renderWorkbook(data)).length;
    const used = process.cpuUsage(cpu0);
    wall.push((performance.now() - t0) / 1000);
    cpu.push((used.user + used.system) / 1e6);
  }
  return {
    activities,
    runs,
    cpuSeconds: round(median(cpu)),
    cpuSecondsRange: [round(Math.min(...cpu)), round(Math.max(...cpu))],
    wallSeconds: round(median(wall)),
    mb: round(bytes / 2 ** 20, 1),
  };
}
