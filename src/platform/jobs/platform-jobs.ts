import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { purgeExpiredSessions } from '../users/sessions.ts';
import { pruneIntake } from '../public-intake/prune-intake.ts';
import type { JobRunner } from './job-runner.ts';

/** Daily housekeeping of the platform itself; modules register their own jobs beside these. */
export function registerPlatformJobs(runner: JobRunner, kind: Database['kind']) {
  runner.register('purge-sessions', (db) => purgeExpiredSessions(db), { at: '03:00' });
  runner.register('prune-public-intake', (db) => pruneIntake(db), { at: '03:10' });
  // PGlite runs no autovacuum: without this, updated rows pile up as dead tuples and the planner's
  // statistics go stale (seen in the plans benchmark: 12k live rows, 30k index entries). PostgreSQL
  // servers do this themselves.
  if (kind === 'pglite') runner.register('vacuum-analyze', async (db) => void (await db.execute(sql`vacuum analyze`)), { at: '03:30' });
}
