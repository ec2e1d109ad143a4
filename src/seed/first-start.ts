import { migrateLocked, withStartupLock, type Database } from '../db/client.ts';
import { seedDemo, type SeedResult } from './seed-demo.ts';

/**
 * Migrations and the first-start seed, as one step under the start-up lock: several processes
 * started together on an empty PostgreSQL database migrate and seed it once (the others then find
 * the units there and seed nothing), instead of racing to insert the same units.
 */
export function migrateAndSeed(database: Database): Promise<SeedResult> {
  return withStartupLock(database, async () => {
    await migrateLocked(database);
    return seedDemo(database.db);
  });
}
