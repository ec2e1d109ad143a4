import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { readableFile } from '../../platform/files/file-access.ts';
import { saveUpload } from '../../platform/files/save-upload.ts';
import type { AppDeps } from '../app-deps.ts';
import { contextOf } from '../auth-hooks.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { idParam } from './params.ts';
import { answers } from '../responses.ts';

export const fileRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const { db } = deps.database;
  const maxBytes = deps.config.UPLOAD_MAX_MB * 1024 * 1024;
  const tags = ['files'];

  app.post('/api/files', { config: { access: 'files.upload' }, schema: { tags, summary: '上传文件（multipart，字段 file）', response: answers({ 201: z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number().int(), sha256: z.string() }) }), consumes: ['multipart/form-data'] } }, async (req, reply) => {
    if (!req.isMultipart()) throw invalid('multipart_required', '请以 multipart/form-data 上传文件');
    const part = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
    if (!part) throw invalid('file_required', '没有收到文件');
    const data = await part.toBuffer().catch((err: { code?: string }) => {
      if (err.code === 'FST_REQ_FILE_TOO_LARGE')
        throw new AppError('too_large', 'file_too_large', `文件超过 ${deps.config.UPLOAD_MAX_MB} MB 的上限`);
      throw err;
    });
    const row = await saveUpload(contextOf(req, db), deps.store, { data, filename: part.filename }, maxBytes);
    return reply.status(201).send({ id: row.id, name: row.originalName, mime: row.mime, size: row.size, sha256: row.sha256 });
  });

  app.get('/api/files/:id', { config: { access: 'files.read' }, schema: { tags, summary: '下载文件', params: idParam, produces: ['application/octet-stream'], response: { 200: z.custom<NodeJS.ReadableStream>().meta({ type: 'string', format: 'binary', description: '文件内容（实际类型见 content-type）' }) } } }, async (req, reply) => {
    // Reading follows the owner's scope (file-access.ts); a file out of scope is 404, as if absent.
    const ctx = contextOf(req, db);
    const row = await readableFile(ctx, ctx.actor!, req.params.id);
    const stream = await deps.store.open(row.storageKey);
    return reply
      .header('content-type', row.mime)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.originalName)}`)
      .header('x-content-type-options', 'nosniff')
      .send(stream);
  });
};
