import { fileTypeFromBuffer } from 'file-type';

/** Types an office uploads as evidence or attachments, recognised by their bytes, not their names. */
export const ALLOWED_TYPES: Record<string, { ext: string; label: string }> = {
  'application/pdf': { ext: 'pdf', label: 'PDF' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { ext: 'docx', label: 'Word' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { ext: 'xlsx', label: 'Excel' },
  'application/x-cfb': { ext: 'doc', label: 'Word/Excel 97-2003' },
  'application/vnd.ms-excel': { ext: 'xls', label: 'Excel 97-2003' },
  'application/msword': { ext: 'doc', label: 'Word 97-2003' },
  'image/png': { ext: 'png', label: 'PNG 图片' },
  'image/jpeg': { ext: 'jpg', label: 'JPEG 图片' },
  'image/gif': { ext: 'gif', label: 'GIF 图片' },
  'image/webp': { ext: 'webp', label: 'WebP 图片' },
  'video/mp4': { ext: 'mp4', label: 'MP4 视频' },
  'application/zip': { ext: 'zip', label: 'ZIP 压缩包' },
  'text/plain': { ext: 'txt', label: '文本' },
};

/** Plain UTF-8 text has no magic number: accept it when it decodes cleanly and has no control bytes. */
function looksLikeText(buf: Buffer): boolean {
  const sample = buf.subarray(0, 64 * 1024);
  if (sample.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.length === buf.length ? sample : sample.subarray(0, sample.length - 4));
  } catch {
    return false;
  }
  return !/[\x01-\x08\x0e-\x1f\x7f]/.test(sample.toString('latin1'));
}

export async function detectFileType(buf: Buffer): Promise<{ mime: string; ext: string } | null> {
  const t = await fileTypeFromBuffer(buf);
  if (t) return ALLOWED_TYPES[t.mime] ? { mime: t.mime, ext: ALLOWED_TYPES[t.mime].ext } : null;
  return looksLikeText(buf) ? { mime: 'text/plain', ext: 'txt' } : null;
}
