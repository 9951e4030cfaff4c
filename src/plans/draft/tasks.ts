// Tasks with their owners: the subject of the nearest numbered item above (or of the item itself), the group
// addressees as `all`, and a coordinating task for a plan agency named after "phối hợp với" when a lead
// "chủ trì". Unnumbered texts (news articles) give one task per paragraph that assigns work.

import { planDraftText } from '../../messages/plan-draft.js';
import { mentionedPartners, partnersIn, subjectOf, type AgencyRegistry, type Subject } from './agencies.js';
import { findDeadline, findRecurrence, type Deadline } from './deadlines.js';
import { wordCount } from './paragraphs.js';
import { isHeading, type Leaf } from './structure.js';

export interface DraftTask {
  section: string;
  text: string;
  /** Agency ids, or 'all'. */
  agencies: string[] | 'all';
  role: 'lead' | 'coordinate';
  deadline?: Deadline;
  recurrence?: string;
}

export interface TaskResult {
  tasks: DraftTask[];
  doubts: string[];
}

const d = planDraftText.doubt;

export function assignTasks(leaves: Leaf[], registry: AgencyRegistry): TaskResult {
  const doubts: string[] = [];
  const forAll: string[] = [];
  const owned = leaves.map((leaf) => ({ leaf, subject: subjectFor(leaf) }));
  // First every named agency, so that a partner named before its own item is recognised.
  for (const { subject } of owned) if (subject && !subject.group) for (const n of subject.names) registry.add(n, false);
  const tasks: DraftTask[] = [];
  for (const { leaf, subject } of owned) {
    const agencies = resolve(leaf, subject, registry, doubts, forAll);
    const base = withDates(leaf.section, leaf.text, doubts);
    tasks.push({ ...base, agencies, role: 'lead' });
    const owners = agencies === 'all' ? [] : agencies;
    for (const partner of partnersIn(leaf.text, registry, owners))
      tasks.push({ ...base, agencies: [partner.id], role: 'coordinate' });
    if (agencies !== 'all')
      for (const p of mentionedPartners(leaf.text, registry, owners)) doubts.push(d.partnerNotAssigned(leaf.section, p.name));
    if (/(…|\.\.\.)$/u.test(leaf.text) || !/[.;:!?”")]$/u.test(leaf.text)) doubts.push(d.taskCutOff(leaf.section));
  }
  if (forAll.length > 0) doubts.unshift(d.forAll(forAll));
  return { tasks, doubts };
}

function subjectFor(leaf: Leaf): Subject | undefined {
  // The leaf's own words first: a bullet or a paragraph under a heading can name its agency itself
  // ("- Công chức Văn hóa - xã hội chủ trì ...", "Giao Phòng Văn hóa - Xã hội chủ trì ..." under TỔ CHỨC THỰC HIỆN).
  const last = leaf.path.at(-1);
  const ownWords = last && (last.marker === 'bullet' || last.marker === 'sub-bullet' || last.paras.includes(leaf.text));
  const own = ownWords ? subjectOf(leaf.text, false) : undefined;
  if (own) return own;
  for (const node of [...leaf.path].reverse()) {
    if (node.marker === 'bullet' || node.marker === 'sub-bullet') continue;
    const subject = subjectOf(node.text, isHeading(node));
    if (subject) return subject;
  }
  return undefined;
}

function resolve(
  leaf: Leaf,
  subject: Subject | undefined,
  registry: AgencyRegistry,
  doubts: string[],
  forAll: string[],
): string[] | 'all' {
  if (!subject) {
    forAll.push(leaf.section);
    return 'all';
  }
  if (subject.group) {
    const known = registry.groups();
    if (known.length === 0) for (const n of subject.names) registry.add(n, true);
    else if (!subject.names.every((n) => registry.find(n))) {
      const doubt = d.groupAsAll(leaf.path.find((n) => n.marker !== 'bullet')?.label ?? leaf.section, subject.names);
      if (!doubts.includes(doubt)) doubts.push(doubt);
    }
    return 'all';
  }
  return subject.names.map((n) => registry.add(n, false).id);
}

function withDates(section: string, text: string, doubts: string[]): Omit<DraftTask, 'agencies' | 'role'> {
  const deadline = findDeadline(text);
  const recurrence = findRecurrence(text);
  if (deadline && !deadline.date) doubts.push(d.taskDeadlineNoYear(section, deadline.wording));
  if (deadline?.date) doubts.push(d.taskDeadlineOnce(section, deadline.wording));
  return {
    section,
    text,
    ...(deadline?.date ? { deadline } : {}),
    ...(recurrence ? { recurrence } : {}),
  };
}

/** An unnumbered text: the paragraphs after the one that names the addressees, skipping captions. */
export function paragraphLeaves(paras: string[]): Leaf[] {
  const intro = paras.findIndex((p) => /(yêu cầu|đề nghị|chỉ đạo)\s+(các|UBND)/iu.test(p));
  const from = intro >= 0 ? intro + 1 : 0;
  const chosen = paras.slice(from).filter((p) => wordCount(p) >= 10 && !/ảnh minh họa|ảnh minh hoạ|^ảnh:/iu.test(p));
  return chosen.map((text, i) => ({ section: `đoạn ${i + 1}`, text, path: [giveNode(text)], part: 'tasks' }));
}

/** A paragraph "UBND tỉnh giao Sở X đôn đốc ..." acts like an item headed by Sở X. */
function giveNode(text: string): Leaf['path'][number] {
  const given = /\bgiao\s+(.+)$/u.exec(text);
  return { marker: 'arabic', label: '', text: given?.[1] ? `Giao ${given[1]}` : text, paras: [], children: [] };
}
