import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { AppError } from '../platform/errors.ts';
import { HTTP_STATUS } from './error-status.ts';

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

const body = (code: string, message: string, details?: unknown): ErrorBody => ({ error: { code, message, ...(details !== undefined && { details }) } });

/** Domain errors keep their code; the status is chosen here, at the edge. Nothing internal leaks out. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError | ZodError, req, reply) => {
    if (err instanceof AppError) {
      // A rate limit says when to come back (src/platform/public-intake/rate-limit.ts).
      const retry = (err.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      if (err.kind === 'rate_limited' && typeof retry === 'number') reply.header('retry-after', String(Math.max(1, Math.ceil(retry))));
      return reply.status(HTTP_STATUS[err.kind]).send(body(err.code, err.message, err.details));
    }
    if (err instanceof ZodError) {
      const issues = err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return reply.status(400).send(body('validation_failed', describe(issues), issues));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: `${err.validationContext ?? ''}${v.instancePath.replace(/\//g, '.')}`,
        message: v.message ?? '格式不正确',
      }));
      return reply.status(400).send(body('validation_failed', describe(issues), issues));
    }
    const fe = err as FastifyError;
    if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (fe.statusCode === 400 && /JSON/i.test(fe.message)))
      return reply.status(400).send(body('malformed_json', '请求内容不是有效的 JSON'));
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.code === 'FST_REQ_FILE_TOO_LARGE' || fe.statusCode === 413)
      return reply.status(413).send(body('too_large', '提交的内容超过大小上限'));
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.statusCode === 415)
      return reply.status(415).send(body('unsupported_media_type', '不支持的内容类型'));
    if (isMalformedMultipart(fe))
      return reply.status(400).send(body('malformed_multipart', '上传的内容不完整或格式不正确，请重新上传'));
    if (fe.statusCode === 429) return reply.status(429).send(body('rate_limited', '请求过于频繁，请稍后再试'));
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)
      return reply.status(fe.statusCode).send(body('bad_request', '请求无效'));
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(body('internal_error', '服务器内部错误，请稍后重试；如持续出现请联系管理员'));
  });
}

/**
 * A multipart body cut short or without its boundary: the parser (@fastify/busboy) throws plain
 * errors without a status, known only by their fixed messages; the request is the client's fault.
 */
const MULTIPART_ERRORS = /^(?:Unexpected end of multipart data|\w+ terminated early due to unexpected end of multipart data|Multipart: Boundary not found)$/;
function isMalformedMultipart(err: FastifyError): boolean {
  return err.code === 'FST_MP_PREMATURE_CLOSE' || (!err.statusCode && MULTIPART_ERRORS.test(err.message));
}

function describe(issues: { path: string; message: string }[]) {
  const first = issues[0];
  if (!first) return '提交的内容不正确';
  const more = issues.length > 1 ? `（另有 ${issues.length - 1} 处问题）` : '';
  return `${first.path ? `${first.path}：` : ''}${first.message}${more}`;
}
