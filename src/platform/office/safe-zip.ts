import { inflateRawSync } from 'node:zlib';
import { AppError } from '../errors.ts';

/**
 * The one zip reader for files that people upload (.docx attachments, plan imports in .docx/.xlsx).
 * A zip's headers say how large each entry is, and an attacker writes whatever he likes there: a
 * 914 KB file that inflates to 300 MB, or one that claims 1 KB per entry. So the sizes written in
 * the archive are never used; each entry is inflated with a cap on its real output (zlib stops at
 * `maxOutputLength` while inflating), and the real bytes of every entry read so far count against a
 * total. Entries are read only when asked for, so the pictures of a Word file are never inflated
 * when only its text is wanted.
 */

export type OfficeFileErrorCode = 'zip_bomb' | 'file_too_complex' | 'broken_zip';

export class OfficeFileError extends AppError {
  constructor(
    readonly code: OfficeFileErrorCode,
    message: string,
  ) {
    super('invalid', code, message);
    this.name = 'OfficeFileError';
  }
}

export interface ZipLimits {
  /** Entries in the central directory. */
  maxEntries: number;
  /** Real inflated bytes of one entry. */
  maxEntryBytes: number;
  /** Real inflated bytes of all the entries read from this archive together. */
  maxTotalBytes: number;
}

/**
 * A Word notice of 300 pages is about 5 MB of document.xml, a workbook of 10 000 rows about 3 MB of
 * sheet XML; pictures are the largest parts. The limits are far past that and far below what would
 * hurt the server.
 */
export const OFFICE_ZIP_LIMITS: ZipLimits = { maxEntries: 5000, maxEntryBytes: 64 * 1024 * 1024, maxTotalBytes: 128 * 1024 * 1024 };

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

export const zipBomb = (name: string, limit: number) =>
  new OfficeFileError('zip_bomb', `文件“${name}”解压后超过 ${MB(limit)}，不像正常的 Office 文件（可能是压缩炸弹），已拒绝`);
export const brokenZip = (name: string) => new OfficeFileError('broken_zip', `文件“${name}”不是有效的压缩包，可能已损坏`);

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;

function findEnd(buf: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65 535 bytes; the last signature wins.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === SIG_END) return i;
  return -1;
}

/** Zip64 extra field (id 1): the 64-bit sizes and offset, in this order, for the fields marked 0xFFFFFFFF. */
function zip64Values(extra: Buffer, wanted: { uncompressed: boolean; compressed: boolean; offset: boolean }) {
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(p);
    const size = extra.readUInt16LE(p + 2);
    if (id === 1) {
      let q = p + 4;
      const next = () => {
        if (q + 8 > p + 4 + size) return null;
        const v = Number(extra.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      const uncompressed = wanted.uncompressed ? next() : 0;
      const compressed = wanted.compressed ? next() : null;
      const offset = wanted.offset ? next() : null;
      return { uncompressed, compressed, offset };
    }
    p += 4 + size;
  }
  return null;
}

export class SafeZip {
  private readonly entries = new Map<string, Entry>();
  private inflated = 0;

  private constructor(
    private readonly buf: Buffer,
    private readonly label: string,
    private readonly limits: ZipLimits,
  ) {}

  /** True when the bytes start as a zip does (a local file header). */
  static looksLikeZip(buf: Uint8Array): boolean {
    return buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
  }

  /** Reads the central directory; nothing is inflated yet. `label` names the file in messages. */
  static open(data: Uint8Array, label: string, limits: ZipLimits = OFFICE_ZIP_LIMITS): SafeZip {
    const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const zip = new SafeZip(buf, label, limits);
    if (buf.length < 22) throw brokenZip(label);
    const end = findEnd(buf);
    if (end < 0) throw brokenZip(label);
    const count = buf.readUInt16LE(end + 10);
    let offset = buf.readUInt32LE(end + 16);
    if (count === 0xffff || offset === 0xffffffff)
      throw new OfficeFileError('file_too_complex', `文件“${label}”的条目过多或过大，无法读取`);
    if (count > limits.maxEntries)
      throw new OfficeFileError('file_too_complex', `文件“${label}”包含 ${count} 个部件，超过 ${limits.maxEntries} 个的上限，无法读取`);
    for (let i = 0; i < count; i++) {
      if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== SIG_CENTRAL) throw brokenZip(label);
      const flags = buf.readUInt16LE(offset + 8);
      const method = buf.readUInt16LE(offset + 10);
      let compressedSize = buf.readUInt32LE(offset + 20);
      const uncompressed32 = buf.readUInt32LE(offset + 24);
      const nameLen = buf.readUInt16LE(offset + 28);
      const extraLen = buf.readUInt16LE(offset + 30);
      const commentLen = buf.readUInt16LE(offset + 32);
      let localOffset = buf.readUInt32LE(offset + 42);
      const nameEnd = offset + 46 + nameLen;
      if (nameEnd + extraLen + commentLen > buf.length) throw brokenZip(label);
      const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', offset + 46, nameEnd);
      if (compressedSize === 0xffffffff || localOffset === 0xffffffff) {
        const z = zip64Values(buf.subarray(nameEnd, nameEnd + extraLen), {
          uncompressed: uncompressed32 === 0xffffffff,
          compressed: compressedSize === 0xffffffff,
          offset: localOffset === 0xffffffff,
        });
        if (!z) throw brokenZip(label);
        compressedSize = z.compressed ?? compressedSize;
        localOffset = z.offset ?? localOffset;
      }
      if (flags & 0x1) throw new OfficeFileError('broken_zip', `文件“${label}”已加密，请去除密码后再上传`);
      // One name, one content: a second entry of the same name could be read differently by another reader.
      if (zip.entries.has(name)) throw brokenZip(label);
      zip.entries.set(name, { name, method, compressedSize, localOffset });
      offset = nameEnd + extraLen + commentLen;
    }
    return zip;
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Real bytes inflated so far from this archive. */
  get inflatedBytes(): number {
    return this.inflated;
  }

  /** The entry's content, inflated under the limits; null when there is no such entry. */
  read(name: string): Buffer | null {
    const e = this.entries.get(name);
    if (!e) return null;
    const at = e.localOffset;
    if (at + 30 > this.buf.length || this.buf.readUInt32LE(at) !== SIG_LOCAL) throw brokenZip(this.label);
    const start = at + 30 + this.buf.readUInt16LE(at + 26) + this.buf.readUInt16LE(at + 28);
    const end = start + e.compressedSize;
    if (end > this.buf.length) throw brokenZip(this.label);
    const raw = this.buf.subarray(start, end);
    const room = Math.min(this.limits.maxEntryBytes, this.limits.maxTotalBytes - this.inflated);
    const limit = room === this.limits.maxEntryBytes ? this.limits.maxEntryBytes : this.limits.maxTotalBytes;
    let out: Buffer;
    if (e.method === 0) {
      if (raw.length > room) throw zipBomb(this.label, limit);
      out = raw;
    } else if (e.method === 8) {
      try {
        // zlib counts what it writes and stops once the output would pass the cap.
        out = inflateRawSync(raw, { maxOutputLength: Math.max(1, room) });
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw zipBomb(this.label, limit);
        throw brokenZip(this.label);
      }
      if (out.length > room) throw zipBomb(this.label, limit);
    } else {
      throw new OfficeFileError('broken_zip', `文件“${this.label}”使用了不支持的压缩方式，请在 Office 或 WPS 中重新保存后再上传`);
    }
    this.inflated += out.length;
    return out;
  }

  /** The entry as UTF-8 text (a byte-order mark is dropped); null when there is no such entry. */
  text(name: string): string | null {
    const b = this.read(name);
    if (!b) return null;
    return b.toString('utf8', b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0);
  }

  /** Every entry, inflated under the limits: proves the whole archive's real size. */
  readAll(): Map<string, Buffer> {
    const all = new Map<string, Buffer>();
    for (const name of this.entries.keys()) all.set(name, this.read(name)!);
    return all;
  }
}
