// Text from Word, PDF or a paste -> paragraphs with their printed numbering. Word gives one paragraph per
// block, a PDF one line per printed line (blank lines only where the layout had a gap), so lines inside a
// block are joined unless a line starts a new numbered item, and a paragraph that starts in lower case is the
// rest of the previous one (a sentence broken across a page break).

export type Marker = 'roman' | 'arabic' | 'letter' | 'bullet' | 'sub-bullet' | 'none';

export interface Para {
  marker: Marker;
  /** As printed: "III", "2", "đ", "-"; empty for unnumbered paragraphs. */
  label: string;
  /** The text after the numbering. */
  text: string;
}

const patterns: { marker: Marker; re: RegExp }[] = [
  { marker: 'roman', re: /^([IVX]{1,5})\.\s*(\S.*)$/ },
  { marker: 'arabic', re: /^(\d{1,2})[.)]\s+(\S.*)$/ },
  { marker: 'letter', re: /^([a-zđ])\)\s*(\S.*)$/ },
  { marker: 'bullet', re: /^([-–—•])\s*(\S.*)$/ },
  { marker: 'sub-bullet', re: /^([+*])\s*(\S.*)$/ },
];

export function readMarker(line: string): Para {
  for (const { marker, re } of patterns) {
    const m = re.exec(line);
    if (m?.[1] && m[2]) return { marker, label: m[1], text: m[2].trim() };
  }
  return { marker: 'none', label: '', text: line };
}

export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\*\*/g, '')
    .replace(/[\u00a0\t]/g, ' ')
    .normalize('NFC');
}

/**
 * Header lines that are paragraphs of their own even when typed without a blank line between them ("Số: 38/UBND-VP"
 * right above "V/v ..."); a title line (KẾ HOẠCH) also ends its paragraph, the subject following it.
 */
const ownLine = /^(Số\s*:|V\/v\b|Về việc\b|Kính gửi\b|(KẾ HOẠCH|QUYẾT ĐỊNH)$)/u;
const titleLine = /^(KẾ HOẠCH|QUYẾT ĐỊNH)$/u;

export function toParagraphs(text: string): Para[] {
  const out: Para[] = [];
  for (const block of cleanText(text).split(/\n\s*\n/)) {
    let current: Para | undefined;
    for (const rawLine of block.split('\n')) {
      const line = rawLine.replace(/\s+/g, ' ').trim();
      if (!line) continue;
      const para = readMarker(line);
      if (para.marker === 'none' && current && !ownLine.test(line) && !titleLine.test(current.text))
        current.text = `${current.text} ${line}`;
      else {
        current = para;
        joinOrPush(out, para);
      }
    }
  }
  return out;
}

function joinOrPush(out: Para[], para: Para): void {
  const previous = out.at(-1);
  if (previous && para.marker === 'none' && /^\p{Ll}/u.test(para.text)) previous.text = `${previous.text} ${para.text}`;
  else out.push(para);
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
