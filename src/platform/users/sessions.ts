import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { sessions, users } from '../../db/schema/index.ts';
import type { Actor } from '../context.ts';
import type { Role } from '../policy.ts';

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
const randomToken = () => randomBytes(32).toString('base64url');

export async function openSession(
  db: Db,
  userId: string,
  meta: { ip?: string | null; userAgent?: string | null; hours: number },
) {
  const token = randomToken();
  const csrfToken = randomToken();
  await db.insert(sessions).values({
    id: tokenHash(token),
    userId,
    csrfToken,
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    expiresAt: new Date(Date.now() + meta.hours * 3600_000),
  });
  return { token, csrfToken };
}

export interface SessionInfo {
  actor: Actor;
  csrfToken: string;
  mustChangePassword: boolean;
  sessionId: string;
}

/** The live session behind a cookie token, or null when unknown, expired or the account is disabled. */
export async function findSession(db: Db, token: string): Promise<SessionInfo | null> {
  const id = tokenHash(token);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, new Date())));
  if (!row || row.user.disabled) return null;
  const u = row.user;
  return {
    sessionId: id,
    csrfToken: row.session.csrfToken,
    mustChangePassword: u.mustChangePassword,
    actor: { id: u.id, username: u.username, name: u.displayName, unitId: u.unitId, roles: u.roles as Role[] },
  };
}

export async function closeSession(db: Db, token: string) {
  await db.delete(sessions).where(eq(sessions.id, tokenHash(token)));
}

export async function purgeExpiredSessions(db: Db) {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}
