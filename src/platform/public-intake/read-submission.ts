import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { PublicUpload } from './public-attachments.ts';

const FIELD_MAX = 60_000;

export interface SubmissionLimits {
  /** Files the form may carry (one more is read only to be refused by checkPublicAttachments). Default 3. */
  maxFiles?: number;
  /** Text fields; default 20. */
  maxFields?: number;
  /** Bytes per text field; default 60 000 (a longer value is refused, never cut short). */
  fieldSize?: number;
  /** Chinese names of the fields, for the message when one is too long. */
  labels?: Record<string, string>;
}

/**
 * The fields and files of a public form, whether it came as JSON, urlencoded or multipart (a portal
 * form sent without JavaScript, with attachments). Bounded: fields by number and size, files by
 * `maxBytes`; a field longer than its bound is refused (`field_too_large`), not truncated. Each
 * upload keeps the name of its form field (`field`), so a form may have several file inputs.
 */
export async function readSubmission(req: FastifyRequest, maxBytes: number, limits: SubmissionLimits = {}): Promise<{ fields: Record<string, unknown>; uploads: PublicUpload[] }> {
  if (!req.isMultipart()) return { fields: (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>, uploads: [] };
  const fields: Record<string, unknown> = {};
  const uploads: PublicUpload[] = [];
  const fieldSize = limits.fieldSize ?? FIELD_MAX;
  for await (const part of req.parts({ limits: { files: (limits.maxFiles ?? 3) + 1, fileSize: maxBytes, fields: limits.maxFields ?? 20, fieldSize } })) {
    if (part.type === 'file') {
      const data = await part.toBuffer();
      if (part.file.truncated) throw new AppError('too_large', 'file_too_large', `附件“${part.filename}”超过 ${Math.floor(maxBytes / 1048576)} MB 的上限`);
      // an empty file input of a form sent without a file
      if (data.length === 0 && !part.filename) continue;
      uploads.push({ data, filename: part.filename, field: part.fieldname });
    } else {
      if (part.valueTruncated) {
        const label = limits.labels?.[part.fieldname] ?? part.fieldname;
        throw new AppError('too_large', 'field_too_large', `“${label}”的内容过长（超过 ${Math.floor(fieldSize / 1000)} KB），请精简后再提交`);
      }
      fields[part.fieldname] = part.value;
    }
  }
  return { fields, uploads };
}

/** A string field of a submission, or null. */
export const fieldString = (fields: Record<string, unknown>, name: string): string | null => (typeof fields[name] === 'string' ? (fields[name] as string) : null);
