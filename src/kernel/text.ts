// Text helpers: diacritics-insensitive matching and splitting long replies. Replies go out as plain text
// (no parse mode on any platform), so user input can never become markup and needs no escaping.

export function normalize(input: string): string {
  return foldDiacritics(input)
    .replace(/[^\p{L}\p{N}/.:-]+/gu, ' ')
    .trim();
}

/** Lowercase without diacritics, everything else (spaces, punctuation) kept in place: "Đà Nẵng," -> "da nang,". */
export function foldDiacritics(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
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

/**
 * Removes control characters (except newline and tab), zero-width characters and bidirectional overrides: they
 * let "MẬT" slip past the classified check and a right-to-left override disguise a name. A zero-width joiner
 * inside an emoji sequence (👨‍👩‍👧) is kept.
 */
export function stripControl(input: string): string {
  return stripInvisible(
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    input.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ''),
  );
}

/** Zero-width and bidirectional-control characters, folded away before matching or storing. */
export function stripInvisible(input: string): string {
  return input
    .replace(/[\u00ad\u061c\u180e\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g, '')
    .replace(/\u200d(?!\p{Extended_Pictographic})/gu, '');
}
