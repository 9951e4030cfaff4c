// Text helpers: diacritics-insensitive matching and splitting long replies. Replies go out as plain text
// (no parse mode on any platform), so user input can never become markup and needs no escaping.

export function normalize(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}/.:-]+/gu, ' ')
    .trim();
}

/** Splits at paragraph, then line, then word boundaries so no part exceeds `limit` characters. */
export function splitText(text: string, limit: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    let cut = window.lastIndexOf('\n\n');
    if (cut < limit / 3) cut = window.lastIndexOf('\n');
    if (cut < limit / 3) cut = window.lastIndexOf(' ');
    if (cut <= 0) cut = limit;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\s+/, '');
  }
  if (rest.length > 0 || parts.length === 0) parts.push(rest);
  return parts;
}

/** Removes control characters except newline and tab. */
export function stripControl(input: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return input.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}
