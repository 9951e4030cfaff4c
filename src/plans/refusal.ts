import { findTaskSections, listAgencies, type Db, type PlanImportRefused } from '../db/index.js';
import { planCliText } from '../messages/plan-cli.js';

/** Why an import was refused, naming the agencies, tasks or duties that hold data (CLI and chat alike). */
export async function explainRefusal(db: Db, networkId: string, refusal: PlanImportRefused): Promise<string> {
  if (refusal.reason === 'agency-in-use') {
    const names = new Map((await listAgencies(db, networkId)).map((a) => [a.slug, a.name]));
    return planCliText.refusedAgencies(refusal.ids.map((slug) => planCliText.agencyItem(slug, names.get(slug))));
  }
  if (refusal.reason === 'task-in-use') {
    const sections = await findTaskSections(db, networkId, refusal.ids);
    return planCliText.refusedTasks(refusal.ids.map((slug) => planCliText.taskItem(slug, sections.get(slug))));
  }
  return planCliText.refusedDuties(refusal.ids);
}
