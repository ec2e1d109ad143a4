import { z } from 'zod';

/**
 * What every JSON route answers besides its success: the one error body of error-handler.ts.
 * Routes declare `response: answers({ 200: schema })`, so /api/docs and the generated client know both.
 */
export const errorBody = z
  .object({
    error: z.object({
      code: z.string().describe('稳定的错误代码，供程序判断'),
      message: z.string().describe('中文说明，给人看'),
      details: z.unknown().optional().describe('校验失败时为 [{ path, message }]，其他错误视情况附带'),
    }),
  })
  .meta({ id: 'ErrorBody' });

export const errors = { '4xx': errorBody, '5xx': errorBody } as const;

/** A JSON route's answers: its success status(es) with their schemas, plus the error body. */
export const answers = <T extends Record<number, z.ZodType>>(ok: T) => ({ ...ok, ...errors });

/**
 * A file download: the bytes, with their content type. Fastify sends a Buffer or stream as is (no
 * serialiser runs); the document says `type: string, format: binary` under that media type.
 */
export const fileAnswer = (mime: string) => ({
  produces: [mime],
  response: { 200: z.custom<Buffer | NodeJS.ReadableStream>().meta({ type: 'string', format: 'binary', description: '文件内容' }) },
});
