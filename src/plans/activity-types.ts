import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { planText } from '../messages/plans.js';
import { duplicateIdIssues, keywordIssues } from './id-checks.js';
import { formatPlanErrors } from './plan-errors.js';
import { activityTypeSchema, type ActivityType } from '../kernel/plan.js';
import { locateIssues, readYaml } from './yaml-source.js';

// The shipped catalog of countable communication activities (plans/activity-types.yaml).

const catalogFile = 'plans/activity-types.yaml';
const catalogUrl = new URL('../../plans/activity-types.yaml', import.meta.url);
const catalogSchema = z.strictObject({ activityTypes: z.array(activityTypeSchema).min(1) });

/** Throws with Vietnamese, line-numbered errors: a broken shipped catalog is a setup mistake. */
export function loadActivityTypeCatalog(): ActivityType[] {
  const read = readYaml(readFileSync(catalogUrl, 'utf8'), catalogSchema);
  if (!read.ok) throw new Error(planText.catalogInvalid(formatPlanErrors(read.errors, catalogFile)));
  const types = read.value.activityTypes;
  const issues = [...duplicateIdIssues(types, ['activityTypes']), ...keywordIssues(types, ['activityTypes'])];
  if (issues.length > 0) {
    throw new Error(planText.catalogInvalid(formatPlanErrors(locateIssues(issues, read.lineOf), catalogFile)));
  }
  return types;
}

/** A plan entry with a catalog id replaces that entry whole; new ids are appended after the catalog. */
export function mergeActivityTypes(
  catalog: readonly ActivityType[],
  planOverrides: readonly ActivityType[] = [],
): ActivityType[] {
  const overrides = new Map(planOverrides.map((type) => [type.id, type]));
  const catalogIds = new Set(catalog.map((type) => type.id));
  return [
    ...catalog.map((type) => overrides.get(type.id) ?? type),
    ...planOverrides.filter((type) => !catalogIds.has(type.id)),
  ];
}
