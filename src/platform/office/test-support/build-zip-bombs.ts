import { constants, deflateRawSync } from 'node:zlib';

/**
 * Zip bombs for tests and bench/input-bounds.ts, built without holding what they inflate to: raw
 * deflate blocks ending on a sync flush are byte-aligned and self-contained, so one compressed
 * megabyte of the same byte can be repeated to make any size.
 */

const MB = 1024 * 1024;

function deflateChunk(data: Buffer, final: boolean): Buffer {
  return deflateRawSync(data, { level: 9, finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH });
}

/** Raw deflate of `head`, then `megabytes` MB of `fill` (a byte, or a string repeated), then `tail`. */
export function deflatedRepeat(head: string, fill: number | string, megabytes: number, tail: string): { data: Buffer; size: number } {
  const block = deflateChunk(typeof fill === 'number' ? Buffer.alloc(MB, fill) : Buffer.alloc(MB, fill), false);
  const parts = [deflateChunk(Buffer.from(head), false)];
  for (let i = 0; i < megabytes; i++) parts.push(block);
  parts.push(deflateChunk(Buffer.from(tail), true));
  return { data: Buffer.concat(parts), size: Buffer.byteLength(head) + megabytes * MB + Buffer.byteLength(tail) };
}

export interface RawEntry {
  name: string;
  /** Raw deflate data (method 8), or the stored bytes (method 0). */
  data: Buffer;
  method: 0 | 8;
  /** What the headers claim the entry inflates to. */
  declaredSize: number;
}

/** A zip written by hand, so that its headers can say whatever a test needs (CRC left 0). */
export function writeZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const stored = (name: string, text: string): RawEntry => ({ name, data: Buffer.from(text), method: 0, declaredSize: Buffer.byteLength(text) });

/** The package's content types, as Word and Excel write them (file-type tells the kind from these). */
const contentTypes = (part: string, type: string) =>
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.${type}"/></Types>`;
const CONTENT_TYPES = contentTypes('word/document.xml', 'wordprocessingml.document.main+xml');
const XLSX_CONTENT_TYPES = contentTypes('xl/workbook.xml', 'spreadsheetml.sheet.main+xml');
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/**
 * A .docx whose word/document.xml is `megabytes` MB of one letter inside a paragraph (300 MB
 * compresses to about 300 KB). With `falsify`, the headers claim the part is 1 KB.
 */
export function docxBomb(megabytes = 300, opts: { falsify?: boolean } = {}): Buffer {
  const doc = deflatedRepeat(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body><w:p><w:r><w:t>`, 0x61, megabytes, '</w:t></w:r></w:p></w:body></w:document>');
  return writeZip([
    stored('[Content_Types].xml', CONTENT_TYPES),
    { name: 'word/document.xml', data: doc.data, method: 8, declaredSize: opts.falsify ? 1024 : doc.size },
  ]);
}

/** A .docx of `megabytes` MB of short paragraphs: within the size limits, slow to parse. */
export function docxOfParagraphs(megabytes: number): Buffer {
  const doc = deflatedRepeat(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>`, '<w:p><w:r><w:t>x</w:t></w:r></w:p>', megabytes, '</w:body></w:document>');
  return writeZip([stored('[Content_Types].xml', CONTENT_TYPES), { name: 'word/document.xml', data: doc.data, method: 8, declaredSize: doc.size }]);
}

/** An .xlsx whose first sheet is `megabytes` MB of spaces, the headers claiming 1 KB when `falsify`. */
export function xlsxBomb(megabytes = 300, opts: { falsify?: boolean } = {}): Buffer {
  const sheet = deflatedRepeat('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>', 0x20, megabytes, '</sheetData></worksheet>');
  return writeZip([
    stored('[Content_Types].xml', XLSX_CONTENT_TYPES),
    stored('xl/workbook.xml', '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Sheet1" sheetId="1"/></sheets></workbook>'),
    { name: 'xl/worksheets/sheet1.xml', data: sheet.data, method: 8, declaredSize: opts.falsify ? 1024 : sheet.size },
  ]);
}

/** A zip of `count` empty entries: cheap to send, costly to list. */
export function manyEntries(count: number): Buffer {
  return writeZip([stored('word/document.xml', '<w:document/>'), ...Array.from({ length: count }, (_, i) => stored(`word/media/${i}.bin`, ''))]);
}
