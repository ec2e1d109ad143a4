import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

/**
 * Word documents in the shape of a government paper (GB/T 9704 in spirit): a title in 小标宋 二号,
 * body in 仿宋 三号 with two-character first-line indent, headings in 黑体. Fonts fall back on
 * machines that lack them; WPS and Word open the file as is.
 */
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; header: string[]; rows: string[][]; widths?: number[] }
  | { kind: 'signature'; lines: string[] };

const BODY = { font: { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman' }, size: 32 };
const HEAD = { font: { eastAsia: '黑体', ascii: 'Times New Roman' }, size: 32 };
const TITLE = { font: { eastAsia: '方正小标宋简体', ascii: 'Times New Roman' }, size: 44 };
const SMALL = { font: { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman' }, size: 21 };

function para(text: string, run = BODY, opts: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) {
  return new Paragraph({
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    indent: opts.indent === false ? undefined : { firstLine: 640 },
    spacing: { line: 560 },
    children: [new TextRun({ text, ...run })],
  });
}

function table(b: Extract<Block, { kind: 'table' }>) {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (text: string, bold = false, width?: number) =>
    new TableCell({
      borders,
      ...(width && { width: { size: width, type: WidthType.PERCENTAGE } }),
      children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, ...SMALL, bold })] })),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: b.header.map((h, i) => cell(h, true, b.widths?.[i])) }),
      ...b.rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, false, b.widths?.[i])) })),
    ],
  });
}

export async function govDocx(doc: { title: string; blocks: Block[] }): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400, line: 700 }, children: [new TextRun({ text: doc.title, ...TITLE })] }),
  ];
  for (const b of doc.blocks) {
    if (b.kind === 'heading') children.push(para(b.text, HEAD));
    else if (b.kind === 'paragraph') for (const line of b.text.split('\n').filter((l) => l.trim())) children.push(para(line));
    else if (b.kind === 'table') children.push(table(b), new Paragraph({ children: [] }));
    else for (const line of b.lines) children.push(para(line, BODY, { indent: false, align: AlignmentType.RIGHT }));
  }
  const file = new Document({
    creator: 'Gongkai 政务公开工作平台',
    title: doc.title,
    sections: [{ properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } }, children }],
  });
  return Packer.toBuffer(file);
}
