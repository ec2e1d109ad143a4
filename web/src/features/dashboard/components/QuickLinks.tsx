import { ApartmentOutlined, AuditOutlined, BellOutlined, CalendarOutlined, ClusterOutlined, FileTextOutlined, FolderOpenOutlined, OrderedListOutlined, ScheduleOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { Link } from '../../../lib/router.tsx';
import { useSession, type Permission } from '../../../lib/session.tsx';
import { t } from '../strings.ts';

const LINKS: { to: string; key: keyof typeof t.links; icon: ReactNode; permission: Permission }[] = [
  { to: '/units', key: 'units', icon: <ApartmentOutlined />, permission: 'units.read' },
  { to: '/groups', key: 'groups', icon: <ClusterOutlined />, permission: 'units.read' },
  { to: '/users', key: 'users', icon: <TeamOutlined />, permission: 'users.read' },
  { to: '/calendar', key: 'calendar', icon: <CalendarOutlined />, permission: 'calendar.read' },
  { to: '/audit', key: 'audit', icon: <AuditOutlined />, permission: 'audit.read' },
  { to: '/notifications', key: 'notifications', icon: <BellOutlined />, permission: 'notifications.own' },
  { to: '/plans', key: 'plans', icon: <ScheduleOutlined />, permission: 'plans.read' },
  { to: '/plans/mine', key: 'myTasks', icon: <OrderedListOutlined />, permission: 'plans.report' },
  { to: '/catalog/documents', key: 'documents', icon: <FileTextOutlined />, permission: 'documents.findings' },
  { to: '/catalog/columns', key: 'columns', icon: <FolderOpenOutlined />, permission: 'catalog.manage' },
];

export function QuickLinks() {
  const { state } = useSession();
  const permissions = state.status === 'ready' ? state.me.permissions : [];
  return (
    <ul className="quick-links">
      {LINKS.filter((l) => permissions.includes(l.permission)).map((l) => (
        <li key={l.key}>
          <Link to={l.to} className="quick-link">
            <span className="quick-link-icon" aria-hidden="true">
              {l.icon}
            </span>
            <span>
              <span className="quick-link-title">{t.links[l.key].title}</span>
              <span className="quick-link-desc">{t.links[l.key].desc}</span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
