import { readFileSync } from 'node:fs';
import { importPlan, listNetworks, PlanImportRefused, type Db } from '../db/index.js';
import { fileProblem } from '../messages/cli.js';
import { planCliText } from '../messages/index.js';
import { formatPlanErrors, parsePlan } from '../plans/parse.js';
import { explainRefusal } from '../plans/refusal.js';
import type { Plan } from '../kernel/plan.js';
import { withDatabase } from './open-db.js';
import { runPlanDraft } from './plan-draft.js';
import type { CliCommand, CliIo } from './types.js';

/** daumoi plan validate FILE | import FILE | list */
export const planCli: CliCommand = {
  name: 'plan',
  usage: planCliText.usage,
  async run(args, io) {
    const [sub, file] = args;
    if (sub === 'list') return list(io);
    if (sub === 'draft') return runPlanDraft(args.slice(1), io);
    if (sub !== 'validate' && sub !== 'import') {
      io.err(`Cách dùng:\n  ${planCliText.usage}`);
      return 2;
    }
    if (!file) {
      io.err(planCliText.missingFile(sub));
      return 2;
    }
    const plan = readPlan(file, io);
    if (!plan) return 1;
    if (sub === 'validate') {
      io.out(
        planCliText.valid(file, plan.network.name, plan.network.id, {
          documents: plan.documents.length,
          agencies: plan.agencies.length,
          tasks: plan.tasks.length,
          duties: plan.duties.length,
          templates: plan.templates.length,
        }),
      );
      return 0;
    }
    return withDatabase(io, (db) => importFile(db, plan, io));
  },
};

/** The parsed plan, or undefined after printing why it cannot be used (line-numbered, in Vietnamese). */
function readPlan(file: string, io: CliIo): Plan | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    io.err(planCliText.unreadable(file, fileProblem('read', error)));
    return undefined;
  }
  const parsed = parsePlan(text, file);
  if (parsed.ok) return parsed.plan;
  io.err(planCliText.invalid(file, parsed.errors.length));
  for (const line of formatPlanErrors(parsed.errors, file)) io.err(`  ${line}`);
  return undefined;
}

async function importFile(db: Db, plan: Plan, io: CliIo): Promise<number> {
  const { id, name } = plan.network;
  try {
    // The command line is the edge of the program: the current time is read here.
    const result = await importPlan(db, plan, null, new Date());
    io.out(result.unchanged ? planCliText.unchanged(name, id) : planCliText.imported(name, id, result));
    return 0;
  } catch (error) {
    if (!(error instanceof PlanImportRefused)) throw error;
    io.err(await explainRefusal(db, id, error));
    return 1;
  }
}

async function list(io: CliIo): Promise<number> {
  return withDatabase(io, async (db) => {
    const networks = await listNetworks(db);
    if (networks.length === 0) io.out(planCliText.listEmpty);
    else io.out([planCliText.listTitle(networks.length), ...networks.map(planCliText.listLine)].join('\n'));
    return 0;
  });
}
