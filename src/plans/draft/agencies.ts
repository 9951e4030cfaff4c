// Who an item is given to: the agency named as its subject ("2. Sở Tư pháp:", "Giao Sở Tài chính chủ trì",
// "Đề nghị Ban Tuyên giáo Đảng ủy", "Các cơ quan báo chí (Báo X, Đài Y), Cổng Z phối hợp ..."), group
// addressees ("Các sở, ban, ngành") and the registry that gives each a stable id.

import { normalize } from '../../kernel/text.js';
import type { PlanAgency } from '../../kernel/plan.js';
import { sentence } from './header.js';
import { agencyStart, groupStart, kindOf, knownAgencies, subjectEnd } from './vocabulary.js';

export type Subject = { group: boolean; names: string[] };

const groupSplit = /[,;]\s+(?=(?:UBND|Ủy ban|Uỷ ban|Thủ trưởng|Chủ tịch|các cơ quan Trung ương)\s)|;\s+/u;

/** The agencies an item names as its subject, or undefined when it starts with a verb ("Chủ động, ..."). */
export function subjectOf(text: string, heading: boolean): Subject | undefined {
  const t = text.replace(/^(Giao|Đề nghị)\s+/u, '');
  if (!agencyStart.test(t)) return undefined;
  const colon = t.indexOf(':');
  const verb = subjectEnd.exec(t)?.index ?? -1;
  const ends = [colon, verb].filter((i) => i > 0);
  if (ends.length === 0 && !heading) return undefined;
  const subject = (ends.length > 0 ? t.slice(0, Math.min(...ends)) : t).replace(/[\s.:;,]+$/u, '');
  if (subject.split(/\s+/).length > 40) return undefined;
  return splitSubject(subject);
}

export function splitSubject(subject: string): Subject {
  const paren = /^(.*?)\s*\(([^)]+)\)(.*)$/u.exec(subject);
  if (paren?.[2] && paren[2].includes(',')) {
    const inner = paren[2].split(/,\s*/);
    const after = (paren[3] ?? '').split(/,\s*/);
    return { group: false, names: [...inner, ...after].map((s) => s.trim()).filter(Boolean).map(sentence) };
  }
  if (groupStart.test(normalize(subject)))
    return { group: true, names: subject.split(groupSplit).map((s) => sentence(s.trim())) };
  return { group: false, names: [sentence(subject)] };
}

/** Groups named in a sentence of the preamble: "đề nghị các phòng, ban, ngành thuộc huyện, UBND các xã, thị trấn tổ chức ...". */
export function groupsInSentence(text: string): string[] {
  const m = /(?:đề nghị|yêu cầu|chỉ đạo)\s+((?:các|UBND các|Ủy ban nhân dân các)\s.+?)\s(?:tổ chức|triển khai|thực hiện|nghiêm túc|khẩn trương)/iu.exec(text);
  if (!m?.[1]) return [];
  return m[1].split(groupSplit).map((s) => sentence(s.trim()));
}

export type DraftAgency = PlanAgency & { group: boolean };

export class AgencyRegistry {
  readonly list: DraftAgency[] = [];
  private readonly byKey = new Map<string, DraftAgency>();

  find(name: string): DraftAgency | undefined {
    return this.byKey.get(normalize(name));
  }

  add(name: string, group: boolean): DraftAgency {
    const found = this.find(name);
    if (found) return found;
    const key = normalize(name);
    // A short name ("Sở VHTTDL") is the known agency as much as its full name is.
    const known = knownAgencies.find((k) => [k.name, k.short ?? '', ...(k.aliases ?? [])].some((n) => normalize(n) === key));
    if (known) {
      const existing = this.list.find((a) => a.id === known.id);
      if (existing) return existing;
    }
    const agency: DraftAgency = {
      id: this.uniqueId(known?.id ?? slugOf(name)),
      name: known?.name ?? name,
      ...(known?.short ? { short: known.short } : {}),
      aliases: known?.aliases ? [...known.aliases] : [],
      kind: known?.kind ?? kindOf(key),
      active: true,
      group,
    };
    this.list.push(agency);
    for (const n of [name, agency.name, agency.short ?? '', ...agency.aliases]) if (n) this.byKey.set(normalize(n), agency);
    return agency;
  }

  groups(): DraftAgency[] {
    return this.list.filter((a) => a.group);
  }

  private uniqueId(base: string): string {
    let id = base;
    for (let n = 2; this.list.some((a) => a.id === id); n++) id = `${base}-${n}`;
    return id;
  }
}

export function slugOf(name: string): string {
  const words = normalize(name)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w, i) => !(i === 0 && w === 'cac'));
  return words.slice(0, 6).join('-') || 'co-quan';
}

/** Agencies of the plan named right after "phối hợp với" in an item that has a lead ("chủ trì"). */
export function partnersIn(text: string, registry: AgencyRegistry, owners: string[]): DraftAgency[] {
  const n = normalize(text);
  if (!/chu tri/.test(n)) return [];
  // A common agency named only as a partner ("Giao Sở X chủ trì, phối hợp với Sở Nội vụ") joins the plan.
  for (const k of knownAgencies)
    if ([k.name, k.short ?? ''].some((name) => name && new RegExp(`phoi hop voi ${escape(normalize(name))}\\b`).test(n)))
      registry.add(k.name, false);
  return registry.list.filter(
    (a) => !owners.includes(a.id) && !a.group && new RegExp(`phoi hop voi ${escape(normalize(a.name))}\\b`).test(n),
  );
}

/** Agencies of the plan mentioned after "phối hợp với" when no lead is named: flagged, not assigned. */
export function mentionedPartners(text: string, registry: AgencyRegistry, owners: string[]): DraftAgency[] {
  const n = normalize(text);
  if (/chu tri/.test(n)) return [];
  return registry.list.filter(
    (a) => !owners.includes(a.id) && !a.group && new RegExp(`phoi hop voi ${escape(normalize(a.name))}\\b`).test(n),
  );
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
