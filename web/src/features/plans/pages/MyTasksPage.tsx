import { Alert, Button } from 'antd';
import { useMemo } from 'react';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { navigate, type PageProps } from '../../../lib/router.tsx';
import { useMe } from '../../../lib/session.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { unitLabel, useUnitCatalog } from '../../units/api.ts';
import { getPlanTree, orMissing } from '../api.ts';
import { UnitTodoView } from '../components/UnitTodoView.tsx';
import { t } from '../strings.ts';

/** 我的任务; under /plans/:planId/mine (the links in notifications) only that plan's tasks. */
export function MyTasksPage({ params }: PageProps) {
  const me = useMe();
  const planId = params.planId;
  const catalog = useUnitCatalog();
  const unit = catalog.data?.items.find((u) => u.id === me.user.unitId);
  const tree = useLoad(() => (planId ? orMissing(getPlanTree(planId)) : Promise.resolve(null)), [planId]);
  const measureIds = useMemo(
    () => (tree.data ? new Set(tree.data.areas.flatMap((a) => a.subtasks.flatMap((s) => s.measures.map((m) => m.id)))) : undefined),
    [tree.data],
  );

  return (
    <>
      <PageHeader
        title={t.mineTitle}
        intro={
          <>
            {t.mineIntro(unit ? unitLabel(unit) : '本单位')}
            {tree.data && ` ${t.mineIntroPlan(tree.data.plan.title)}`}
          </>
        }
        extra={
          planId ? (
            <Button onClick={() => navigate('/plans/mine')}>{t.showAllPlans}</Button>
          ) : (
            <Button onClick={() => navigate('/plans')}>{t.listTitle}</Button>
          )
        }
      />
      {tree.error && <Alert type="warning" showIcon title={tree.error} className="block-gap" />}
      {planId && tree.loading && !tree.data ? null : <UnitTodoView measureIds={measureIds} />}
    </>
  );
}
