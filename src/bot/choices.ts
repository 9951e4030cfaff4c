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

// Typed choice ids. A button carries a short id back (Telegram's callback_data: at most 64 bytes); each kind of
// button has one codec that packs its id and parses it back, refusing ids of other kinds, forged or malformed ones.

/** Telegram's limit on callback_data; the other platforms keep ids server-side. */
export const MAX_CHOICE_ID_BYTES = 64;

/** One part of an id: how it is written and read back (undefined: not this part). */
export interface ChoicePart<T> {
  write(value: T): string;
  read(text: string): T | undefined;
}

/** A whole number >= 0 (a database id, a count, an index). */
export const intPart: ChoicePart<number> = {
  write: (value) => {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`Choice part must be a whole number: ${value}`);
    return String(value);
  },
  read: (text) => (/^(0|[1-9]\d{0,14})$/.test(text) ? Number(text) : undefined),
};

const SLUG = /^[a-z0-9][a-z0-9._-]*$/i;

/** A slug such as a network or activity type id: letters, digits, '.', '_' and '-'. */
export const slugPart: ChoicePart<string> = {
  write: (value) => {
    if (!SLUG.test(value)) throw new Error(`Choice part must be a slug: ${value}`);
    return value;
  },
  read: (text) => (SLUG.test(text) ? text : undefined),
};

/** One of a fixed set of words. */
export function oneOf<const V extends string>(...values: V[]): ChoicePart<V> {
  const allowed = new Set<string>(values);
  return {
    write: (value) => {
      if (!allowed.has(value)) throw new Error(`Choice part must be one of ${values.join(', ')}: ${value}`);
      return value;
    },
    read: (text) => (allowed.has(text) ? (text as V) : undefined),
  };
}

type Values<P extends readonly ChoicePart<unknown>[]> = {
  [K in keyof P]: P[K] extends ChoicePart<infer T> ? T : never;
};

export interface ChoiceKind<V extends unknown[]> {
  readonly prefix: string;
  /** The id for these values; throws (our bug) if it would not fit in a button. */
  id(...values: V): string;
  /** A button with this kind's id. */
  choice(label: string, ...values: V): Choice;
  /** The values of an id of this kind; undefined for any other id, forged or malformed. */
  parse(id: string | undefined): V | undefined;
  /** Whether the id is of this kind (for kinds without parts: whether it is this button). */
  is(id: string | undefined): boolean;
}

const SEPARATOR = ':';
const prefixes = new Set<string>();

/**
 * A kind of choice id: `prefix:part:part`. Each prefix is declared once in the whole bot (a second
 * declaration throws at startup), so no feature can read another feature's buttons as its own.
 */
// `any`: a part's type is both written and read, so only `any` accepts every part; Values<P> restores the types.
export function choiceKind<const P extends readonly ChoicePart<any>[]>(
  prefix: string,
  ...parts: P
): ChoiceKind<Values<P> & unknown[]> {
  if (!/^[a-z][a-z0-9-]*$/.test(prefix))
    throw new Error(`Choice prefix must be lowercase letters, digits or '-': ${prefix}`);
  if (prefixes.has(prefix)) throw new Error(`Choice prefix ${prefix} is declared twice: choose another one`);
  prefixes.add(prefix);
  type V = Values<P> & unknown[];
  const pack = (values: V): string => {
    if (values.length !== parts.length) throw new Error(`Choice ${prefix} takes ${parts.length} parts`);
    const packed = [prefix, ...parts.map((part, i) => part.write(values[i]))].join(SEPARATOR);
    if (Buffer.byteLength(packed) > MAX_CHOICE_ID_BYTES) throw new Error(`Choice id over 64 bytes: ${packed}`);
    return packed;
  };
  const parse = (raw: string | undefined): V | undefined => {
    if (!raw || Buffer.byteLength(raw) > MAX_CHOICE_ID_BYTES) return undefined;
    const [head, ...texts] = raw.split(SEPARATOR);
    if (head !== prefix || texts.length !== parts.length) return undefined;
    const values = parts.map((part, i) => part.read(texts[i]!));
    return values.every((v) => v !== undefined) ? (values as unknown as V) : undefined;
  };
  return {
    prefix,
    id: (...values: V) => pack(values),
    choice: (label: string, ...values: V) => ({ id: pack(values), label }),
    parse,
    is: (raw) => parse(raw) !== undefined,
  };
}
