import { Spin } from 'antd';
import { lazy, Suspense, useEffect, type ComponentType, type LazyExoticComponent } from 'react';
import { Forbidden, NotFound } from './components/Forbidden.tsx';
import { ChangePasswordPage } from './features/auth/pages/ChangePasswordPage.tsx';
import { LoginPage } from './features/auth/pages/LoginPage.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { matchPath, navigate, usePath, type PageProps, type RouteParams } from './lib/router.tsx';
import { useSession, type Permission } from './lib/session.tsx';
import { common } from './lib/strings.ts';

interface Route {
  /** Literal segments and `:name` parameters; the first route that matches wins. */
  path: string;
  page: LazyExoticComponent<ComponentType<PageProps>>;
  permission?: Permission;
}

// One chunk per page: a user who never opens the audit log never downloads it.
const page = (load: () => Promise<Record<string, ComponentType<PageProps>>>, name: string) =>
  lazy(async () => ({ default: (await load())[name] }));

const ROUTES: Route[] = [
  { path: '/', page: page(() => import('./features/dashboard/pages/DashboardPage.tsx'), 'DashboardPage') },
  { path: '/units', page: page(() => import('./features/units/pages/UnitsPage.tsx'), 'UnitsPage'), permission: 'units.read' },
  { path: '/groups', page: page(() => import('./features/groups/pages/GroupsPage.tsx'), 'GroupsPage'), permission: 'units.read' },
  { path: '/users', page: page(() => import('./features/users/pages/UsersPage.tsx'), 'UsersPage'), permission: 'users.read' },
  { path: '/calendar', page: page(() => import('./features/calendar/pages/CalendarPage.tsx'), 'CalendarPage'), permission: 'calendar.read' },
  { path: '/audit', page: page(() => import('./features/audit/pages/AuditPage.tsx'), 'AuditPage'), permission: 'audit.read' },
  {
    path: '/notifications',
    page: page(() => import('./features/notifications/pages/NotificationsPage.tsx'), 'NotificationsPage'),
    permission: 'notifications.own',
  },
  // 任务分工督办: literal paths before the `:id` ones. Notification links use /plans/:planId/mine.
  { path: '/plans', page: page(() => import('./features/plans/pages/PlansListPage.tsx'), 'PlansListPage'), permission: 'plans.read' },
  { path: '/plans/import', page: page(() => import('./features/plans/pages/PlanImportPage.tsx'), 'PlanImportPage'), permission: 'plans.manage' },
  { path: '/plans/mine', page: page(() => import('./features/plans/pages/MyTasksPage.tsx'), 'MyTasksPage'), permission: 'plans.read' },
  { path: '/plans/:planId/mine', page: page(() => import('./features/plans/pages/MyTasksPage.tsx'), 'MyTasksPage'), permission: 'plans.read' },
  { path: '/plans/:planId/assignments', page: page(() => import('./features/plans/pages/PlanAssignmentsPage.tsx'), 'PlanAssignmentsPage'), permission: 'plans.read' },
  { path: '/plans/:planId/measures/:measureId', page: page(() => import('./features/plans/pages/MeasureDetailPage.tsx'), 'MeasureDetailPage'), permission: 'plans.read' },
  { path: '/measures/:measureId', page: page(() => import('./features/plans/pages/MeasureDetailPage.tsx'), 'MeasureDetailPage'), permission: 'plans.read' },
  { path: '/plans/:planId', page: page(() => import('./features/plans/pages/PlanDetailPage.tsx'), 'PlanDetailPage'), permission: 'plans.read' },
  // 目录与发布: `new` before `:id`.
  { path: '/reports', page: page(() => import('./features/reports/pages/ReportsPage.tsx'), 'ReportsPage'), permission: 'reports.read' },
  { path: '/reports/:agencyUnitId/:year', page: page(() => import('./features/reports/pages/AnnualReportPage.tsx'), 'AnnualReportPage'), permission: 'reports.read' },
  { path: '/opinion/events', page: page(() => import('./features/opinion/pages/EventsPage.tsx'), 'EventsPage'), permission: 'opinion.read' },
  { path: '/opinion/events/:id', page: page(() => import('./features/opinion/pages/EventPage.tsx'), 'EventPage'), permission: 'opinion.read' },
  { path: '/opinion/commitments', page: page(() => import('./features/opinion/pages/CommitmentsPage.tsx'), 'CommitmentsPage'), permission: 'opinion.read' },
  { path: '/opinion/press', page: page(() => import('./features/opinion/pages/PressEventsPage.tsx'), 'PressEventsPage'), permission: 'opinion.read' },
  { path: '/opinion/stats', page: page(() => import('./features/opinion/pages/StatsPage.tsx'), 'StatsPage'), permission: 'opinion.read' },
  { path: '/opinion/settings', page: page(() => import('./features/opinion/pages/SettingsPage.tsx'), 'SettingsPage'), permission: 'opinion.read' },
  { path: '/catalog/columns', page: page(() => import('./features/catalog/pages/ColumnsPage.tsx'), 'ColumnsPage'), permission: 'catalog.manage' },
  { path: '/catalog/columns/path-mappings', page: page(() => import('./features/catalog/pages/PathMappingsPage.tsx'), 'PathMappingsPage'), permission: 'catalog.read' },
  { path: '/catalog/documents', page: page(() => import('./features/catalog/pages/DocumentsPage.tsx'), 'DocumentsPage'), permission: 'catalog.read' },
  { path: '/catalog/documents/new', page: page(() => import('./features/catalog/pages/DocumentEditorPage.tsx'), 'DocumentEditorPage'), permission: 'documents.edit' },
  { path: '/catalog/documents/:id', page: page(() => import('./features/catalog/pages/DocumentEditorPage.tsx'), 'DocumentEditorPage'), permission: 'catalog.read' },
  // 依申请公开: `new` before `:id`. The workbench links to /requests?view=….
  { path: '/requests', page: page(() => import('./features/requests/pages/RequestsListPage.tsx'), 'RequestsListPage'), permission: 'requests.read' },
  { path: '/requests/new', page: page(() => import('./features/requests/pages/RequestEntryPage.tsx'), 'RequestEntryPage'), permission: 'requests.handle' },
  { path: '/requests/:id', page: page(() => import('./features/requests/pages/RequestDetailPage.tsx'), 'RequestDetailPage'), permission: 'requests.read' },
  // 政策咨询问答库 / 一网答. Notification links use /qa/ledger/:id (the ledger page).
  { path: '/qa/library', page: page(() => import('./features/qa/pages/QaLibraryPage.tsx'), 'QaLibraryPage'), permission: 'qa.read' },
  { path: '/qa/console', page: page(() => import('./features/qa/pages/QaConsolePage.tsx'), 'QaConsolePage'), permission: 'qa.consult' },
  { path: '/qa/ledger', page: page(() => import('./features/qa/pages/QaLedgerPage.tsx'), 'QaLedgerPage'), permission: 'qa.read' },
  { path: '/qa/ledger/:id', page: page(() => import('./features/qa/pages/QaLedgerPage.tsx'), 'QaLedgerPage'), permission: 'qa.read' },
  { path: '/qa/stats', page: page(() => import('./features/qa/pages/QaStatsPage.tsx'), 'QaStatsPage'), permission: 'qa.read' },
  // 公开信箱 / 来电台账. Ledger links use /mailbox/messages/:id and /mailbox/calls?id=.
  { path: '/mailbox', page: page(() => import('./features/mailbox/pages/MailboxListPage.tsx'), 'MailboxListPage'), permission: 'mailbox.read' },
  { path: '/mailbox/messages/:id', page: page(() => import('./features/mailbox/pages/MessagePage.tsx'), 'MessagePage'), permission: 'mailbox.read' },
  { path: '/mailbox/calls', page: page(() => import('./features/mailbox/pages/CallsPage.tsx'), 'CallsPage'), permission: 'mailbox.read' },
  { path: '/mailbox/phones', page: page(() => import('./features/mailbox/pages/PhonesPage.tsx'), 'PhonesPage'), permission: 'mailbox.read' },
  { path: '/mailbox/stats', page: page(() => import('./features/mailbox/pages/MailboxStatsPage.tsx'), 'MailboxStatsPage'), permission: 'mailbox.read' },
];

function FullPageSpin() {
  return (
    <div className="full-page-spin" role="status">
      <Spin size="large" />
      <span className="sr-only">{common.loading}</span>
    </div>
  );
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return <FullPageSpin />;
}

/** Chooses the page: login when signed out, the forced password change, else the routed page. */
export function App() {
  const path = usePath();
  const { state } = useSession();

  if (state.status === 'loading') return <FullPageSpin />;
  if (state.status === 'anonymous') return path === '/login' ? <LoginPage /> : <Redirect to="/login" />;
  const { me } = state;
  if (me.mustChangePassword) return path === '/change-password' ? <ChangePasswordPage /> : <Redirect to="/change-password" />;
  if (path === '/login') return <Redirect to="/" />;
  if (path === '/change-password')
    return (
      <AppLayout>
        <ChangePasswordPage />
      </AppLayout>
    );

  let params: RouteParams = {};
  const route = ROUTES.find((r) => {
    const m = matchPath(r.path, path);
    if (m) params = m;
    return m !== null;
  });
  const allowed = !route?.permission || me.permissions.includes(route.permission);
  const Page = route?.page;
  return (
    <AppLayout>
      {!route || !Page ? (
        <NotFound />
      ) : !allowed ? (
        <Forbidden />
      ) : (
        <Suspense fallback={<FullPageSpin />}>
          {/* Keyed by path: moving from one plan to another starts the page afresh. */}
          <Page key={path} params={params} />
        </Suspense>
      )}
    </AppLayout>
  );
}
