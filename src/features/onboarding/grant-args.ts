import type { RoleName } from '../../db/index.js';
import { normalize } from '../../kernel/text.js';

export interface GrantArgs {
  revoke: boolean;
  /** @username or display name; empty when the message replies to the person. */
  person: string;
  role: RoleName;
  network: string;
}

const ROLE_WORDS: Record<string, RoleName> = {
  lanhdao: 'leader',
  'lanh dao': 'leader',
  leader: 'leader',
  quantri: 'admin',
  'quan tri': 'admin',
  admin: 'admin',
};
const REVOKE_WORDS = new Set(['thu', 'thuhoi', 'revoke']);

/** Reads "[thu] <người> lanhdao|quantri <mạng lưới>"; undefined when the role word or network is missing. */
export function parseGrantArgs(args: string): GrantArgs | undefined {
  const tokens = args.split(/\s+/).filter(Boolean);
  const revoke = tokens.length > 0 && REVOKE_WORDS.has(normalize(tokens[0]!));
  if (revoke) tokens.splice(0, normalize(tokens[1] ?? '') === 'hoi' ? 2 : 1);
  // A named person comes first; a role word at the very start means the person is the replied-to message's author.
  for (const i of [...tokens.keys()].slice(1).concat(0)) {
    for (const width of [1, 2]) {
      const role = ROLE_WORDS[normalize(tokens.slice(i, i + width).join(' '))];
      const network = tokens.slice(i + width).join(' ');
      if (role && network) return { revoke, person: tokens.slice(0, i).join(' '), role, network };
    }
  }
  return undefined;
}
