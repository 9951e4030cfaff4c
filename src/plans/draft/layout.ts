// Where the parts of a document are: header, "Kính gửi" list, preamble, numbered body, footer (Nơi nhận,
// signature; for a news article the source line). The footer is never read as tasks.

import { readMarker, type Para } from './paragraphs.js';

export interface Layout {
  header: Para[];
  addressees: string[];
  preamble: string[];
  body: Para[];
  /** True when the body has numbered items; false for an unnumbered text (a news article). */
  numbered: boolean;
  /** True when the document has an ending (Nơi nhận, signature or "./."): otherwise it may be cut off. */
  ended: boolean;
}

const footer = /^(Nơi nhận|TM\.|KT\.|Nguồn\s*:|Cùng chuyên mục|Tin liên quan|https?:\/\/)/iu;

export function layoutOf(paras: Para[]): Layout {
  const footerAt = paras.findIndex((p, i) => i > 0 && p.marker === 'none' && footer.test(p.text));
  const content = footerAt >= 0 ? paras.slice(0, footerAt) : paras;
  const { addressees, end: kgEnd, start: kgStart } = readAddressees(content);
  const after = kgEnd + 1;
  let bodyAt = content.findIndex((p, i) => i >= after && (p.marker === 'roman' || p.marker === 'arabic'));
  if (bodyAt < 0) bodyAt = content.findIndex((p, i) => i >= after && p.marker !== 'none');
  const numbered = bodyAt >= 0;
  const headerEnd = kgStart >= 0 ? kgStart : numbered ? bodyAt : Math.min(content.length, 1);
  // Without a Kính gửi list the preamble is whatever precedes the body (title lines included).
  const preambleFrom = kgStart >= 0 ? after : 0;
  const preambleTo = numbered ? bodyAt : content.length;
  return {
    header: content.slice(0, headerEnd),
    addressees,
    preamble: content.slice(preambleFrom, preambleTo).map((p) => p.text),
    body: numbered ? content.slice(bodyAt) : content.slice(preambleFrom),
    numbered,
    ended: footerAt >= 0 || paras.some((p) => /\.\/\.$/u.test(p.text)),
  };
}

function readAddressees(paras: Para[]): { addressees: string[]; start: number; end: number } {
  const start = paras.findIndex((p) => p.marker === 'none' && /^Kính gửi/iu.test(p.text));
  if (start < 0) return { addressees: [], start: -1, end: -1 };
  const names: string[] = [];
  const first = paras[start]!.text.replace(/^Kính gửi\s*:?\s*/iu, '');
  if (first) names.push(readMarker(first).text);
  let end = start;
  while (paras[end + 1]?.marker === 'bullet') names.push(paras[++end]!.text);
  const addressees = names
    .map((n) => n.replace(/[\s;.,]+$/u, '').trim())
    .filter((n) => n && !/^như trên/iu.test(n));
  return { addressees, start, end };
}
