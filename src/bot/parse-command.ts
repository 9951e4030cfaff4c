/** Parses "/cmd@bot args" into a lowercase command name and its arguments. */
export function parseCommand(text: string, botUsername?: string): { name: string; args: string } | undefined {
  const match = /^\/([A-Za-z0-9_]{1,64})(?:@([A-Za-z0-9_]{3,64}))?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!match) return undefined;
  const [, name, target, args] = match;
  if (target && botUsername && target.toLowerCase() !== botUsername.toLowerCase()) return undefined;
  return { name: name!.toLowerCase(), args: (args ?? '').trim() };
}
