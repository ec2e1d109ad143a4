import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditFields {
  id: number;
  at: Date;
  actorId: string | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  prevHash: string;
}

/** The hash of one row covers its content and the previous row's hash, so any edit or removal breaks the chain. */
export function auditHash(row: AuditFields): string {
  // jsonb reorders keys, so the payload is hashed in a canonical (sorted-key) form.
  const canonical = stringify({
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    before: row.before ?? null,
    after: row.after ?? null,
    ip: row.ip,
  });
  return createHash('sha256').update(row.prevHash).update('\n').update(canonical ?? '').digest('hex');
}
