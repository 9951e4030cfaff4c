import { z } from 'zod';
import { findNetworkActivityTypes } from '../../db/index.js';
import type { Services } from '../../bot/context.js';
import { mergeActivityTypes } from '../../plans/activity-types.js';
import { activityTypeSchema, type ActivityType } from '../../kernel/plan.js';

const overridesSchema = z.array(activityTypeSchema);

/** The shipped catalog with the network plan's overrides and additions. */
export async function typesForNetwork(services: Services, networkId: string): Promise<ActivityType[]> {
  const stored = await findNetworkActivityTypes(services.db, networkId);
  if (!stored) return services.activityTypes;
  const parsed = overridesSchema.safeParse(stored);
  if (!parsed.success) {
    // Plans are validated at import, so this is a schema drift: fall back rather than block officers.
    services.log.warn({ networkId }, 'stored activity types do not match the schema; using the catalog');
    return services.activityTypes;
  }
  return mergeActivityTypes(services.activityTypes, parsed.data);
}
