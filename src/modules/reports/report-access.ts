import type { Actor } from '../../platform/context.ts';
import { assertCan, assertUnitInScope, type Permission } from '../../platform/policy.ts';

/** An agency's report is its own business; the district office sees and acts for every agency. */
export function assertReportAccess(actor: Actor | null, permission: Permission, agencyUnitId: string): asserts actor is Actor {
  assertCan(actor, permission);
  assertUnitInScope(actor, agencyUnitId);
}
