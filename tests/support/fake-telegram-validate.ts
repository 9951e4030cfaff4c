// The Bot API's "Bad Request" checks that catch real bugs: lengths, callback_data bytes, broken HTML.

const ALLOWED_TAGS = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'a',
  'code',
  'pre',
  'tg-spoiler',
  'span',
  'blockquote',
  'tg-emoji',
]);

/** Returns a Telegram-style error description, or null when the payload is acceptable. */
export function checkText(
  text: unknown,
  parseMode: unknown,
  limit: number,
  what: 'message text' | 'caption',
): string | null {
  if (text === undefined && what === 'caption') return null;
  if (typeof text !== 'string' || text.trim() === '') {
    return what === 'caption' ? null : 'Bad Request: message text is empty';
  }
  const htmlError = parseMode === 'HTML' ? checkHtml(text) : null;
  if (htmlError) return htmlError;
  const visible = parseMode === 'HTML' ? visibleHtmlText(text) : text;
  if (visible.length > limit)
    return what === 'caption' ? 'Bad Request: message caption is too long' : 'Bad Request: message is too long';
  return null;
}

function checkHtml(text: string): string | null {
  const open: string[] = [];
  const tagPattern = /<(\/?)([a-zA-Z-]*)[^<>]*(>?)/g;
  for (const match of text.matchAll(tagPattern)) {
    const [, closing, rawName, end] = match;
    const name = (rawName ?? '').toLowerCase();
    const at = match.index;
    if (!end) return `Bad Request: can't parse entities: Can't find end of the tag at byte offset ${at}`;
    if (!ALLOWED_TAGS.has(name))
      return `Bad Request: can't parse entities: Unsupported start tag "${name}" at byte offset ${at}`;
    if (!closing) {
      open.push(name);
      continue;
    }
    if (open.pop() !== name)
      return `Bad Request: can't parse entities: Unmatched end tag at byte offset ${at}, expected "</${name}>"`;
  }
  if (open.length > 0)
    return `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "${open[open.length - 1]}"`;
  return null;
}

function visibleHtmlText(text: string): string {
  return text.replace(/<[^>]*>/g, '').replace(/&(?:lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/gi, '_');
}

/** callback_data must be 1-64 bytes of UTF-8. */
export function checkReplyMarkup(markup: unknown): string | null {
  const parsed = typeof markup === 'string' ? (JSON.parse(markup) as unknown) : markup;
  if (typeof parsed !== 'object' || parsed === null) return null;
  const rows = (parsed as { inline_keyboard?: unknown }).inline_keyboard;
  if (!Array.isArray(rows)) return null;
  for (const button of rows.flat() as Array<{ text?: unknown; callback_data?: unknown }>) {
    if (typeof button.text !== 'string' || button.text === '')
      return 'Bad Request: text buttons are unallowed in the inline keyboard';
    const data = button.callback_data;
    if (data === undefined) continue;
    const bytes = typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : 0;
    if (bytes < 1 || bytes > 64) return 'Bad Request: BUTTON_DATA_INVALID';
  }
  return null;
}
