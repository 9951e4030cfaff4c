import type { Command } from './context.js';
import { foldCommandName } from './parse-command.js';

// People type commands the way they speak them: "/báo cáo", "/tình hình", "/nhật ký". The name is already
// diacritics-free (parse-command); here a name split by spaces is joined back, and a near-miss is suggested.

export type CommandLookup =
  | { kind: 'found'; command: Command; args: string }
  | { kind: 'suggest'; name: string; args: string }
  | { kind: 'unknown' };

const MAX_JOINED_WORDS = 2;

export function lookupCommand(commands: Map<string, Command>, name: string, args: string): CommandLookup {
  const direct = commands.get(name);
  if (direct) return { kind: 'found', command: direct, args };
  const words = args.split(/\s+/).filter(Boolean);
  for (let n = 1; n <= Math.min(MAX_JOINED_WORDS, words.length); n++) {
    const joined = name + words.slice(0, n).map(foldCommandName).join('');
    const command = commands.get(joined);
    if (command) return { kind: 'found', command, args: words.slice(n).join(' ') };
  }
  const near = nearestName([...commands.keys()], name);
  return near ? { kind: 'suggest', name: near, args } : { kind: 'unknown' };
}

/** The one registered name within a typo or two of `name` (one for short names), if exactly one is closest. */
function nearestName(names: string[], name: string): string | undefined {
  const limit = name.length <= 4 ? 1 : 2;
  let best: string[] = [];
  let bestDistance = limit + 1;
  for (const candidate of names) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) [best, bestDistance] = [[candidate], distance];
    else if (distance === bestDistance) best.push(candidate);
  }
  return best.length === 1 ? best[0] : undefined;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swapped neighbours. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}
