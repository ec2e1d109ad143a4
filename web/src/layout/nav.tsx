import {
  ApartmentOutlined,
  AuditOutlined,
  BellOutlined,
  CalendarOutlined,
  ClusterOutlined,
  HomeOutlined,
  ReadOutlined,
  ScheduleOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../lib/session.tsx';
import { t } from './strings.ts';

export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  /** Shown only to users holding this permission. */
  permission?: Permission;
  /** A module still being built: shown greyed out. */
  comingSoon?: boolean;
}

export const NAV: NavItem[] = [
  { path: '/', label: t.nav.home, icon: <HomeOutlined /> },
  { path: '/units', label: t.nav.units, icon: <ApartmentOutlined />, permission: 'units.read' },
  { path: '/groups', label: t.nav.groups, icon: <ClusterOutlined />, permission: 'units.read' },
  { path: '/users', label: t.nav.users, icon: <TeamOutlined />, permission: 'users.read' },
  { path: '/calendar', label: t.nav.calendar, icon: <CalendarOutlined />, permission: 'calendar.read' },
  { path: '/audit', label: t.nav.audit, icon: <AuditOutlined />, permission: 'audit.read' },
  { path: '/notifications', label: t.nav.notifications, icon: <BellOutlined />, permission: 'notifications.own' },
  { path: '/plans', label: t.nav.plans, icon: <ScheduleOutlined />, comingSoon: true },
  { path: '/catalog', label: t.nav.catalog, icon: <ReadOutlined />, comingSoon: true },
];

/** The menu entry a path belongs to (`/units/…` → `/units`). */
export function activeNav(path: string): string {
  const hit = NAV.filter((n) => n.path !== '/' && (path === n.path || path.startsWith(`${n.path}/`)));
  return hit[0]?.path ?? '/';
}
