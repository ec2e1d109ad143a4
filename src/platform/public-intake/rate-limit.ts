import { lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { publicRateCounters } from '../../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { addressKey } from './client-address.ts';

export interface RateRule {
  /** What is counted, e.g. `mailbox.submit`, `code.lookup`. */
  bucket: string;
  limit: number;
  windowSeconds: number;
  /** The message's verb: 提交 (default), 查询 … */
  verb?: string;
}

/** The 429 of a public endpoint: stable code, a Chinese message saying when to come back, Retry-After. */
export function tooManyRequests(retryAfterSeconds: number, verb = '提交') {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new AppError('rate_limited', 'too_many_requests', `${verb}过于频繁，请${minutes}分钟后再试`, { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) });
}

/**
 * Counts one hit of `address` in the rule's fixed window and refuses the hit past the limit.
 * The count is one `INSERT … ON CONFLICT DO UPDATE SET hits = hits + 1 RETURNING hits`: atomic in the
 * database, so several processes sharing one PostgreSQL count together and concurrent hits never
 * read the same number. Call it outside the record's transaction (a refused or failed submission
 * still counts). Returns the hits so far and what remains.
 */
export async function hitRateLimit(db: Db, rule: RateRule, ip: string | null | undefined, now = new Date()): Promise<{ hits: number; remaining: number }> {
  const hits = await countHit(db, rule, ip, now);
  if (hits > rule.limit) throw tooManyRequests(secondsLeft(rule, now), rule.verb);
  return { hits, remaining: rule.limit - hits };
}

/** Whether `address` is already past the limit in this window, without counting a hit. */
export async function assertUnderRateLimit(db: Db, rule: RateRule, ip: string | null | undefined, now = new Date()): Promise<void> {
  const start = windowStart(rule, now);
  const rows = await db.execute(
    sql`select hits from ${publicRateCounters} where bucket = ${rule.bucket} and address = ${addressKey(ip)} and window_start = ${start.toISOString()}`,
  );
  const hits = Number(resultRows<{ hits: number }>(rows)[0]?.hits ?? 0);
  if (hits >= rule.limit) throw tooManyRequests(secondsLeft(rule, now), rule.verb);
}

/** Counts one hit without refusing (e.g. a wrong query code counted against the miss limit). */
export async function countHit(db: Db, rule: RateRule, ip: string | null | undefined, now = new Date()): Promise<number> {
  const start = windowStart(rule, now);
  const rows = await db.execute(sql`
    insert into ${publicRateCounters} (bucket, address, window_start, hits)
    values (${rule.bucket}, ${addressKey(ip)}, ${start.toISOString()}, 1)
    on conflict (bucket, address, window_start) do update set hits = ${publicRateCounters}.hits + 1
    returning hits`);
  return Number(resultRows<{ hits: number }>(rows)[0].hits);
}

/** Removes windows that ended more than a day ago (platform job). */
export async function pruneRateCounters(db: Db, now = new Date()): Promise<void> {
  await db.delete(publicRateCounters).where(lt(publicRateCounters.windowStart, new Date(now.getTime() - 2 * 86_400_000)));
}

function windowStart(rule: RateRule, now: Date): Date {
  const ms = rule.windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}

function secondsLeft(rule: RateRule, now: Date): number {
  return (windowStart(rule, now).getTime() + rule.windowSeconds * 1000 - now.getTime()) / 1000;
}

/** node-postgres answers `{ rows }`, PGlite too; drizzle's execute passes either through. */
export function resultRows<T>(r: unknown): T[] {
  return ((r as { rows?: T[] }).rows ?? (r as T[])) as T[];
}
