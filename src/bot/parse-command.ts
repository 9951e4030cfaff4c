/**
 * Parses "/cmd@bot args" into a command name and its arguments. The name is matched as people type it: with
 * diacritics or capitals ("/BáoCáo" is "baocao"); a name split by spaces is joined back by the router.
 */
export function parseCommand(text: string, botUsername?: string): { name: string; args: string } | undefined {
  const match = /^\/([\p{L}\p{M}\p{N}_]{1,64})(?:@([A-Za-z0-9_]{3,64}))?(?:\s+([\s\S]*))?$/u.exec(text.trim());
  if (!match) return undefined;
  const [, name, target, args] = match;
  if (target && botUsername && target.toLowerCase() !== botUsername.toLowerCase()) return undefined;
  return { name: foldCommandName(name!), args: (args ?? '').trim() };
}

/** Diacritics off, lowercase, underscores kept: "BáoCáo" is "baocao". */
export function foldCommandName(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}
