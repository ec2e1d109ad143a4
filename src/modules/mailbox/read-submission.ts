import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import type { PublicUpload } from '../../platform/public-intake/public-attachments.ts';
import { MAX_ATTACHMENTS } from './submit-message.ts';

const FIELD_MAX = 60_000;

/**
 * The fields and files of a public form, whether it came as JSON, urlencoded or multipart (the
 * portal's no-JS form, with up to three attachments). Bounded: 20 fields of 60 000 bytes, files by
 * UPLOAD_MAX_MB, one more file than allowed is read only to be refused.
 */
export async function readSubmission(req: FastifyRequest, maxBytes: number): Promise<{ fields: Record<string, unknown>; uploads: PublicUpload[] }> {
  if (!req.isMultipart()) return { fields: (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>, uploads: [] };
  const fields: Record<string, unknown> = {};
  const uploads: PublicUpload[] = [];
  for await (const part of req.parts({ limits: { files: MAX_ATTACHMENTS + 1, fileSize: maxBytes, fields: 20, fieldSize: FIELD_MAX } })) {
    if (part.type === 'file') {
      const data = await part.toBuffer();
      if (part.file.truncated) throw new AppError('too_large', 'file_too_large', `附件“${part.filename}”超过 ${Math.floor(maxBytes / 1048576)} MB 的上限`);
      // an empty file input of a form sent without a file
      if (data.length === 0 && !part.filename) continue;
      uploads.push({ data, filename: part.filename });
    } else fields[part.fieldname] = part.value;
  }
  return { fields, uploads };
}
