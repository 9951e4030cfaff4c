import type { Choice } from '../kernel/message.js';
import { normalize } from '../kernel/text.js';

/** Matches a user's answer to one of the offered choices: by id, by number (1-based) or by label. */
export function matchChoice(input: string | undefined, choices: Choice[]): Choice | undefined {
  if (!input) return undefined;
  const byId = choices.find((c) => c.id === input);
  if (byId) return byId;
  const trimmed = input.trim();
  if (/^\d{1,3}$/.test(trimmed)) return choices[Number(trimmed) - 1];
  const wanted = normalize(trimmed);
  if (!wanted) return undefined;
  return choices.find((c) => normalize(c.label) === wanted) ?? uniquePrefix(wanted, choices);
}

function uniquePrefix(wanted: string, choices: Choice[]): Choice | undefined {
  const hits = choices.filter((c) => normalize(c.label).startsWith(wanted));
  return hits.length === 1 ? hits[0] : undefined;
}

/** A bare number that picks nothing in the menu ("3" when there are two choices). */
export function isOutsideMenu(input: string, choices: Choice[]): boolean {
  const trimmed = input.trim();
  return /^\d{1,3}$/.test(trimmed) && (Number(trimmed) < 1 || Number(trimmed) > choices.length);
}
