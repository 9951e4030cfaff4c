// Minimal SVG building blocks for the status chart.

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

// Approximate DejaVu Sans advances in em: capitals are wider than lower case; bold adds about 10%.
// Over-estimating keeps text inside its box.
function charEm(char: string, bold: boolean): number {
  const base = char !== char.toLowerCase() ? 0.74 : 0.56;
  return bold ? base * 1.1 : base;
}

/** Cuts `content` with an ellipsis so it fits `maxWidth` pixels in the given style. */
export function fitText(content: string, style: TextStyle, maxWidth: number): string {
  const chars = Array.from(content.normalize('NFC'));
  const widths = chars.map((char) => charEm(char, style.bold ?? false) * style.size);
  if (widths.reduce((sum, width) => sum + width, 0) <= maxWidth) return chars.join('');
  let used = charEm('…', false) * style.size;
  let kept = 0;
  while (kept < chars.length && used + widths[kept]! <= maxWidth) used += widths[kept++]!;
  return `${chars.slice(0, kept).join('').trimEnd()}…`;
}

export interface TextStyle {
  size: number;
  bold?: boolean;
  anchor?: 'start' | 'middle' | 'end';
  fill?: string;
}

export function text(x: number, y: number, content: string, style: TextStyle): string {
  const weight = style.bold ? ' font-weight="bold"' : '';
  const anchor = style.anchor ? ` text-anchor="${style.anchor}"` : '';
  return `<text x="${x}" y="${y}" font-size="${style.size}"${weight}${anchor} fill="${style.fill ?? '#212121'}">${escapeXml(content)}</text>`;
}

export function rect(x: number, y: number, width: number, height: number, fill: string): string {
  return `<rect x="${x}" y="${y}" width="${width}" height="${height}" fill="${fill}"/>`;
}
