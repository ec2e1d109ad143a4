import { lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { publicChallengeUses, publicSubmissions } from '../../db/schema/index.ts';
import { pruneRateCounters } from './rate-limit.ts';

/**
 * Daily housekeeping of the public-intake tables: ended rate windows, spent challenges past their
 * expiry (a proof cannot be replayed after it expires anyway), duplicate keys older than 30 days.
 */
export async function pruneIntake(db: Db, now = new Date()) {
  await pruneRateCounters(db, now);
  await db.delete(publicChallengeUses).where(lt(publicChallengeUses.expiresAt, new Date(now.getTime() - 86_400_000)));
  await db.delete(publicSubmissions).where(lt(publicSubmissions.createdAt, new Date(now.getTime() - 30 * 86_400_000)));
}
