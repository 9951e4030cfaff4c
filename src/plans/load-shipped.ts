import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countNetworks, importPlan, type Db } from '../db/index.js';
import type { Logger } from '../logger.js';
import { formatPlanErrors, parsePlan } from './parse.js';

const CATALOG_FILE = 'activity-types.yaml';

/** Plan files of a folder (the activity type catalog is not a plan). */
export function listPlanFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/i.test(name) && name !== CATALOG_FILE)
    .sort()
    .map((name) => join(dir, name));
}

/** On first start (no network yet), imports every shipped plan. */
export async function loadShippedPlans(db: Db, dir: string, now: Date, log: Logger): Promise<number> {
  if ((await countNetworks(db)) > 0) return 0;
  let imported = 0;
  for (const file of listPlanFiles(dir)) {
    const parsed = parsePlan(readFileSync(file, 'utf8'), file);
    if (!parsed.ok) {
      log.error({ file, errors: formatPlanErrors(parsed.errors, file) }, 'shipped plan is invalid');
      continue;
    }
    await importPlan(db, parsed.plan, null, now);
    imported++;
  }
  log.info({ imported }, 'shipped plans loaded');
  return imported;
}
