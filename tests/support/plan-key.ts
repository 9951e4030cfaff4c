// Scoring a drafted plan against an answer key: a shipped plan (plans/*.yaml, for the seed documents) or a
// short key file (tests/fixtures/plan-documents/*.key.yaml) for the documents made to vary the layout. Used by
// bench/import.ts and tests/plans/own-documents.test.ts.

import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Plan, PlanDuty } from '../../src/kernel/plan.js';
import { normalize } from '../../src/kernel/text.js';

export interface KeyPair {
  section: string;
  /** Normalized agency name, or "all". */
  agency: string;
  role: 'lead' | 'coordinate';
}

export interface KeyDuty {
  frequency: PlanDuty['frequency'];
  /** "13/12" (yearly), "2025-09-25" (once), "20" or "5+1" (day, months after the period): only when stated. */
  deadline?: string;
  /** Normalized name of the receiving agency, when it is one of the plan's. */
  receiver?: string;
}

export interface AnswerKey {
  network?: { id: string; name: string; level: Plan['network']['level'] };
  pairs: KeyPair[];
  /** "section date" of every task deadline the document sets. */
  deadlines: string[];
  duties: KeyDuty[];
}

/** A network's choice, not the document's: "ngày 15/12 hằng năm (hạn do mạng lưới chọn)". */
const chosen = (wording: string) => /mạng lưới chọn/u.test(wording);

function dutyDeadline(duty: PlanDuty): string | undefined {
  const { day, month, date, monthsAfterCutoff, wording } = duty.deadline;
  if (chosen(wording)) return undefined;
  if (duty.frequency === 'once') return date;
  if (duty.frequency === 'yearly') return `${day}/${month}`;
  return monthsAfterCutoff ? `${day}+${monthsAfterCutoff}` : String(day);
}

/** The key a shipped plan gives. */
export function keyOfPlan(plan: Plan): AnswerKey {
  const names = new Map(plan.agencies.map((a) => [a.id, normalize(a.name)]));
  return {
    network: plan.network,
    pairs: plan.tasks.flatMap((t) =>
      (t.agencies === 'all' ? ['all'] : t.agencies.map((id) => names.get(id)!)).map((agency) => ({
        section: t.section,
        agency,
        role: t.role,
      })),
    ),
    deadlines: plan.tasks.filter((t) => t.deadline).map((t) => `${t.section} ${t.deadline}`),
    duties: plan.duties.map((d) => ({
      frequency: d.frequency,
      ...(dutyDeadline(d) ? { deadline: dutyDeadline(d) } : {}),
      ...(d.receiverAgency ? { receiver: names.get(d.receiverAgency)! } : {}),
    })),
  };
}

interface KeyFile {
  network?: AnswerKey['network'];
  tasks: string[];
  deadlines?: Record<string, string>;
  duties?: { frequency: KeyDuty['frequency']; deadline?: string; receiver?: string }[];
}

/** A key file: tasks as "section | agency | role" (role lead when left out, agency "all" for everyone). */
export function readKey(text: string): AnswerKey {
  const file = parse(text) as KeyFile;
  return {
    ...(file.network ? { network: file.network } : {}),
    pairs: file.tasks.map((line) => {
      const [section, agency, role] = line.split('|').map((s) => s.trim());
      return { section: section!, agency: normalize(agency!), role: role === 'coordinate' ? 'coordinate' : 'lead' };
    }),
    deadlines: Object.entries(file.deadlines ?? {}).map(([section, date]) => `${section} ${date}`),
    duties: (file.duties ?? []).map((d) => ({
      frequency: d.frequency,
      ...(d.deadline ? { deadline: String(d.deadline) } : {}),
      ...(d.receiver ? { receiver: normalize(d.receiver) } : {}),
    })),
  };
}

const documentsDir = new URL('../fixtures/plan-documents/', import.meta.url);

/** The documents made for the benchmark: each .txt with its .key.yaml. */
export function ownDocuments(): { name: string; text: string; key: AnswerKey }[] {
  return readdirSync(documentsDir)
    .filter((f) => f.endsWith('.key.yaml'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.key\.yaml$/, '');
      return {
        name,
        text: readFileSync(new URL(`${name}.txt`, documentsDir), 'utf8'),
        key: readKey(readFileSync(new URL(f, documentsDir), 'utf8')),
      };
    });
}

export interface Score {
  /** Pairs (agency, section) in the draft, in the key, in both. */
  drafted: number;
  expected: number;
  matched: number;
  /** Matched pairs whose role (lead, coordinate) is the key's too. */
  rolesRight: number;
  deadlinesFound: number;
  deadlinesExpected: number;
  /** Deadlines the draft sets that the key has not (a cited document's date taken for one). */
  deadlinesWrong: number;
  dutiesFound: number;
  dutiesExpected: number;
  /** Duties drafted that match none of the key's. */
  dutiesExtra: number;
  networkRight: boolean;
}

/** A drafted agency is the key's when the key's name is its name, short name or an alias. */
export function score(draft: Plan, key: AnswerKey): Score {
  const namesOf = new Map(
    draft.agencies.map((a) => [a.id, new Set([a.name, a.short ?? '', ...a.aliases].filter(Boolean).map(normalize))]),
  );
  const drafted = draft.tasks.flatMap((t) =>
    (t.agencies === 'all' ? [undefined] : t.agencies).map((id) => ({
      section: t.section,
      id,
      role: t.role,
      used: false,
    })),
  );
  let matched = 0;
  let rolesRight = 0;
  for (const want of key.pairs) {
    const hit = drafted.find(
      (d) =>
        !d.used &&
        d.section === want.section &&
        (want.agency === 'all' ? d.id === undefined : d.id !== undefined && namesOf.get(d.id)!.has(want.agency)),
    );
    if (!hit) continue;
    hit.used = true;
    matched++;
    if (hit.role === want.role) rolesRight++;
  }
  const draftKey = keyOfPlan(draft);
  const deadlines = new Set(draftKey.deadlines);
  const receiverOf = (d: PlanDuty) => (d.receiverAgency ? namesOf.get(d.receiverAgency) : undefined);
  const unused = [...draft.duties];
  let dutiesFound = 0;
  for (const want of key.duties) {
    const i = unused.findIndex(
      (d) =>
        d.frequency === want.frequency &&
        dutyDeadline(d) === want.deadline &&
        (want.receiver ? receiverOf(d)?.has(want.receiver) === true : !d.receiverAgency),
    );
    if (i < 0) continue;
    unused.splice(i, 1);
    dutiesFound++;
  }
  const net = key.network;
  return {
    drafted: drafted.length,
    expected: key.pairs.length,
    matched,
    rolesRight,
    deadlinesFound: key.deadlines.filter((d) => deadlines.has(d)).length,
    deadlinesExpected: key.deadlines.length,
    deadlinesWrong: [...deadlines].filter((d) => !key.deadlines.includes(d)).length,
    dutiesFound,
    dutiesExpected: key.duties.length,
    dutiesExtra: unused.length,
    networkRight:
      !net || (net.id === draft.network.id && net.name === draft.network.name && net.level === draft.network.level),
  };
}
