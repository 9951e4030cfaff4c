import { common } from '../messages/index.js';
import { normalize } from '../kernel/text.js';

// Officers greet and thank the bot; answering that with "Tôi chưa hiểu ý bạn" reads as rude.
const thanks = /^(xin )?(cam on|thank you|thanks|tks|thank)\b/;
const greeting = /^(xin )?chao\b|^(hello|hi|alo)\b/;
const MAX_WORDS = 6;

// Courtesy around a question ("xin chào, ...", "bot ơi", "cho tôi hỏi", "... ạ") hides it from the intents.
const courtesyStart =
  /^((xin )?chao( ban| bot| dau moi| anh| chi| em)?|(bot|dau moi|ban) oi|cho (toi |em |minh )?hoi|(lam on|vui long))( |$)/;
const courtesyEnd = /( (a|nhe|nha|voi|giup (toi|em|minh)|di|vay))+$/;

export interface Phrase {
  normalized: string;
  original: string;
}

/** The question without the courtesy words around it, both as typed and normalized; undefined when there are none. */
export function withoutCourtesy(text: string): Phrase | undefined {
  // "ơi,ai" is two words: a comma typed without a space must not glue the courtesy to the question.
  const tokens = text
    .trim()
    .replace(/([,;!?])(?=\p{L})/gu, '$1 ')
    .split(/\s+/)
    .map((word) => ({ word, key: normalize(word).replace(/[.:-]+$/, '') }))
    .filter((t) => t.key);
  let start = 0;
  let end = tokens.length;
  const keys = () =>
    tokens
      .slice(start, end)
      .map((t) => t.key)
      .join(' ');
  // How many whole tokens (from the front or the back) a match of `length` characters covers.
  const covered = (length: number, fromEnd: boolean) => {
    const list = fromEnd ? tokens.slice(start, end).reverse() : tokens.slice(start, end);
    let used = -1;
    let count = 0;
    while (count < list.length && used < length - 1) used += list[count++]!.key.length + 1;
    return count;
  };
  for (let lead = courtesyStart.exec(keys()); lead && start < end; lead = courtesyStart.exec(keys())) {
    start += Math.max(1, covered(lead[0].trim().length, false));
  }
  const tail = courtesyEnd.exec(keys());
  if (tail && start < end) end -= covered(tail[0].trim().length, true);
  if ((start === 0 && end === tokens.length) || start >= end) return undefined;
  return {
    normalized: keys(),
    original: tokens
      .slice(start, end)
      .map((t) => t.word)
      .join(' ')
      .replace(/^[\s,.:;!?-]+/, ''),
  };
}

/** A short polite answer to a greeting or a thank-you that no command or intent took; undefined otherwise. */
export function smallTalk(text: string): string | undefined {
  const key = normalize(text);
  if (!key || key.split(' ').length > MAX_WORDS) return undefined;
  if (thanks.test(key)) return common.thanks;
  if (greeting.test(key)) return common.greeting;
  return undefined;
}
