import { Menu, Tag } from 'antd';
import { navigate, usePath } from '../lib/router.tsx';
import { useSession } from '../lib/session.tsx';
import { activeNav, NAV } from './nav.tsx';
import { t } from './strings.ts';

/** The module menu; entries the user may not use are left out, modules to come are greyed. */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const path = usePath();
  const { state } = useSession();
  const permissions = state.status === 'ready' ? state.me.permissions : [];
  const items = NAV.filter((n) => !n.permission || permissions.includes(n.permission)).map((n) => ({
    key: n.path,
    icon: n.icon,
    disabled: n.comingSoon,
    label: n.comingSoon ? (
      <span className="menu-soon">
        {n.label}
        <Tag variant="filled" className="menu-soon-tag">{t.comingSoon}</Tag>
      </span>
    ) : (
      n.label
    ),
  }));
  return (
    <nav aria-label={t.menuLabel}>
      <Menu
        mode="inline"
        selectedKeys={[activeNav(path)]}
        items={items}
        onClick={({ key }) => {
          navigate(key);
          onNavigate?.();
        }}
      />
    </nav>
  );
}
