// Drafting a plan from the text of a local implementing document: layout -> header -> numbered structure ->
// owners, deadlines, reporting duty -> plan YAML, checked with the same parser as `daumoi plan validate`.
// Nothing is guessed silently: every choice the document does not state is in `doubts`.

import { Document } from 'yaml';
import type { Plan } from '../../kernel/plan.js';
import { planDraftText } from '../../messages/plan-draft.js';
import { parsePlan, type PlanError } from '../parse.js';
import { AgencyRegistry, groupsInSentence, slugOf } from './agencies.js';
import { buildDuties } from './duties.js';
import { headerFromTitle, issuerFromText, parseHeader, sentence, type Header } from './header.js';
import { layoutOf } from './layout.js';
import { toParagraphs } from './paragraphs.js';
import { buildTree, leaves } from './structure.js';
import { assignTasks, paragraphLeaves, type DraftTask } from './tasks.js';
import { reorganised, knownAgencies } from './vocabulary.js';

export { extractText, fileTypeProblem, maxDraftBytes, type Extracted } from './extract.js';
export { summarize } from './summary.js';
export { planYaml } from './yaml.js';

export interface DraftOptions {
  /** Shown in the YAML comment and the network note. */
  fileName: string;
  id?: string;
  /** Paragraphs whose numbering was rebuilt from Word's lists (extractText's listLabels): said in the doubts. */
  listLabels?: number;
}

export type DraftResult =
  | { ok: true; plan: Plan; yaml: string; doubts: string[] }
  | { ok: false; error: string; errors?: PlanError[] };

const t = planDraftText;

export function draftPlan(text: string, options: DraftOptions): DraftResult {
  const paras = toParagraphs(text);
  if (paras.length === 0) return { ok: false, error: t.empty };
  const layout = layoutOf(paras);
  const doubts: string[] = [];
  const header = parseHeader(layout.header);
  const whole = paras.map((p) => p.text).join('\n');
  if (!layout.numbered && paras[0]) headerFromTitle(header, paras[0].text);
  issuerFromText(header, whole);

  const registry = new AgencyRegistry();
  const groups = layout.addressees.length > 0 ? layout.addressees : firstGroups(layout.preamble);
  for (const name of groups) registry.add(name, true);

  let found;
  let closing: string[] = [];
  if (layout.numbered) {
    const tree = buildTree(layout.body);
    found = leaves(tree.roots);
    closing = tree.loose;
  } else {
    found = paragraphLeaves(layout.body.map((p) => p.text));
    if (found.length > 0) doubts.push(t.doubt.noNumbering);
  }
  const taskLeaves = found.filter((l) => l.part === 'tasks');
  if (taskLeaves.length === 0) return { ok: false, error: t.noTasks };
  if (!layout.numbered && groups.length === 0) return { ok: false, error: t.noTasks };

  const assigned = assignTasks(taskLeaves, registry);
  const dutyTexts = [...found.filter((l) => l.part === 'duty').map((l) => l.text), ...closing, ...taskLeaves.map((l) => l.text)];
  const duties = buildDuties(dutyTexts, registry, doubts);
  applySuccessors(registry, doubts);

  const network = networkOf(header, options, doubts);
  headerDoubts(header, doubts);
  if (!layout.ended) doubts.push(t.doubt.cutOff);
  if (options.listLabels) doubts.push(t.doubt.wordNumbering(options.listLabels));
  doubts.push(...assigned.doubts);

  const documentId = `${header.kind}-${header.year ?? 'van-ban'}`;
  const url = /https?:\/\/\S+/u.exec(whole)?.[0];
  const plan = {
    network,
    documents: [
      {
        id: documentId,
        number: header.number || t.unknownNumber,
        ...(header.date ? { date: header.date } : {}),
        issuer: header.issuer ?? network.name,
        subject: header.subject ?? network.name,
        ...(url && !layout.numbered ? { source: url } : {}),
      },
    ],
    agencies: registry.list.map(({ group: _group, ...a }) => (a.aliases.length ? a : withoutAliases(a))),
    tasks: taskRows(assigned.tasks, documentId),
    ...(duties.length ? { duties } : {}),
    templates: [t.template],
  };
  const doc = new Document(plan);
  doc.commentBefore = t.yamlComment(options.fileName);
  const yaml = doc.toString({ lineWidth: 0 });
  const parsed = parsePlan(yaml, 'draft.yaml');
  if (!parsed.ok) return { ok: false, error: t.invalidDraft(parsed.errors.length), errors: parsed.errors };
  return { ok: true, plan: parsed.plan, yaml, doubts };
}

/** The groups named by the first preamble sentence that names any ("đề nghị các phòng, ban, ngành ..."). */
function firstGroups(preamble: string[]): string[] {
  for (const text of preamble) {
    const groups = groupsInSentence(text);
    if (groups.length > 0) return groups;
  }
  return [];
}

function withoutAliases<T extends { aliases: string[] }>(a: T): Omit<T, 'aliases'> {
  const { aliases: _aliases, ...rest } = a;
  return rest;
}

function taskRows(tasks: DraftTask[], document: string) {
  const used = new Set<string>();
  return tasks.map((task) => {
    let id = `nv-${sectionSlug(task.section)}${task.role === 'coordinate' ? '-phoi-hop' : ''}`;
    for (let n = 2; used.has(id); n++) id = `nv-${sectionSlug(task.section)}-${n}`;
    used.add(id);
    return {
      id,
      document,
      section: task.section,
      agencies: task.agencies,
      ...(task.role === 'coordinate' ? { role: 'coordinate' } : {}),
      ...(task.deadline?.date ? { deadline: task.deadline.date } : {}),
      ...(task.recurrence ? { recurrence: task.recurrence } : {}),
      text: task.text,
    };
  });
}

/** "1.a" -> "1a", "1.đ" -> "1dd", "III.3.2" -> "iii-3-2", "đoạn 2" -> "2" (docs/plan-format.md). */
export function sectionSlug(section: string): string {
  const s = section.replace(/^đoạn\s+/u, '').replace(/đ/g, 'dd').toLowerCase();
  return s
    .split('.')
    .reduce((acc, part) => (acc && /^[a-z]+$/.test(part) && /\d$/.test(acc) ? acc + part : acc ? `${acc}-${part}` : part), '')
    .replace(/[^a-z0-9-]+/g, '-');
}

function applySuccessors(registry: AgencyRegistry, doubts: string[]): void {
  for (const rule of reorganised) {
    const old = registry.list.find((a) => a.id === rule.from);
    const next = knownAgencies.find((k) => k.id === rule.to);
    if (!old || !next) continue;
    const successor = registry.add(next.name, false);
    old.active = false;
    old.successor = { agency: successor.id, name: successor.name, since: rule.since, note: t.successorNote };
    doubts.push(t.doubt.successor(old.name, successor.name));
  }
}

const levels: Record<string, Plan['network']['level']> = {
  tỉnh: 'province',
  'thành phố': 'province',
  huyện: 'district',
  quận: 'district',
  'thị xã': 'district',
  xã: 'commune',
  phường: 'commune',
  'thị trấn': 'commune',
  'đặc khu': 'commune',
};

function networkOf(header: Header, options: DraftOptions, doubts: string[]) {
  const note = t.networkNote(options.fileName);
  if (!header.unit || !header.unitPlace) {
    doubts.push(t.doubt.issuerMissing);
    const name = header.issuer ?? t.unknownNetwork;
    return { id: options.id ?? slugOf(options.fileName.replace(/\.[^.]+$/u, '')), name, level: 'province' as const, note };
  }
  if (header.unit === 'thành phố') doubts.push(t.doubt.levelGuessed(header.unit));
  return {
    id: options.id ?? slugOf(header.unitPlace),
    name: sentence(`${header.unit} ${header.unitPlace}`),
    level: levels[header.unit] ?? 'province',
    note,
  };
}

function headerDoubts(header: Header, doubts: string[]): void {
  if (header.number === undefined || header.number === '') doubts.push(t.doubt.numberMissing);
  else if (/^\//u.test(header.number)) doubts.push(t.doubt.numberBlank(header.number));
  if (!header.date) doubts.push(t.doubt.dateBlank);
  if (!header.subject) doubts.push(t.doubt.subjectMissing);
  if (header.issuer && !header.issuerFromBlock) doubts.push(t.doubt.issuerGuessed(header.issuer));
}
