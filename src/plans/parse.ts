import { planText } from '../messages/plans.js';
import { loadActivityTypeCatalog } from './activity-types.js';
import { crossCheckPlan } from './cross-check.js';
import type { PlanError } from './plan-errors.js';
import { planSchema, type ActivityType, type Plan } from '../kernel/plan.js';
import { salvagedIssues, salvagePlan } from './salvage.js';
import { locateIssues, readYaml } from './yaml-source.js';

// Entry point for plan files: YAML syntax, then the schema, then cross-references; every error in Vietnamese
// with its YAML path and line.

export { formatPlanErrors, type PlanError } from './plan-errors.js';

export type PlanParseResult = { ok: true; plan: Plan } | { ok: false; errors: PlanError[] };

export function parsePlan(
  text: string,
  fileName: string,
  catalog: readonly ActivityType[] = loadActivityTypeCatalog(),
): PlanParseResult {
  // Plans may arrive as chat uploads: a .docx must be refused plainly, not reported as broken YAML.
  if (!/\.ya?ml$/i.test(fileName)) return { ok: false, errors: [{ path: '', message: planText.notYamlFile(fileName) }] };
  const read = readYaml(text, planSchema);
  if (!read.ok) {
    const salvage = read.lineOf && salvagePlan(read.raw);
    if (!salvage || !read.lineOf) return { ok: false, errors: read.errors };
    const more = locateIssues(salvagedIssues(crossCheckPlan(salvage.plan, catalog), salvage), read.lineOf);
    return { ok: false, errors: [...read.errors, ...more] };
  }
  const issues = crossCheckPlan(read.value, catalog);
  if (issues.length > 0) return { ok: false, errors: locateIssues(issues, read.lineOf) };
  return { ok: true, plan: read.value };
}
