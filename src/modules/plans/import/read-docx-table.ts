import { XMLParser } from 'fast-xml-parser';
import { ImportError, checkSize } from './errors.ts';
import { parseItemNumber } from './numbering.ts';
import { isOleCompound, openPackage } from './open-zip.ts';
import { OfficeFileError } from '../../../platform/office/safe-zip.ts';
import { findHeaderRow } from './recognise-columns.ts';
import type { RawTable } from './types.ts';

/**
 * Reads the task-division table of a Word file. Merged cells become empty cells, exactly as Word's
 * text export shows them, so that one interpreter handles text, docx and xlsx alike: a `w:vMerge`
 * continuation is empty (it continues the cell above), a `w:gridSpan` leaves the spanned columns empty.
 */

type XNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
});

function tagOf(node: XNode): string | null {
  for (const key of Object.keys(node)) if (key !== ':@') return key;
  return null;
}
function kids(node: XNode): XNode[] {
  const tag = tagOf(node);
  const value = tag ? node[tag] : undefined;
  return Array.isArray(value) ? (value as XNode[]) : [];
}
function attr(node: XNode, name: string): string | undefined {
  return (node[':@'] as Record<string, string> | undefined)?.[name];
}
function child(node: XNode, tag: string): XNode | undefined {
  return kids(node).find((k) => tagOf(k) === tag);
}

// Subtrees whose text Word does not show: deletions, field codes, the fallback copy of alternate content.
const HIDDEN = new Set(['w:del', 'w:delText', 'w:instrText', 'w:rPr', 'w:pPr', 'mc:Fallback', 'w:moveFrom']);

function runText(node: XNode, out: string[]): void {
  const tag = tagOf(node);
  // Only w:t holds text; whitespace between elements of a pretty-printed file is not content.
  if (tag === null || tag === '#text' || HIDDEN.has(tag)) return;
  if (tag === 'w:t') for (const k of kids(node)) out.push(String(k['#text'] ?? ''));
  else if (tag === 'w:tab' || tag === 'w:ptab') out.push('\t');
  else if (tag === 'w:br' || tag === 'w:cr') out.push('\n');
  else if (tag === 'w:noBreakHyphen') out.push('-');
  else for (const k of kids(node)) runText(k, out);
}

function paragraphText(p: XNode): string {
  const out: string[] = [];
  for (const k of kids(p)) runText(k, out);
  const text = out.join('').replace(/\u00a0/gu, ' ');
  // Word's own text export leaves a lone `. ` where an automatic list number was; the docx carries the
  // number only as w:numPr. Writing the same marker keeps docx and text imports identical.
  const numId = child(child(p, 'w:pPr') ?? {}, 'w:numPr');
  const numbered = numId !== undefined && attr(child(numId, 'w:numId') ?? {}, 'w:val') !== '0';
  return numbered && text.trim() !== '' && parseItemNumber(text) === null ? `. \n${text}` : text;
}

/** Paragraphs and tables in document order, looking through content controls. */
type Block = { kind: 'p'; text: string } | { kind: 'tbl'; rows: string[][] };

function blocks(nodes: XNode[], out: Block[]): Block[] {
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === 'w:p') out.push({ kind: 'p', text: paragraphText(n) });
    else if (tag === 'w:tbl') out.push({ kind: 'tbl', rows: tableRows(n) });
    else if (tag === 'w:sdt') blocks(kids(child(n, 'w:sdtContent') ?? {}), out);
    else if (tag === 'w:customXml' || tag === 'w:ins') blocks(kids(n), out);
  }
  return out;
}

function cellText(tc: XNode): string {
  const parts: string[] = [];
  for (const b of blocks(kids(tc), [])) {
    if (b.kind === 'p') parts.push(b.text);
    else parts.push(...b.rows.map((r) => r.filter((c) => c).join(' ')));
  }
  return parts
    .map((p) => p.trim())
    .join('\n')
    .trim();
}

function rowCells(tr: XNode): XNode[] {
  const cells: XNode[] = [];
  for (const k of kids(tr)) {
    const tag = tagOf(k);
    if (tag === 'w:tc') cells.push(k);
    else if (tag === 'w:sdt') cells.push(...kids(child(k, 'w:sdtContent') ?? {}).filter((c) => tagOf(c) === 'w:tc'));
    else if (tag === 'w:customXml') cells.push(...kids(k).filter((c) => tagOf(c) === 'w:tc'));
  }
  return cells;
}

function tableRows(tbl: XNode): string[][] {
  const rows: string[][] = [];
  for (const tr of kids(tbl).filter((k) => tagOf(k) === 'w:tr')) {
    const row: string[] = [];
    const gridBefore = Number(attr(child(child(tr, 'w:trPr') ?? {}, 'w:gridBefore') ?? {}, 'w:val') ?? 0);
    for (let i = 0; i < gridBefore; i++) row.push('');
    for (const tc of rowCells(tr)) {
      const tcPr = child(tc, 'w:tcPr') ?? {};
      const span = Math.max(1, Number(attr(child(tcPr, 'w:gridSpan') ?? {}, 'w:val') ?? 1) || 1);
      const vMerge = child(tcPr, 'w:vMerge');
      // <w:vMerge/> without a value, or w:val="continue", continues the cell above.
      const continues = vMerge !== undefined && attr(vMerge, 'w:val') !== 'restart';
      row.push(continues ? '' : cellText(tc));
      for (let i = 1; i < span; i++) row.push('');
    }
    rows.push(row);
  }
  const width = Math.max(0, ...rows.map((r) => r.length));
  for (const r of rows) while (r.length < width) r.push('');
  return rows;
}

export async function readDocxTable(buf: Uint8Array): Promise<RawTable> {
  checkSize(buf.length);
  if (isOleCompound(buf))
    throw new ImportError('not_docx', '这是旧版 Word（.doc）文件，请在 Word 或 WPS 中另存为 .docx 后再导入');
  const pkg = openPackage(buf);
  if (!pkg || pkg.kind !== 'docx')
    throw new ImportError(
      'not_docx',
      pkg?.kind === 'xlsx' ? '这是 Excel 文件，不是 Word 文件，请按 Excel 导入' : '文件不是有效的 Word（.docx）文档',
    );
  let xml: string;
  try {
    xml = pkg.zip.text('word/document.xml')!;
  } catch (err) {
    if (err instanceof OfficeFileError && err.code === 'broken_zip') throw new ImportError('not_docx', 'Word 文档内容已损坏，无法读取');
    throw err;
  }
  let doc: XNode[];
  try {
    // The parser forgives unclosed tags; a cut-off document must not pass for an empty one.
    if (!/<\/(?:\w+:)?document>\s*$/u.test(xml)) throw new Error('truncated');
    doc = parser.parse(xml) as XNode[];
  } catch {
    throw new ImportError('not_docx', 'Word 文档内容已损坏，无法读取');
  }
  const documentNode = doc.find((n) => tagOf(n) === 'w:document');
  const body = documentNode ? child(documentNode, 'w:body') : undefined;
  if (!body) throw new ImportError('not_docx', 'Word 文档内容已损坏，无法读取');

  const all = blocks(kids(body), []);
  const tableAt = all.findIndex((b) => b.kind === 'tbl' && findHeaderRow(b.rows) >= 0);
  const start = tableAt >= 0 ? tableAt : all.findIndex((b) => b.kind === 'tbl');
  if (start < 0) throw new ImportError('no_table', 'Word 文档中没有表格：任务分工应以表格形式列出');

  const first = all[start] as { kind: 'tbl'; rows: string[][] };
  const rows = [...first.rows];
  // A table Word split in two (a page break, a stray paragraph between) continues with the same columns.
  for (let i = start + 1; i < all.length; i++) {
    const b = all[i];
    if (b.kind === 'p') {
      if (b.text.trim() === '') continue;
      break;
    }
    if (b.rows[0]?.length !== rows[0]?.length) break;
    rows.push(...b.rows);
  }
  const coverText = all
    .slice(0, start)
    .flatMap((b) => (b.kind === 'p' ? [b.text] : []))
    .join('\n');
  return { rows, coverText };
}
