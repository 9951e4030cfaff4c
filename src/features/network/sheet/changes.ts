import { createHash } from 'node:crypto';
import type { AgencyChange, ImportableAgency, NewAgency } from '../../../db/index.js';
import { normalize } from '../../../kernel/text.js';
import { importText as m } from '../../../messages/network.js';
import type { AgencyRowInput, RowProblem } from './rows.js';

// What an agency list changes in a network: a row whose name or alias is an existing agency's name or alias
// (without diacritics or case) updates that agency, adding what it brings (aliases, kind, short name, expected
// officer); any other row adds an agency. Nothing is deleted and no existing name is replaced.

export interface ImportPlan {
  add: NewAgency[];
  update: { change: AgencyChange; name: string }[];
  unchanged: number;
  /** Same plan, same digest: what the admin confirmed is what gets written. */
  digest: string;
}

export type PlanResult = { ok: true; plan: ImportPlan } | { ok: false; problems: RowProblem[] };

export function planImport(rows: AgencyRowInput[], existing: ImportableAgency[]): PlanResult {
  const byKey = new Map<string, ImportableAgency>();
  for (const agency of existing)
    for (const key of [agency.name, ...agency.aliases])
      if (!byKey.has(normalize(key))) byKey.set(normalize(key), agency);
  const slugs = new Set(existing.map((a) => a.slug));
  const claimed = new Map<number, number>();
  const problems: RowProblem[] = [];
  const plan: Omit<ImportPlan, 'digest'> = { add: [], update: [], unchanged: 0 };
  for (const row of rows) {
    const match = [row.name, ...row.aliases].map((n) => byKey.get(normalize(n))).find(Boolean);
    if (!match) {
      plan.add.push(newAgency(row, slugs));
      continue;
    }
    const earlier = claimed.get(match.id);
    if (earlier !== undefined) {
      problems.push({ row: row.row, problem: m.problems.duplicate(row.name, earlier) });
      continue;
    }
    claimed.set(match.id, row.row);
    const change = mergeInto(match, row);
    if (change) plan.update.push({ change, name: match.name });
    else plan.unchanged++;
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, plan: { ...plan, digest: digestOf(plan) } };
}

function newAgency(row: AgencyRowInput, slugs: Set<string>): NewAgency {
  const slug = freeSlug(row.name, slugs);
  slugs.add(slug);
  return {
    slug,
    name: row.name,
    shortName: row.short ?? null,
    aliases: row.aliases,
    kind: row.kind ?? 'khac',
    contact: row.contact ?? null,
  };
}

/** The agency with what the row adds; undefined when the row brings nothing new. */
function mergeInto(agency: ImportableAgency, row: AgencyRowInput): AgencyChange | undefined {
  const known = new Set([agency.name, ...agency.aliases].map(normalize));
  const added = [row.name, ...row.aliases].filter((n) => !known.has(normalize(n)));
  const aliases = [...agency.aliases, ...new Set(added)];
  const shortName = row.short ?? agency.shortName;
  const kind = row.kind ?? agency.kind;
  const contact = row.contact ? { ...agency.contact, ...row.contact } : agency.contact;
  const same =
    added.length === 0 &&
    shortName === agency.shortName &&
    kind === agency.kind &&
    JSON.stringify(contact) === JSON.stringify(agency.contact);
  return same ? undefined : { id: agency.id, shortName, aliases, kind, contact };
}

function freeSlug(name: string, taken: Set<string>): string {
  const base =
    normalize(name)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'co-quan';
  let slug = base;
  for (let i = 2; taken.has(slug); i++) slug = `${base}-${i}`;
  return slug;
}

function digestOf(plan: Omit<ImportPlan, 'digest'>): string {
  return createHash('sha256').update(JSON.stringify(plan)).digest('hex').slice(0, 16);
}
