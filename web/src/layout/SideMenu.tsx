import { Menu, Tag, type MenuProps } from 'antd';
import { useState } from 'react';
import { navigate, usePath } from '../lib/router.tsx';
import { useSession, type Permission } from '../lib/session.tsx';
import { activeNav, NAV, type NavItem } from './nav.tsx';
import { t } from './strings.ts';

type MenuItem = Required<MenuProps>['items'][number];

/** The module menu; entries the user may not use are left out, modules to come are greyed. */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const path = usePath();
  const { state } = useSession();
  const permissions: Permission[] = state.status === 'ready' ? state.me.permissions : [];
  // Groups start open so their pages are one click away; the user may fold them.
  const [openKeys, setOpenKeys] = useState<string[]>(() => NAV.filter((n) => n.children).map((n) => n.path));
  const allowed = (n: NavItem) => !n.permission || permissions.includes(n.permission);
  const toItem = (n: NavItem): MenuItem => {
    if (n.children) return { key: n.path, icon: n.icon, label: n.label, children: n.children.filter(allowed).map(toItem) };
    return {
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
    };
  };
  const items = NAV.filter(allowed).map(toItem);
  return (
    <nav aria-label={t.menuLabel}>
      <Menu
        mode="inline"
        selectedKeys={[activeNav(path)]}
        openKeys={openKeys}
        onOpenChange={setOpenKeys}
        items={items}
        onClick={({ key }) => {
          navigate(key);
          onNavigate?.();
        }}
      />
    </nav>
  );
}
