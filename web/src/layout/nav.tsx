import {
  AlertOutlined,
  ApartmentOutlined,
  BarChartOutlined,
  CheckSquareOutlined,
  SettingOutlined,
  SoundOutlined,
  WarningOutlined,
  AuditOutlined,
  BellOutlined,
  CustomerServiceOutlined,
  MessageOutlined,
  MailOutlined,
  PhoneOutlined,
  ContactsOutlined,
  QuestionCircleOutlined,
  SolutionOutlined,
  CalendarOutlined,
  ClusterOutlined,
  FileTextOutlined,
  FileSearchOutlined,
  FormOutlined,
  HomeOutlined,
  ImportOutlined,
  OrderedListOutlined,
  PartitionOutlined,
  ReadOutlined,
  ScheduleOutlined,
  TeamOutlined,
  UnorderedListOutlined,
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
  /** A menu group: its path is only a key; the children are the pages. */
  children?: NavItem[];
}

export const NAV: NavItem[] = [
  { path: '/', label: t.nav.home, icon: <HomeOutlined /> },
  { path: '/units', label: t.nav.units, icon: <ApartmentOutlined />, permission: 'units.read' },
  { path: '/groups', label: t.nav.groups, icon: <ClusterOutlined />, permission: 'units.read' },
  { path: '/users', label: t.nav.users, icon: <TeamOutlined />, permission: 'users.read' },
  { path: '/calendar', label: t.nav.calendar, icon: <CalendarOutlined />, permission: 'calendar.read' },
  { path: '/audit', label: t.nav.audit, icon: <AuditOutlined />, permission: 'audit.read' },
  { path: '/notifications', label: t.nav.notifications, icon: <BellOutlined />, permission: 'notifications.own' },
  {
    path: 'plans-group',
    label: t.nav.plans,
    icon: <ScheduleOutlined />,
    permission: 'plans.read',
    children: [
      { path: '/plans', label: t.nav.planList, icon: <UnorderedListOutlined />, permission: 'plans.read' },
      { path: '/plans/mine', label: t.nav.myTasks, icon: <OrderedListOutlined />, permission: 'plans.read' },
      { path: '/plans/import', label: t.nav.planImport, icon: <ImportOutlined />, permission: 'plans.manage' },
    ],
  },
  {
    path: 'catalog-group',
    label: t.nav.catalog,
    icon: <ReadOutlined />,
    permission: 'catalog.read',
    children: [
      { path: '/catalog/documents', label: t.nav.documents, icon: <FileTextOutlined />, permission: 'catalog.read' },
      { path: '/catalog/columns', label: t.nav.columns, icon: <PartitionOutlined />, permission: 'catalog.manage' },
    ],
  },
  {
    path: 'requests-group',
    label: t.nav.requests,
    icon: <FileSearchOutlined />,
    permission: 'requests.read',
    children: [
      { path: '/requests', label: t.nav.requestList, icon: <UnorderedListOutlined />, permission: 'requests.read' },
      { path: '/requests/new', label: t.nav.requestNew, icon: <FormOutlined />, permission: 'requests.handle' },
    ],
  },
  { path: '/reports', label: t.nav.reports, icon: <BarChartOutlined />, permission: 'reports.read' },
  {
    path: 'opinion-group',
    label: t.nav.opinion,
    icon: <AlertOutlined />,
    permission: 'opinion.read',
    children: [
      { path: '/opinion/events', label: t.nav.opinionEvents, icon: <WarningOutlined />, permission: 'opinion.read' },
      { path: '/opinion/commitments', label: t.nav.opinionCommitments, icon: <CheckSquareOutlined />, permission: 'opinion.read' },
      { path: '/opinion/press', label: t.nav.opinionPress, icon: <SoundOutlined />, permission: 'opinion.read' },
      { path: '/opinion/stats', label: t.nav.opinionStats, icon: <BarChartOutlined />, permission: 'opinion.read' },
      { path: '/opinion/settings', label: t.nav.opinionSettings, icon: <SettingOutlined />, permission: 'opinion.read' },
    ],
  },
  {
    path: 'qa-group',
    label: t.nav.qa,
    icon: <MessageOutlined />,
    permission: 'qa.read',
    children: [
      { path: '/qa/library', label: t.nav.qaLibrary, icon: <QuestionCircleOutlined />, permission: 'qa.read' },
      { path: '/qa/console', label: t.nav.qaConsole, icon: <CustomerServiceOutlined />, permission: 'qa.consult' },
      { path: '/qa/ledger', label: t.nav.qaLedger, icon: <SolutionOutlined />, permission: 'qa.read' },
      { path: '/qa/stats', label: t.nav.qaStats, icon: <BarChartOutlined />, permission: 'qa.read' },
    ],
  },
  {
    path: 'mailbox-group',
    label: t.nav.mailbox,
    icon: <MailOutlined />,
    permission: 'mailbox.read',
    children: [
      { path: '/mailbox', label: t.nav.mailboxMessages, icon: <UnorderedListOutlined />, permission: 'mailbox.read' },
      { path: '/mailbox/calls', label: t.nav.mailboxCalls, icon: <PhoneOutlined />, permission: 'mailbox.read' },
      { path: '/mailbox/phones', label: t.nav.mailboxPhones, icon: <ContactsOutlined />, permission: 'mailbox.read' },
      { path: '/mailbox/stats', label: t.nav.mailboxStats, icon: <BarChartOutlined />, permission: 'mailbox.read' },
    ],
  },
];

const leaves = (items: NavItem[]): NavItem[] => items.flatMap((n) => (n.children ? leaves(n.children) : [n]));

/** The menu entry a path belongs to (`/units/…` → `/units`; the longest matching entry wins). */
export function activeNav(path: string): string {
  // A plan's own to-do list (notification links) is 我的任务; a measure opened alone belongs to the plans.
  if (/^\/plans\/[^/]+\/mine$/.test(path)) return '/plans/mine';
  if (path.startsWith('/measures/')) return '/plans';
  if (path.startsWith('/qa/ledger/')) return '/qa/ledger';
  if (path.startsWith('/mailbox/messages/')) return '/mailbox';
  const hit = leaves(NAV)
    .filter((n) => n.path !== '/' && (path === n.path || path.startsWith(`${n.path}/`)))
    .sort((a, b) => b.path.length - a.path.length);
  return hit[0]?.path ?? '/';
}
