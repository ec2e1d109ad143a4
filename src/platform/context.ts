import type { Db } from '../db/client.ts';
import type { Role } from './roles.ts';

/** Who is acting. Null for the public and for system work started by the process itself. */
export interface Actor {
  id: string;
  username: string;
  name: string;
  unitId: string;
  roles: Role[];
}

/** What every domain operation receives: the database (or an open transaction), the actor and their address. */
export interface OpContext {
  db: Db;
  actor: Actor | null;
  ip?: string | null;
}

/** Runs `fn` in one transaction; the change and its audit rows commit or roll back together. */
export function inTransaction<T>(ctx: OpContext, fn: (tx: OpContext) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => fn({ ...ctx, db: tx as unknown as Db }));
}

export const SYSTEM_ACTOR_NAME = '系统';
