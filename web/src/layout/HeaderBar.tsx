import { BellOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { App, Badge, Button, Dropdown } from 'antd';
import { useUnitCatalog } from '../features/units/api.ts';
import { Link, navigate } from '../lib/router.tsx';
import { useMe, usePermission, useSession } from '../lib/session.tsx';
import { common } from '../lib/strings.ts';
import { t } from './strings.ts';

/** Brand, unread badge, who is signed in (and for which unit), and the way out. */
export function HeaderBar({ compact, onOpenMenu }: { compact: boolean; onOpenMenu: () => void }) {
  const me = useMe();
  const { signOut } = useSession();
  const { message } = App.useApp();
  const canSeeUnits = usePermission('units.read');
  const units = useUnitCatalog(canSeeUnits);
  const unit = units.data?.items.find((u) => u.id === me.user.unitId);
  const unitName = unit ? unit.shortName || unit.name : '';

  const logout = async () => {
    await signOut().catch(() => undefined);
    message.success(t.loggedOut);
    navigate('/login', { replace: true });
  };

  return (
    <header className="app-header">
      <div className="app-header-left">
        {compact && (
          <Button type="text" className="header-icon-button" icon={<MenuOutlined />} aria-label={t.openMenu} onClick={onOpenMenu} />
        )}
        <Link to="/" className="app-brand">
          <span className="app-brand-mark" aria-hidden="true">公</span>
          <span className="app-brand-text">{compact ? common.appShort : common.appName}</span>
        </Link>
      </div>
      <div className="app-header-right">
        <Link to="/notifications" className="header-bell" aria-label={t.notificationsLabel(me.unread)}>
          <Badge count={me.unread} size="small" overflowCount={99}>
            <BellOutlined className="header-bell-icon" aria-hidden />
          </Badge>
        </Link>
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'password', label: t.changePassword },
              { type: 'divider' },
              { key: 'logout', label: t.logout, icon: <LogoutOutlined />, danger: true },
            ],
            onClick: ({ key }) => (key === 'logout' ? void logout() : navigate('/change-password')),
          }}
        >
          <Button type="text" className="header-user">
            <UserOutlined aria-hidden />
            <span className="header-user-name">{me.user.name}</span>
            {!compact && unitName && <span className="header-user-unit">{unitName}</span>}
          </Button>
        </Dropdown>
        {!compact && (
          <Button type="text" className="header-logout" icon={<LogoutOutlined />} onClick={() => void logout()}>
            {t.logout}
          </Button>
        )}
      </div>
    </header>
  );
}
