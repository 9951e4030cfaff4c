// A small RFC 4180 reader for agency lists saved as CSV: quoted fields (with "" and line breaks inside), the
// separator Excel uses for the locale (comma, semicolon or tab, told by the header line), a UTF-8 BOM.

export function parseCsv(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const separator = guessSeparator(body);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (quoted) {
      if (char !== '"') field += char;
      else if (body[i + 1] === '"') field += body[++i];
      else quoted = false;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === separator) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && body[i + 1] === '\n') i++;
      rows.push([...row, field]);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

function guessSeparator(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((s) => ({ s, n: header.split(s).length }));
  return counts.reduce((best, c) => (c.n > best.n ? c : best)).s;
}
