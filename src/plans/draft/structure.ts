// Numbered structure as printed: I., 1., a) ... đ), bullets (-, +, •). Each leaf is a task whose section is
// what a reader would cite: "2.đ", "III.1", and for bullets their position under the heading ("III.3.2"),
// a single bullet keeping its heading's number (docs/plan-format.md, "Sections").

import { normalize } from '../../kernel/text.js';
import { wordCount, type Marker, type Para } from './paragraphs.js';

export interface Node {
  marker: Marker;
  label: string;
  text: string;
  /** Unnumbered paragraphs under a heading ("3. Văn phòng UBND tỉnh" followed by its paragraph). */
  paras: string[];
  children: Node[];
}

export interface Leaf {
  section: string;
  text: string;
  /** The numbered items above the leaf, outermost first, then the leaf's own item. */
  path: Node[];
  /** The roman section it sits in, if any: "tasks" or "duty". */
  part: Part;
}

export type Part = 'tasks' | 'duty' | 'skip';

const rank: Record<Marker, number> = { roman: 0, arabic: 1, letter: 2, bullet: 3, 'sub-bullet': 4, none: 5 };

export function buildTree(paras: Para[]): { roots: Node[]; loose: string[] } {
  const roots: Node[] = [];
  const loose: string[] = [];
  const stack: Node[] = [];
  for (const p of paras) {
    const top = stack.at(-1);
    if (p.marker === 'none') {
      if (top && isHeading(top) && top.children.length === 0) top.paras.push(p.text);
      else loose.push(p.text);
      continue;
    }
    const node: Node = { marker: p.marker, label: p.label, text: p.text, paras: [], children: [] };
    while (stack.length > 0 && rank[stack.at(-1)!.marker] >= rank[p.marker]) stack.pop();
    const parent = stack.at(-1);
    if (parent) parent.children.push(node);
    else roots.push(node);
    stack.push(node);
  }
  return { roots, loose };
}

/** A heading introduces what follows ("2. Sở Thông tin và Truyền thông:"); otherwise the item is a task. */
export function isHeading(node: Node): boolean {
  if (node.text === '' || node.text.endsWith(':')) return true;
  if (node.marker === 'bullet' || node.marker === 'sub-bullet') return false;
  return wordCount(node.text) <= 14 && !node.text.endsWith(';');
}

/** What a roman section holds, from its title: aims (not tasks), reporting, or tasks. */
export function partOf(node: Node): Part {
  const n = normalize(node.text);
  if (/che do bao cao|bao cao ket qua/.test(n)) return 'duty';
  if (/muc dich|yeu cau/.test(n) && !/nhiem vu/.test(n)) return 'skip';
  return 'tasks';
}

export function leaves(roots: Node[]): Leaf[] {
  const out: Leaf[] = [];
  walk(roots, undefined, [], 'tasks', out);
  return out;
}

function walk(nodes: Node[], parent: string | undefined, path: Node[], part: Part, out: Leaf[]): void {
  const bulletCount = new Map<Marker, number>();
  for (const n of nodes) bulletCount.set(n.marker, (bulletCount.get(n.marker) ?? 0) + 1);
  const seen = new Map<Marker, number>();
  for (const node of nodes) {
    const index = (seen.get(node.marker) ?? 0) + 1;
    seen.set(node.marker, index);
    const section = sectionOf(node, parent, index, bulletCount.get(node.marker) ?? 1);
    const here = node.marker === 'roman' ? partOf(node) : part;
    const nodePath = [...path, node];
    if (node.children.length > 0) walk(node.children, section, nodePath, here, out);
    else if (node.paras.length > 0)
      node.paras.forEach((text, i) =>
        out.push({ section: node.paras.length === 1 ? section : `${section}.${i + 1}`, text, path: nodePath, part: here }),
      );
    else if (!(node.marker === 'roman' && isHeading(node))) out.push({ section, text: node.text, path: nodePath, part: here });
  }
}

function sectionOf(node: Node, parent: string | undefined, index: number, siblings: number): string {
  if (node.marker === 'bullet' || node.marker === 'sub-bullet') {
    if (siblings === 1 && parent) return parent;
    return parent ? `${parent}.${index}` : String(index);
  }
  return parent ? `${parent}.${node.label}` : node.label;
}
