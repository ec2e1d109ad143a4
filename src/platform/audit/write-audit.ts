import { desc, sql } from 'drizzle-orm';
import { auditLog } from '../../db/schema/index.ts';
import { type OpContext, SYSTEM_ACTOR_NAME } from '../context.ts';
import { GENESIS_HASH, auditHash } from './audit-hash.ts';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Key under which audit appends are serialised: the chain needs one writer at a time. */
const AUDIT_LOCK = 704212;

/**
 * Appends one row to the audit chain. Call it inside the transaction that makes the change:
 * the transaction-scoped advisory lock orders concurrent writers and is released at commit.
 */
export async function writeAudit(ctx: OpContext, entry: AuditEntry): Promise<void> {
  const { db } = ctx;
  await db.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const [last] = await db
    .select({ id: auditLog.id, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.id))
    .limit(1);
  const row = {
    id: (last?.id ?? 0) + 1,
    at: new Date(),
    actorId: ctx.actor?.id ?? null,
    actorName: ctx.actor ? `${ctx.actor.name}（${ctx.actor.username}）` : SYSTEM_ACTOR_NAME,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    before: toJson(entry.before),
    after: toJson(entry.after),
    ip: ctx.ip ?? null,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await db.insert(auditLog).values({ ...row, hash: auditHash(row) });
}

/** Dates and undefined become what jsonb stores, so the hash computed now matches the row read back later. */
function toJson(v: unknown): unknown {
  return v === undefined ? null : JSON.parse(JSON.stringify(v));
}
