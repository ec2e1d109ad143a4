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
  /** Read the Q&A library and its statistics (staff). */
  'qa.read': ALL,
  /** Write, publish, retire, import the unit's entries; review proposals: the 专员 and the office. */
  'qa.edit': ['sys_admin', 'office_admin', 'qa_specialist'],
  /** Synonyms, replacing the whole library, routing registered questions: the office. */
  'qa.manage': ['sys_admin', 'office_admin'],
  /** Staff search for the phone line and the window; record a consultation. */
  'qa.consult': ['sys_admin', 'office_admin', 'liaison', 'responder', 'qa_specialist', 'editor'],
  /** Sign for, return and reply to the registered questions routed to one's unit. */
  'qa.reply': ['sys_admin', 'office_admin', 'liaison', 'responder', 'qa_specialist'],
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
