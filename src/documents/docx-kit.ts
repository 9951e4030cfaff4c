import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';

// Building blocks for Nghị định 30/2020 documents: every run names Times New Roman and its size
// so the text keeps its look when pasted into another document.

export const FONT = 'Times New Roman';
export const mmToTwip = (mm: number): number => Math.round((mm * 1440) / 25.4);

export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: mmToTwip(20), bottom: mmToTwip(20), left: mmToTwip(30), right: mmToTwip(15) },
};
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

const BODY_PT = 14;
const FIRST_LINE_INDENT = mmToTwip(12.7);
const PARAGRAPH_AFTER = 120; // 6 pt
const LINE_1_15 = 276;

export interface RunStyle {
  size?: number;
  bold?: boolean;
  italics?: boolean;
}

export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({ text, font: FONT, size: (style.size ?? BODY_PT) * 2, bold: style.bold, italics: style.italics });
}

/** Body paragraph: justified, first-line indent 1.27 cm, 6 pt after, line spacing 1.15. */
export function body(content: string | TextRun[], style: RunStyle = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: { after: PARAGRAPH_AFTER, line: LINE_1_15, lineRule: LineRuleType.AUTO },
    children: typeof content === 'string' ? [run(content, style)] : content,
  });
}

export interface LineOptions extends RunStyle {
  align?: 'center' | 'left' | 'right';
  before?: number;
  after?: number;
  pageBreakBefore?: boolean;
}

const ALIGN = { center: AlignmentType.CENTER, left: AlignmentType.LEFT, right: AlignmentType.RIGHT } as const;

/** A single-spaced line such as those of the header block, the title and the signature. */
export function line(text: string, options: LineOptions = {}): Paragraph {
  return new Paragraph({
    alignment: ALIGN[options.align ?? 'center'],
    spacing: { before: options.before ?? 0, after: options.after ?? 0 },
    pageBreakBefore: options.pageBreakBefore,
    children: [run(text, options)],
  });
}

/** A centred horizontal rule `width` twips long inside a box `containerWidth` twips wide. */
export function rule(width: number, containerWidth: number): Paragraph {
  const side = Math.max(0, Math.round((containerWidth - width) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 80, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [run('', { size: 2 })],
  });
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};

/** Layout table without borders: rows of cells, each cell a list of paragraphs; no side padding unless asked. */
export function layoutTable(columnWidths: number[], rows: Paragraph[][][], padding = 0): Table {
  return new Table({
    width: { size: columnWidths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
    columnWidths,
    borders: NO_BORDERS,
    rows: rows.map(
      (cells) =>
        new TableRow({
          children: cells.map(
            (children, i) =>
              new TableCell({
                width: { size: columnWidths[i]!, type: WidthType.DXA },
                borders: NO_BORDERS,
                margins: { left: padding, right: padding },
                children,
              }),
          ),
        }),
    ),
  });
}

/** A number, a text, or several lines of text. */
export type GridCell = string | number | string[];
export interface GridColumn {
  header: string;
  width: number;
  /** Numbers are centred anyway; centre text columns that hold figures such as "+2" or "40%". */
  center?: boolean;
}
type RowKind = 'header' | 'body' | 'total';

/** Bordered data table; the header row is bold and repeats on every page; `totalRow` makes the last row bold. */
export function gridTable(columns: GridColumn[], rows: GridCell[][], options: { totalRow?: boolean } = {}): Table {
  const kindOf = (r: number): RowKind => (options.totalRow === true && r === rows.length - 1 ? 'total' : 'body');
  const widths = columns.map((column) => column.width);
  return new Table({
    width: { size: widths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        children: columns.map((column) => gridCell(column.header, { ...column, center: true }, 'header')),
      }),
      ...rows.map(
        (values, r) => new TableRow({ children: values.map((value, i) => gridCell(value, columns[i]!, kindOf(r))) }),
      ),
    ],
  });
}

function gridCell(value: GridCell, column: GridColumn, kind: RowKind): TableCell {
  const numeric = typeof value === 'number';
  const texts = numeric ? [value.toLocaleString('vi-VN')] : Array.isArray(value) ? value : [value];
  const align = numeric || column.center ? 'center' : 'left';
  return new TableCell({
    width: { size: column.width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    children: texts.map((text) => line(text, { size: 13, bold: kind !== 'body', align, before: 40, after: 40 })),
  });
}
