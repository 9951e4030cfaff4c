// Word's automatic list numbering ("1.", "a)", "-" made by a list style, not typed) is not text in the .docx:
// mammoth turns such paragraphs into <ol>/<li> and the printed numbers are lost, so the drafter would see
// unnumbered items. This writes each label into its paragraph as text, computed the way Word counts: per list
// (numId), a level's counter restarts when a higher level moves on, and the label follows the level's lvlText
// ("%1.", "%1.%2.", "%2)") in its number format.

import JSZip from 'jszip';

interface Level {
  format: string;
  text: string;
  start: number;
}

type Levels = Map<number, Level>;

const attr = (xml: string, tag: string): string | undefined =>
  new RegExp(`<w:${tag}\\b[^>]*\\bw:val="([^"]*)"`).exec(xml)?.[1];

function readLevels(xml: string): Levels {
  const levels: Levels = new Map();
  for (const m of xml.matchAll(/<w:lvl\b[^>]*w:ilvl="(\d)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
    const body = m[2]!;
    levels.set(Number(m[1]), {
      format: attr(body, 'numFmt') ?? 'decimal',
      text: attr(body, 'lvlText') ?? '',
      start: Number(attr(body, 'start') ?? 1),
    });
  }
  return levels;
}

/** numId -> its levels (the abstract list's, with the list's own start overrides). */
function readNumbering(xml: string): Map<string, Levels> {
  const abstract = new Map<string, Levels>();
  for (const m of xml.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g))
    abstract.set(m[1]!, readLevels(m[2]!));
  const lists = new Map<string, Levels>();
  for (const m of xml.matchAll(/<w:num\b[^>]*w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const levels = new Map(abstract.get(attr(m[2]!, 'abstractNumId') ?? '') ?? []);
    for (const o of m[2]!.matchAll(/<w:lvlOverride\b[^>]*w:ilvl="(\d)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const own = readLevels(o[2]!).get(Number(o[1]));
      const start = attr(o[2]!, 'startOverride');
      const base = own ?? levels.get(Number(o[1]));
      if (base) levels.set(Number(o[1]), { ...base, ...(start ? { start: Number(start) } : {}) });
    }
    lists.set(m[1]!, levels);
  }
  return lists;
}

/** Paragraph styles that carry numbering ("List Number"): styleId -> numId and level. */
function readStyleNumbering(xml: string): Map<string, { numId: string; level: number }> {
  const styles = new Map<string, { numId: string; level: number }>();
  for (const m of xml.matchAll(/<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const numId = attr(m[2]!, 'numId');
    if (numId) styles.set(m[1]!, { numId, level: Number(attr(m[2]!, 'ilvl') ?? 0) });
  }
  return styles;
}

const ROMAN: [number, string][] = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

function roman(n: number): string {
  let out = '';
  for (const [value, digits] of ROMAN) for (; n >= value; n -= value) out += digits;
  return out;
}

function letter(n: number): string {
  // Word goes a..z, then aa, bb, ...
  const base = String.fromCharCode(97 + ((n - 1) % 26));
  return base.repeat(Math.floor((n - 1) / 26) + 1);
}

function formatNumber(n: number, format: string): string {
  if (format === 'lowerLetter') return letter(n);
  if (format === 'upperLetter') return letter(n).toUpperCase();
  if (format === 'lowerRoman') return roman(n);
  if (format === 'upperRoman') return roman(n).toUpperCase();
  if (format === 'decimalZero') return String(n).padStart(2, '0');
  return String(n);
}

/** A bullet drawn from a symbol font (Symbol, Wingdings) is a private-use character: read as "•". */
function bulletOf(text: string): string {
  if (/^[-–—+]$/.test(text)) return text === '+' ? '+' : '-';
  return '•';
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The .docx with every list label written as text, and how many paragraphs got one (0: unchanged file). */
export async function withListNumbers(data: Buffer): Promise<{ data: Buffer; labelled: number }> {
  const zip = await JSZip.loadAsync(data);
  const numberingXml = await zip.file('word/numbering.xml')?.async('string');
  const documentXml = await zip.file('word/document.xml')?.async('string');
  if (!numberingXml || !documentXml) return { data, labelled: 0 };
  const lists = readNumbering(numberingXml);
  const styles = readStyleNumbering((await zip.file('word/styles.xml')?.async('string')) ?? '');
  const counters = new Map<string, (number | undefined)[]>();
  let labelled = 0;
  // A tracked formatting change keeps an older <w:pPr> inside the current one; it is history, not text.
  const cleaned = documentXml.replace(/<w:pPrChange\b[\s\S]*?<\/w:pPrChange>/g, '');
  const rewritten = cleaned.replace(/<w:pPr>([\s\S]*?)<\/w:pPr>/g, (whole, props: string) => {
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(props)?.[1];
    const styled = styles.get(attr(props, 'pStyle') ?? '');
    const numId = (numPr && attr(numPr, 'numId')) ?? styled?.numId;
    const level = Number((numPr && attr(numPr, 'ilvl')) ?? styled?.level ?? 0);
    const levels = numId ? lists.get(numId) : undefined;
    const own = levels?.get(level);
    if (!numId || !levels || !own) return whole;
    const count = counters.get(numId) ?? [];
    count[level] = count[level] === undefined ? own.start : count[level]! + 1;
    count.fill(undefined, level + 1);
    counters.set(numId, count);
    const label =
      own.format === 'bullet'
        ? bulletOf(own.text)
        : own.format === 'none'
          ? ''
          : own.text.replace(/%(\d)/g, (_m, d: string) => {
              const i = Number(d) - 1;
              return formatNumber(count[i] ?? levels.get(i)?.start ?? 1, levels.get(i)?.format ?? 'decimal');
            });
    if (!label.trim()) return whole;
    labelled++;
    const props2 = props.replace(/<w:numPr>[\s\S]*?<\/w:numPr>/, '');
    return `<w:pPr>${props2}</w:pPr><w:r><w:t xml:space="preserve">${escapeXml(label)} </w:t></w:r>`;
  });
  if (labelled === 0) return { data, labelled: 0 };
  zip.file('word/document.xml', rewritten);
  return { data: await zip.generateAsync({ type: 'nodebuffer' }), labelled };
}
