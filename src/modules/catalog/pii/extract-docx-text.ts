import { XMLParser } from 'fast-xml-parser';
import { OfficeFileError, SafeZip } from '../../../platform/office/safe-zip.ts';
import { PiiScanError } from './errors.ts';
import { MSG } from './messages.ts';

/**
 * Plain text of a .docx as a reviewer reads it: paragraphs joined by "\n", table cells by "\t"
 * (one line per row; a cell's own paragraphs are joined by "\n"), tabs and breaks kept.
 * Text that is not shown is skipped: deleted revisions, field codes, the fallback copy of
 * drawings. Footnotes, endnotes, headers and footers follow the body, since they are published too.
 */

type XNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: true,
  trimValues: false,
  parseTagValue: false,
  // Entities are decoded below in one pass: the parser leaves numeric references (&#x4E2D;) as
  // they are, and decoding them after it had turned &amp; into & would decode text twice.
  processEntities: false,
  maxNestedTags: 512,
});

const ENTITY_RE = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY_RE, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name];
    const cp = hex ? parseInt(hex, 16) : Number(dec);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
  });
}

function tagOf(node: XNode): string {
  for (const k of Object.keys(node)) if (k !== ':@') return k;
  return '';
}

function childrenOf(node: XNode, tag: string): XNode[] {
  const c = node[tag];
  return Array.isArray(c) ? (c as XNode[]) : [];
}

/** Properties and other parts that never carry visible text (w:pPr holds tab stops named w:tab). */
const SKIP = new Set([
  'w:pPr', 'w:rPr', 'w:tblPr', 'w:tblGrid', 'w:trPr', 'w:tcPr', 'w:sectPr', 'w:del', 'w:moveFrom',
  'w:delText', 'w:instrText', 'w:delInstrText', 'mc:Fallback', 'w:commentReference', 'w:fldData',
]);

/** Text of the runs inside a paragraph; text boxes inside it become lines of their own. */
function inlineText(nodes: XNode[], out: string[]): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === '#text' || SKIP.has(tag)) continue;
    switch (tag) {
      case 'w:t':
        for (const t of childrenOf(node, tag)) {
          if (typeof t['#text'] === 'string') out.push(decodeEntities(t['#text']));
        }
        break;
      case 'w:tab':
      case 'w:ptab':
        out.push('\t');
        break;
      case 'w:br':
      case 'w:cr':
        out.push('\n');
        break;
      case 'w:noBreakHyphen':
        out.push('-');
        break;
      case 'w:txbxContent': {
        const lines: string[] = [];
        blockText(childrenOf(node, tag), lines);
        if (lines.length > 0) out.push('\n', lines.join('\n'), '\n');
        break;
      }
      default:
        inlineText(childrenOf(node, tag), out);
    }
  }
}

/** Body-level content: paragraphs, tables and the containers that wrap them. */
function blockText(nodes: XNode[], lines: string[]): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === '#text' || SKIP.has(tag)) continue;
    if (tag === 'w:p') {
      const parts: string[] = [];
      inlineText(childrenOf(node, tag), parts);
      lines.push(parts.join(''));
    } else if (tag === 'w:tbl') {
      for (const row of childrenOf(node, tag)) {
        if (tagOf(row) !== 'w:tr') continue;
        const cells: string[] = [];
        for (const cell of rowCells(childrenOf(row, 'w:tr'))) {
          const cellLines: string[] = [];
          blockText(childrenOf(cell, 'w:tc'), cellLines);
          cells.push(cellLines.join('\n'));
        }
        lines.push(cells.join('\t'));
      }
    } else {
      blockText(childrenOf(node, tag), lines); // w:body, w:sdt, w:sdtContent, w:customXml, w:ins …
    }
  }
}

/** Cells of a row, also those wrapped in content controls or custom XML. */
function rowCells(nodes: XNode[]): XNode[] {
  const cells: XNode[] = [];
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === 'w:tc') cells.push(node);
    else if (tag !== '#text' && !SKIP.has(tag) && tag !== 'w:tblPrEx') cells.push(...rowCells(childrenOf(node, tag)));
  }
  return cells;
}

function partText(xml: string, name: string): string[] {
  const lines: string[] = [];
  try {
    blockText(parser.parse(xml) as XNode[], lines);
  } catch (err) {
    // maxNestedTags, or a recursion deeper than the stack: a file no office produces.
    if (err instanceof RangeError || /nested|depth/i.test((err as Error).message))
      throw new OfficeFileError('file_too_complex', `Word 文档“${name}”的结构嵌套过深，无法读取`);
    throw err;
  }
  return lines;
}

const EXTRA_PARTS = /^word\/(?:footnotes|endnotes|header[0-9]*|footer[0-9]*)\.xml$/;

/** True when the zip is a Word document (it has word/document.xml). */
export function isDocxZip(zip: SafeZip): boolean {
  return zip.has('word/document.xml');
}

/** Reads only the parts that carry text, each inflated under the archive's limits (safe-zip.ts). */
export function docxTextFromZip(zip: SafeZip, name = 'document.docx'): string {
  const main = zip.text('word/document.xml');
  if (main === null) throw new PiiScanError('unsupported_file', MSG.notDocx(name));
  const lines = partText(main, name);
  const extras = zip
    .names()
    .filter((p) => EXTRA_PARTS.test(p))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  for (const p of extras) {
    for (const line of partText(zip.text(p)!, name)) if (line.length > 0) lines.push(line);
  }
  return lines.join('\n');
}

/** Opens the package with the shared safe reader; a file that is no zip at all is "broken". */
export function openDocxZip(buf: Uint8Array, name: string): SafeZip {
  try {
    return SafeZip.open(buf, name);
  } catch (err) {
    if (err instanceof OfficeFileError && err.code === 'broken_zip') throw new PiiScanError('unsupported_file', MSG.brokenZip(name));
    throw err;
  }
}

/** Reads in the calling thread; the server reads attachments through scanFile, in the office worker. */
export async function extractDocxText(buf: Buffer, name = 'document.docx'): Promise<string> {
  return docxTextFromZip(openDocxZip(buf, name), name);
}
