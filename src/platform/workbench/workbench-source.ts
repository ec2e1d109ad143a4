import type { Db } from '../../db/client.ts';
import type { Calendar } from '../calendar/calendar.ts';
import type { Actor } from '../context.ts';
import type { Role } from '../roles.ts';

/** How a count should catch the eye: danger (overdue), warning (waiting on the person), info, plain. */
export type WorkbenchTone = 'danger' | 'warning' | 'info' | 'default';

/** One count on the workbench; `href` is an admin-app path (without /admin) whose list shows exactly these rows. */
export interface WorkbenchItem {
  key: string;
  label: string;
  count: number;
  href: string;
  tone: WorkbenchTone;
  /** A short second line (which plan, how many of them are late). */
  hint?: string;
}

/** A date within the coming week, from any module. */
export interface WorkbenchDeadline {
  date: string;
  label: string;
  href: string;
}

export interface WorkbenchResult {
  items: WorkbenchItem[];
  deadlines: WorkbenchDeadline[];
}

/**
 * What a source's `load` receives. Scope is already decided: `unitIds` is 'all' for the district
 * office and the actor's own unit otherwise — a source never takes a unit from the request.
 */
export interface WorkbenchContext {
  db: Db;
  actor: Actor;
  /** Today and the last day of the coming week (today + 6), Asia/Shanghai, YYYY-MM-DD. */
  today: string;
  weekEnd: string;
  unitIds: 'all' | string[];
  /** The platform calendar, read once per workbench and shared by every source that counts working days. */
  calendar(): Promise<Calendar>;
}

/**
 * A module's contribution to the workbench (工作台). Registered once by the module (from its
 * routes plugin), read by `getWorkbench` for every caller holding one of `roles`. `load` must be
 * bounded: a few aggregate queries, never one per row.
 */
export interface WorkbenchSource {
  /** Stable id, `<module>.<what>` (plans.office, catalog.review). */
  id: string;
  module: string;
  /** The card's heading (Chinese). */
  title: string;
  roles: readonly Role[];
  /** Smaller first; sources of one order keep their registration order. */
  order?: number;
  load(ctx: WorkbenchContext): Promise<WorkbenchResult>;
}

const sources = new Map<string, WorkbenchSource>();

/** Registers (or replaces, by id) a source; returns the function that removes it again. */
export function registerWorkbenchSource(source: WorkbenchSource): () => void {
  sources.set(source.id, source);
  return () => {
    if (sources.get(source.id) === source) sources.delete(source.id);
  };
}

/** The sources an actor sees: one of their roles is listed. */
export function workbenchSourcesFor(roles: readonly Role[]): WorkbenchSource[] {
  return [...sources.values()].filter((s) => s.roles.some((r) => roles.includes(r))).sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
}
