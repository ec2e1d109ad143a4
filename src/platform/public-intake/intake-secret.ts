import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { intakeSecrets } from '../../db/schema/index.ts';
import type { IntakeSettings } from './intake-settings.ts';

const cache = new WeakMap<object, Promise<string>>();

/**
 * The key that signs challenges: PUBLIC_FORM_SECRET when set, else one generated on first use and
 * kept in the database (insert-if-absent, then read), so every process on one database signs alike.
 */
export function intakeSecret(db: Db, settings: Pick<IntakeSettings, 'secret'>): Promise<string> {
  if (settings.secret) return Promise.resolve(settings.secret);
  let p = cache.get(db);
  if (!p) {
    p = (async () => {
      await db.insert(intakeSecrets).values({ id: 1, secret: randomBytes(32).toString('base64url') }).onConflictDoNothing();
      const [row] = await db.select().from(intakeSecrets).where(eq(intakeSecrets.id, 1));
      return row.secret;
    })();
    p.catch(() => cache.delete(db));
    cache.set(db, p);
  }
  return p;
}
