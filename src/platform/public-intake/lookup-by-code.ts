import { notFound } from '../errors.ts';
import type { OpContext } from '../context.ts';
import type { IntakeSettings } from './intake-settings.ts';
import { normalizeQueryCode } from './query-code.ts';
import { assertUnderRateLimit, countHit, hitRateLimit } from './rate-limit.ts';

/**
 * A public look-up by query code, guarded against enumeration: every look-up counts against the
 * address's lookup limit, every unknown or malformed code against the (smaller) miss limit, and an
 * address past either is refused with 429 before the database is asked. A code is 50 random bits,
 * so at 10 misses per 10 minutes guessing one is hopeless; a miss and a hit are answered alike in
 * shape and the code is found by its unique index (no prefix search). `find` receives the
 * canonical code and returns the record or null; null (or a code of another prefix) → 404
 * `code_not_found`. `legacy` is the pattern of codes a module handed out before it used the shared
 * format (qa's `Q` + 9 characters): such a code, upper-cased and without spaces or hyphens, is
 * looked up as it is, under the same limits, so codes already given to people keep working.
 */
export async function lookupByCode<T>(
  ctx: OpContext,
  settings: IntakeSettings,
  input: { scope: string; prefix: string; code: string; legacy?: RegExp },
  find: (code: string) => Promise<T | null>,
): Promise<T> {
  const missRule = { bucket: `${input.scope}.lookup-miss`, ...settings.lookupMisses, verb: '查询' };
  await assertUnderRateLimit(ctx.db, missRule, ctx.ip);
  await hitRateLimit(ctx.db, { bucket: `${input.scope}.lookup`, ...settings.lookup, verb: '查询' }, ctx.ip);
  const code = normalizeQueryCode(input.code, input.prefix) ?? legacyCode(input.code, input.legacy);
  const found = code ? await find(code) : null;
  if (found === null) {
    await countHit(ctx.db, missRule, ctx.ip);
    throw notFound('code_not_found', `查询码不存在，请核对后重新输入（查询码形如 ${input.prefix}2026-7K4MQ-9XDR2）`);
  }
  return found;
}

function legacyCode(input: string, pattern: RegExp | undefined): string | null {
  if (!pattern || typeof input !== 'string' || input.length > 64) return null;
  const s = input.toUpperCase().replace(/[\s\-－—_]/g, '');
  return pattern.test(s) ? s : null;
}
