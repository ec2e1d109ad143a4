import { createHash, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { publicSubmissions } from '../../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { addressKey } from './client-address.ts';

/** Minutes within which the same body from the same address is taken as the same submission. */
export const SAME_BODY_MINUTES = 10;

/**
 * The key that makes a repeated submission the same one, in order of preference:
 * the form's submission token (a random value rendered into the form: a reload or a double click
 * sends it again), the client's `Idempotency-Key` header, else a SHA-256 of the address and the
 * body's canonical JSON (the same text from the same address within `SAME_BODY_MINUTES`).
 * Tokens and keys are kept apart from body hashes by a prefix; only body hashes expire.
 */
export function submissionKey(input: { token?: string | null; idempotencyKey?: string | null; ip?: string | null; body: unknown }): { key: string; expires: boolean } {
  const clean = (s: string) => s.trim().slice(0, 200);
  if (input.token && /^[A-Za-z0-9_-]{16,128}$/.test(input.token)) return { key: `t:${input.token}`, expires: false };
  if (input.idempotencyKey && clean(input.idempotencyKey)) return { key: `k:${addressKey(input.ip)}:${clean(input.idempotencyKey)}`, expires: false };
  const hash = createHash('sha256').update(addressKey(input.ip)).update('\n').update(canonicalJson(input.body)).digest('base64url');
  return { key: `h:${hash}`, expires: true };
}

/**
 * Runs `create` once per (scope, key); a second submission with the key gets the first result.
 * Call inside the transaction that creates the record. The key's row is claimed first with
 * `INSERT … ON CONFLICT DO UPDATE … WHERE <expired>`: a concurrent identical submission waits on
 * the row's lock until the first commits, then finds it taken and reads its result — the unique
 * key decides, never a check-then-insert. A body-hash key older than `SAME_BODY_MINUTES` is taken
 * over (the person really wrote the same thing again); tokens and idempotency keys never expire.
 * If `create` throws, the transaction's rollback frees the key.
 */
export async function submitOnce<T>(
  db: Db,
  opts: { scope: string; key: { key: string; expires: boolean }; now?: Date },
  create: () => Promise<T>,
): Promise<{ result: T; duplicate: boolean }> {
  const now = opts.now ?? new Date();
  const cutoff = opts.key.expires ? new Date(now.getTime() - SAME_BODY_MINUTES * 60_000) : new Date(0);
  const [claimed] = await db
    .insert(publicSubmissions)
    .values({ scope: opts.scope, key: opts.key.key, createdAt: now })
    .onConflictDoUpdate({
      target: [publicSubmissions.scope, publicSubmissions.key],
      set: { createdAt: now, result: null },
      setWhere: sql`${publicSubmissions.createdAt} < ${cutoff.toISOString()}`,
    })
    .returning({ key: publicSubmissions.key });
  if (!claimed) {
    const [prev] = await db
      .select({ result: publicSubmissions.result })
      .from(publicSubmissions)
      .where(and(eq(publicSubmissions.scope, opts.scope), eq(publicSubmissions.key, opts.key.key)));
    if (!prev?.result) throw new AppError('conflict', 'submission_in_progress', '相同内容正在提交中，请稍候查看结果');
    return { result: prev.result as T, duplicate: true };
  }
  const result = await create();
  await db
    .update(publicSubmissions)
    .set({ result: result as unknown as object })
    .where(and(eq(publicSubmissions.scope, opts.scope), eq(publicSubmissions.key, opts.key.key)));
  return { result, duplicate: false };
}

/** JSON with object keys sorted, so the same fields in another order hash alike. */
function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(',')}}`;
}

/** A fresh token for one rendered form (hidden field `submissionToken`): resubmitting the form sends it again. */
export function newSubmissionToken(): string {
  return randomBytes(18).toString('base64url');
}
