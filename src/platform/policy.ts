import { forbidden, outOfScope, unauthenticated } from './errors.ts';
import type { Actor } from './context.ts';
import { ROLE_CODES, type Role } from './roles.ts';

export { ROLES, ROLE_CODES, type Role } from './roles.ts';

/** Roles whose reach is the whole district; every other role acts within its own unit. */
const DISTRICT_WIDE: ReadonlySet<Role> = new Set(['sys_admin', 'office_admin']);

const ALL: Role[] = [...ROLE_CODES];
const WRITERS: Role[] = ROLE_CODES.filter((r) => r !== 'readonly');

/**
 * Every permission an endpoint can require, and the roles that hold it. The same table is sent to
 * the admin app so that it hides what the user may not do.
 */
export const POLICY = {
  'units.read': ALL,
  'units.manage': ['sys_admin', 'office_admin'],
  'users.read': ['sys_admin', 'office_admin', 'liaison'],
  'users.manage': ['sys_admin', 'office_admin'],
  'audit.read': ['sys_admin', 'office_admin'],
  'calendar.read': ALL,
  'calendar.manage': ['sys_admin', 'office_admin'],
  'notifications.own': ALL,
  'files.upload': WRITERS,
  'files.read': ALL,
  'jobs.manage': ['sys_admin'],
  'plans.read': ALL,
  /** Import, issue, close out, urge, circulate: the district office. */
  'plans.manage': ['sys_admin', 'office_admin'],
  /** Report progress on one's own unit's assignments. */
  'plans.report': ['sys_admin', 'office_admin', 'liaison', 'editor'],
  /** Check (核查) the assignments of measures one's unit leads. */
  'plans.check': ['sys_admin', 'office_admin', 'liaison'],
  'catalog.read': ALL,
  /** Columns, their settings and the path mappings. */
  'catalog.manage': ['sys_admin', 'office_admin'],
  /** Draft and edit documents of one's own unit. */
  'documents.edit': ['sys_admin', 'office_admin', 'liaison', 'editor'],
  /** Take a step of the review chain (the step's own role is checked too: a liaison only a 联络员 step). */
  'documents.review': ['sys_admin', 'office_admin', 'liaison', 'reviewer', 'approver'],
  /** Read the open personal-information findings: those who edit and those who review. */
  'documents.findings': ['sys_admin', 'office_admin', 'liaison', 'editor', 'reviewer', 'approver'],
  /** See dispatch-and-reply ledger items: one's own unit's, the office all (src/platform/ledger). */
  'ledger.read': ALL,
  /** Sign for (签收), return (退回) and ask to extend one's own unit's ledger items. */
  'ledger.handle': ['sys_admin', 'office_admin', 'liaison', 'responder'],
  /** Reassign (改派) ledger items and decide extensions: the dispatcher, i.e. the district office. */
  'ledger.dispatch': ['sys_admin', 'office_admin'],
  /** Read mailbox messages and calls: the office all, a unit those assigned to it / its own calls. */
  'mailbox.read': ['sys_admin', 'office_admin', 'liaison', 'responder', 'readonly'],
  /** Review (审看), triage, reply on the spot, publish, close: the office. */
  'mailbox.manage': ['sys_admin', 'office_admin'],
  /** Reply to messages assigned to one's unit; log calls and callbacks. */
  'mailbox.reply': ['sys_admin', 'office_admin', 'liaison', 'responder'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof POLICY;
export const PERMISSIONS = Object.keys(POLICY) as Permission[];

export function can(actor: Actor | null, permission: Permission): boolean {
  if (!actor) return false;
  const allowed = POLICY[permission] as readonly Role[];
  return actor.roles.some((r) => allowed.includes(r));
}

export function assertCan(actor: Actor | null, permission: Permission): asserts actor is Actor {
  if (!actor) throw unauthenticated();
  if (!can(actor, permission)) throw forbidden();
}

export function permissionsOf(actor: Actor): Permission[] {
  return PERMISSIONS.filter((p) => can(actor, p));
}

export function isDistrictWide(actor: Actor): boolean {
  return actor.roles.some((r) => DISTRICT_WIDE.has(r));
}

/** Units an actor may act for: every unit, or their own. */
export function unitScope(actor: Actor): 'all' | string[] {
  return isDistrictWide(actor) ? 'all' : [actor.unitId];
}

export function assertUnitInScope(actor: Actor, unitId: string): void {
  const scope = unitScope(actor);
  if (scope !== 'all' && !scope.includes(unitId)) throw outOfScope('只能处理本单位的事项');
}
