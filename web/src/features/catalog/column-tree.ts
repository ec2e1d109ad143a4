import type { Unit } from '../units/api.ts';
import type { Column } from './api.ts';
import { t } from './strings.ts';

export interface ColumnNode {
  column: Column;
  children: ColumnNode[];
}

/** The flat list of a site's columns as a tree, in the server's order. */
export function buildColumnTree(columns: Column[]): ColumnNode[] {
  const nodes = new Map(columns.map((c) => [c.id, { column: c, children: [] as ColumnNode[] }]));
  const roots: ColumnNode[] = [];
  for (const c of columns) {
    const node = nodes.get(c.id)!;
    const parent = c.parentId ? nodes.get(c.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** A column's path from its root, for labels (`政府信息公开 > 通知公告`). */
export function columnPath(columns: Column[], id: string): string {
  const byId = new Map(columns.map((c) => [c.id, c]));
  const names: string[] = [];
  for (let c = byId.get(id); c; c = c.parentId ? byId.get(c.parentId) : undefined) names.unshift(c.name);
  return names.join(' > ');
}

/** The sites a user may choose: the district portal (the region unit) first, then units' own pages. */
export function siteOptions(units: Unit[], only?: string[]): { value: string; label: string }[] {
  const active = units.filter((u) => u.active);
  const region = active.filter((u) => u.kind === 'region');
  const rest = active.filter((u) => u.kind !== 'region' && (!only || only.includes(u.id)));
  return [
    ...region.map((u) => ({ value: u.id, label: t.districtSite(u.shortName || u.name) })),
    ...rest.map((u) => ({ value: u.id, label: t.unitSite(u.shortName || u.name) })),
  ];
}

/** Published timestamps shown as a Beijing calendar date. */
export function dateOf(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

/** The tree cut down to columns whose name contains `q`, with their ancestors (all of it for an empty query). */
export function filterColumnTree(roots: ColumnNode[], q: string): ColumnNode[] {
  const query = q.trim();
  if (!query) return roots;
  const keep = (n: ColumnNode): ColumnNode | null => {
    const children = n.children.map(keep).filter((c): c is ColumnNode => c !== null);
    return n.column.name.includes(query) || children.length ? { column: n.column, children } : null;
  };
  return roots.map(keep).filter((c): c is ColumnNode => c !== null);
}

/** Every column that has children: the keys to open a tree fully. */
export function parentKeys(roots: ColumnNode[]): string[] {
  const out: string[] = [];
  const walk = (n: ColumnNode) => {
    if (n.children.length) out.push(n.column.id);
    n.children.forEach(walk);
  };
  roots.forEach(walk);
  return out;
}

/** A column tree as a TreeSelect takes it. */
export interface ColumnOption {
  value: string;
  title: string;
  children: ColumnOption[];
}
export function columnOptions(columns: Column[]): ColumnOption[] {
  const toNode = (n: ColumnNode): ColumnOption => ({ value: n.column.id, title: n.column.name, children: n.children.map(toNode) });
  return buildColumnTree(columns).map(toNode);
}
