import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import { files } from '../../db/schema/index.ts';
import { AppError, invalid } from '../errors.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { inTransaction, type OpContext } from '../context.ts';
import { assertCan } from '../policy.ts';
import { detectFileType } from './detect-file-type.ts';
import type { FileStore } from './file-store.ts';

/**
 * Stores an upload: type decided from the content, size limited, stored under a generated key;
 * the user's file name is kept only as a label (path parts and control characters removed).
 */
export async function saveUpload(
  ctx: OpContext,
  store: FileStore,
  upload: { data: Buffer; filename: string },
  maxBytes: number,
) {
  assertCan(ctx.actor, 'files.upload');
  if (upload.data.length === 0) throw invalid('empty_file', '文件为空');
  if (upload.data.length > maxBytes)
    throw new AppError('too_large', 'file_too_large', `文件超过 ${Math.floor(maxBytes / 1048576)} MB 的上限`);
  const type = await detectFileType(upload.data);
  if (!type) throw invalid('file_type_not_allowed', '不支持的文件类型（按文件内容识别），请上传 PDF、Word、Excel、图片或文本文件');
  const label = path.basename(upload.filename.replace(/\\/g, '/')).replace(/[\x00-\x1f\x7f]/g, '').slice(0, 200) || `附件.${type.ext}`;
  const id = randomUUID();
  const storageKey = `${id.slice(0, 2)}/${id}`;
  const sha256 = createHash('sha256').update(upload.data).digest('hex');
  await store.put(storageKey, upload.data);
  try {
    return await inTransaction(ctx, async (tx) => {
      const [row] = await tx.db
        .insert(files)
        .values({ id, storageKey, originalName: label, mime: type.mime, size: upload.data.length, sha256, uploadedBy: ctx.actor!.id, ownerUnitId: ctx.actor!.unitId })
        .returning();
      await writeAudit(tx, { action: 'file.upload', entity: 'file', entityId: id, after: { name: label, mime: type.mime, size: row.size, sha256 } });
      return row;
    });
  } catch (err) {
    await store.remove(storageKey);
    throw err;
  }
}
