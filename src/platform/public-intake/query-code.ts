import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { queryCodes } from '../../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { todayInShanghai } from '../calendar/dates.ts';

/** Crockford's base32: no I, L, O, U, so a code read aloud or copied by hand has no look-alikes. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Random characters in a code: 10 × 5 = 50 bits, far beyond what a rate-limited guesser can try. */
const RANDOM_CHARS = 10;

/** The module prefixes in use (two letters from the pinyin initials); add new ones here. */
export const QUERY_CODE_PREFIXES = {
  /** 咨询 — a Q&A question registered in the consultation ledger. */
  qa: 'ZX',
  /** 信箱 — a mailbox message. */
  mailbox: 'XX',
  /** 依申请 — an information request. */
  requests: 'YS',
  /** 来电 — a call in the call ledger. */
  call: 'LD',
} as const;
export type QueryCodePrefix = (typeof QUERY_CODE_PREFIXES)[keyof typeof QUERY_CODE_PREFIXES];

/**
 * A fresh code, e.g. `XX2026-7K4MQ-9XDR2`: prefix, year (Asia/Shanghai), two groups of five random
 * Crockford characters. Not yet reserved — use `allocateQueryCode` to take one.
 */
export function newQueryCode(prefix: string, year = Number(todayInShanghai().slice(0, 4))): string {
  const bytes = randomBytes(RANDOM_CHARS);
  let s = '';
  // 256 is a multiple of 32: taking the low five bits of a uniform byte is uniform.
  for (const b of bytes) s += ALPHABET[b & 31];
  return `${prefix}${year}-${s.slice(0, 5)}-${s.slice(5)}`;
}

/**
 * The canonical form of a code as a person typed it (lower case, spaces, missing or extra hyphens,
 * O for 0, I or L for 1), or null when it cannot be a code (optionally: of this prefix).
 */
export function normalizeQueryCode(input: string, prefix?: string): string | null {
  if (typeof input !== 'string' || input.length > 64) return null;
  const s = input.toUpperCase().replace(/[\s\-－—_]/g, '');
  const m = /^([A-Z]{2})(\d{4})([0-9A-Z]{10})$/.exec(s);
  if (!m) return null;
  if (prefix && m[1] !== prefix) return null;
  const body = m[3].replace(/O/g, '0').replace(/[IL]/g, '1');
  if (/[^0-9A-HJKMNP-TV-Z]/.test(body)) return null;
  return `${m[1]}${m[2]}-${body.slice(0, 5)}-${body.slice(5)}`;
}

/**
 * Takes a fresh code for good: inserted into the shared `query_codes` registry with ON CONFLICT DO
 * NOTHING and retried on the (astronomically rare) collision, so it works inside any transaction.
 * Call it in the transaction that creates the record; a rollback frees the code.
 */
export async function allocateQueryCode(db: Db, prefix: string, opts: { year?: number } = {}): Promise<string> {
  if (!/^[A-Z]{2}$/.test(prefix)) throw new Error(`query code prefix must be two capital letters: ${prefix}`);
  for (let attempt = 0; attempt < 8; attempt++) {
    const code = newQueryCode(prefix, opts.year);
    const [row] = await db.insert(queryCodes).values({ code, prefix }).onConflictDoNothing().returning({ code: queryCodes.code });
    if (row) return row.code;
  }
  throw new AppError('unavailable', 'code_unavailable', '暂时无法生成查询码，请稍后重试');
}
