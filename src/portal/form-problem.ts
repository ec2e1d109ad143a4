import type { FastifyReply } from 'fastify';
import { ZodError } from 'zod';
import { HTTP_STATUS } from '../http/error-status.ts';
import { AppError } from '../platform/errors.ts';

/**
 * A refused public form, for the page that shows it again: the status and the first Chinese
 * message; a rate limit also sets Retry-After. Anything else is thrown on (a server error).
 */
export function formProblem(err: unknown, reply?: FastifyReply): { status: number; message: string } {
  if (err instanceof AppError) {
    const retry = (err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (reply && err.kind === 'rate_limited') reply.header('retry-after', String(Math.max(1, Math.ceil(retry ?? 60))));
    return { status: HTTP_STATUS[err.kind], message: err.message };
  }
  if (err instanceof ZodError) return { status: 400, message: err.issues[0]?.message ?? '提交的内容不正确' };
  throw err;
}

/** The fields to show again in a refused form (never the challenge's). */
export const refill = (fields: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(fields).filter(([k, v]) => typeof v === 'string' && !['altcha', 'challengeToken', 'challengeAnswer'].includes(k))) as Record<string, string>;
