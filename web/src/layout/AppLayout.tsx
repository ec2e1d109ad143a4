import { Drawer, Grid, Layout } from 'antd';
import { useState, type ReactNode } from 'react';
import { common } from '../lib/strings.ts';
import { HeaderBar } from './HeaderBar.tsx';
import { SideMenu } from './SideMenu.tsx';
import { t } from './strings.ts';

/**
 * The signed-in frame: header across the top, module menu on the left. Below the `lg` breakpoint
 * the menu moves into a drawer opened from the header, so a phone keeps the full width for content.
 */
export function AppLayout({ children }: { children: ReactNode }) {
  const screens = Grid.useBreakpoint();
  const compact = screens.lg === undefined ? window.innerWidth < 992 : !screens.lg;
  const [menuOpen, setMenuOpen] = useState(false);

  return (
    <Layout className="app-layout">
      <a className="skip-link" href="#main-content">
        {t.skipToContent}
      </a>
      <HeaderBar compact={compact} onOpenMenu={() => setMenuOpen(true)} />
      <Layout>
        {!compact && (
          <Layout.Sider width={216} theme="light" className="app-sider">
            <SideMenu />
          </Layout.Sider>
        )}
        {compact && (
          <Drawer
            open={menuOpen}
            onClose={() => setMenuOpen(false)}
            placement="left"
            size={260}
            title={common.appName}
            className="menu-drawer"
            styles={{ body: { padding: 0 } }}
          >
            <SideMenu onNavigate={() => setMenuOpen(false)} />
          </Drawer>
        )}
        <Layout.Content className="app-content">
          <main id="main-content" tabIndex={-1}>
            {children}
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
