import { HistoryOutlined, ImportOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Tabs, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { NotFound } from '../../../components/Forbidden.tsx';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { navigate, replaceSearchParam, searchParam, type PageProps } from '../../../lib/router.tsx';
import { usePermission } from '../../../lib/session.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { getIssuePreview, getPlanTree, orMissing } from '../api.ts';
import { CarryOverDialog } from '../components/CarryOverDialog.tsx';
import { CircularsPanel } from '../components/CircularsPanel.tsx';
import { ExportPanel } from '../components/ExportPanel.tsx';
import { IssueDialog } from '../components/IssueDialog.tsx';
import { PlanDashboardView } from '../components/PlanDashboardView.tsx';
import { PlanTreeView } from '../components/PlanTreeView.tsx';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { PlanStatusTag } from '../components/StatusTags.tsx';
import { t } from '../strings.ts';

const TABS = ['measures', 'dashboard', 'circulars', 'export'] as const;
type TabKey = (typeof TABS)[number];

/** One plan: its measures as a tree, the dashboard, circulars and exports; the office issues and looks back. */
export function PlanDetailPage({ params }: PageProps) {
  const planId = params.planId;
  const canManage = usePermission('plans.manage');
  const tree = useLoad(() => orMissing(getPlanTree(planId)), [planId]);
  const isDraft = tree.data?.plan.status === 'draft';
  // For a draft the office sees which names still block issuing, resolved with today's units and aliases.
  const issueCheck = useLoad(() => (isDraft && canManage ? getIssuePreview(planId) : Promise.resolve(undefined)), [planId, isDraft, canManage]);
  const unknown = useMemo(() => {
    const map = new Map<string, Set<string>>();
    for (const u of issueCheck.data?.unknown ?? []) map.set(u.measureId, (map.get(u.measureId) ?? new Set()).add(u.written));
    return map;
  }, [issueCheck.data]);
  const initial = searchParam('tab') as TabKey | null;
  const [tab, setTab] = useState<TabKey>(initial && TABS.includes(initial) ? initial : 'measures');
  const [issuing, setIssuing] = useState(false);
  const [carrying, setCarrying] = useState(false);

  if (tree.data === null) return <NotFound />;
  if (tree.error && !tree.data) return <LoadError error={tree.error} onRetry={() => void tree.reload()} />;
  const plan = tree.data?.plan;
  if (!plan || !tree.data) return <Card loading />;
  const draft = plan.status === 'draft';

  const changeTab = (key: string) => {
    setTab(key as TabKey);
    replaceSearchParam('tab', key === 'measures' ? null : key);
  };

  return (
    <>
      <PageHeader
        title={plan.title}
        intro={
          <span className="plan-meta">
            <PlanStatusTag status={plan.status} />
            <Tag>{t.planKind[plan.kind]}</Tag>
            <span>{t.metaLine(plan.year, plan.issuer, plan.issueDate)}</span>
          </span>
        }
        extra={
          <>
            <Button onClick={() => navigate('/plans')}>{t.back}</Button>
            {canManage && draft && (
              <Button icon={<ImportOutlined />} onClick={() => navigate('/plans/import')}>
                {t.reimport}
              </Button>
            )}
            {canManage && draft && (
              <Button type="primary" icon={<SendOutlined />} onClick={() => setIssuing(true)}>
                {t.issueButton}
              </Button>
            )}
            {canManage && plan.status === 'issued' && plan.kind === 'notice' && (
              <Button icon={<HistoryOutlined />} onClick={() => setCarrying(true)}>
                {t.carryOverButton}
              </Button>
            )}
          </>
        }
      />
      {draft && <Alert type="info" showIcon title={t.draftNotice} className="block-gap" />}
      {draft && (issueCheck.data?.unknown.length ?? 0) > 0 && (
        <Alert
          type="warning"
          showIcon
          className="block-gap"
          title={t.issueUnknownTitle(issueCheck.data!.unknown.length)}
          description={t.issueUnknownHint}
          action={<Button size="small" onClick={() => navigate('/units')}>{t.goUnits}</Button>}
        />
      )}
      {plan.kind === 'rectification' && <Alert type="info" showIcon title={t.rectificationNotice} className="block-gap" />}
      {!draft && (
        <div className="plan-overall">
          <span className="plan-overall-label">{t.overallProgress}</span>
          <ProgressBar percent={plan.progress} label={t.overallProgress} size="default" />
        </div>
      )}
      <Card className="plan-tabs-card">
        <Tabs
          activeKey={draft ? 'measures' : tab}
          onChange={changeTab}
          items={[
            { key: 'measures', label: t.tabMeasures, children: <PlanTreeView tree={tree.data} unknown={draft ? unknown : undefined} /> },
            ...(draft
              ? []
              : [
                  { key: 'dashboard', label: t.tabDashboard, children: <PlanDashboardView planId={planId} canManage={canManage} /> },
                  { key: 'circulars', label: t.tabCirculars, children: <CircularsPanel planId={planId} canManage={canManage} /> },
                  { key: 'export', label: t.tabExport, children: <ExportPanel planId={planId} canManage={canManage} /> },
                ]),
          ]}
        />
      </Card>
      {canManage && draft && (
        <IssueDialog
          planId={planId}
          open={issuing}
          onClose={() => setIssuing(false)}
          onIssued={() => {
            setIssuing(false);
            void tree.reload();
          }}
          onClosed={() => void issueCheck.reload()}
        />
      )}
      {canManage && plan.status === 'issued' && <CarryOverDialog planId={planId} year={plan.year} open={carrying} onClose={() => setCarrying(false)} />}
    </>
  );
}
