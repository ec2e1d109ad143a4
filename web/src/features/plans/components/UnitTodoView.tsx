import { Button, Card, Empty, Segmented, Spin, Tabs, Tag } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { LoadError } from '../../../components/LoadError.tsx';
import { formatDateTime, todayInShanghai } from '../../../lib/format.ts';
import { Link, replaceSearchParam, searchParam } from '../../../lib/router.tsx';
import { usePermission } from '../../../lib/session.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { getTodo, type AssignmentRow } from '../api.ts';
import { t } from '../strings.ts';
import { CheckActions } from './CheckActions.tsx';
import { ReportDrawer, type ReportTarget } from './ReportDrawer.tsx';
import { DueDate, ReportStateTag } from './StatusTags.tsx';

type Filter = 'open' | 'returned' | 'overdue' | 'accepted' | 'all';
const FILTERS: Filter[] = ['open', 'returned', 'overdue', 'accepted', 'all'];
type Section = 'mine' | 'check';

/** 逾期 as the server judged it (on the day the unit reported, not the day of the check). */
const isOverdue = (a: AssignmentRow, _today: string) => a.overdue;

/** Returned first, then overdue, then by due date: what needs the unit most comes first. */
function byUrgency(today: string) {
  return (a: AssignmentRow, b: AssignmentRow) =>
    Number(b.checkStatus === 'returned') - Number(a.checkStatus === 'returned') ||
    Number(isOverdue(b, today)) - Number(isOverdue(a, today)) ||
    a.dueDate.localeCompare(b.dueDate) ||
    a.seq - b.seq;
}

function TaskItem({ a, href, today, action }: { a: AssignmentRow; href: string; today: string; action?: ReactNode }) {
  return (
    <li className={`task-item${a.checkStatus === 'returned' ? ' returned' : ''}`} data-assignment={a.id} data-seq={a.seq}>
      <div className="task-head">
        <span className="measure-seq">{t.measureNo(a.seq)}</span>
        <ReportStateTag a={a} />
        {a.checkStatus === 'returned' && <span className="returned-marker">{t.returnedMarker(a.returnedCount)}</span>}
      </div>
      <Link to={href} className="task-text">
        {a.measureText}
      </Link>
      <div className="task-foot">
        <span>
          {t.colDue}：<DueDate date={a.dueDate} overdue={isOverdue(a, today)} finishedLate={a.finishedLate} />
        </span>
        {a.lastReportAt && <span className="text-muted">{`${t.colLastReport}：${formatDateTime(a.lastReportAt)}`}</span>}
        {action && <span className="task-action">{action}</span>}
      </div>
    </li>
  );
}

/**
 * A unit's to-do: its own assignments (报送进展 with evidence) and, for a lead unit, the reports
 * waiting for its check, in two tabs. `measureIds` narrows to one plan.
 */
export function UnitTodoView({ measureIds }: { measureIds?: Set<string> }) {
  const canReport = usePermission('plans.report');
  const canCheck = usePermission('plans.check');
  const todo = useLoad(() => getTodo(), []);
  // ?filter= and ?tab=check come from the workbench's counts; both are kept in the address.
  const [filter, setFilter] = useState<Filter>(() => FILTERS.find((f) => f === searchParam('filter')) ?? 'open');
  // Without a word in the address, a lead unit with reports waiting opens on them: checks come first.
  const [picked, setSection] = useState<Section | null>(() => (searchParam('tab') === 'check' ? 'check' : searchParam('tab') === 'mine' || searchParam('filter') ? 'mine' : null));
  const [reporting, setReporting] = useState<ReportTarget | null>(null);
  const today = todayInShanghai();

  const data = todo.data;
  const planOf = useMemo(() => new Map((data?.ledMeasures ?? []).map((m) => [m.id, m.planId])), [data]);
  const inScope = (a: AssignmentRow) => !measureIds || measureIds.has(a.measureId);
  const mine = useMemo(() => (data?.mine ?? []).filter(inScope).sort(byUrgency(today)), [data, measureIds, today]);
  const toCheck = useMemo(() => (data?.toCheck ?? []).filter(inScope), [data, measureIds]);

  const counts = {
    open: mine.filter((a) => a.checkStatus !== 'accepted').length,
    returned: mine.filter((a) => a.checkStatus === 'returned').length,
    overdue: mine.filter((a) => isOverdue(a, today)).length,
    accepted: mine.filter((a) => a.checkStatus === 'accepted').length,
    all: mine.length,
  };
  const shown = mine.filter((a) =>
    filter === 'all' ? true : filter === 'accepted' ? a.checkStatus === 'accepted' : filter === 'returned' ? a.checkStatus === 'returned' : filter === 'overdue' ? isOverdue(a, today) : a.checkStatus !== 'accepted',
  );
  // The to-do API does not say which plan an own assignment belongs to; /measures/:id finds it.
  const measureHref = (a: AssignmentRow) => (planOf.get(a.measureId) ? `/plans/${planOf.get(a.measureId)}/measures/${a.measureId}` : `/measures/${a.measureId}`);
  const reportTarget = (a: AssignmentRow): ReportTarget => ({ id: a.id, measureId: a.measureId, seq: a.seq, measureText: a.measureText, dueDate: a.dueDate, lastReportAt: a.lastReportAt, returnedCount: a.returnedCount });

  if (todo.error) return <LoadError error={todo.error} onRetry={() => void todo.reload()} />;
  if (!data) return <Spin />;

  const showCheck = canCheck && (toCheck.length > 0 || data.ledMeasures.length > 0);
  const section: Section = picked ?? (canCheck && toCheck.length > 0 ? 'check' : 'mine');
  const mineCard = (
    <Card title={<h2 className="card-title">{t.mineSection(mine.length)}</h2>} className="todo-card">
      <div className="toolbar">
        <Segmented<Filter>
          aria-label={t.mineFilter}
          value={filter}
          onChange={(f) => {
            setFilter(f);
            replaceSearchParam('filter', f === 'open' ? null : f);
          }}
          options={[
            { value: 'open', label: `${t.mineFilterOpen} ${counts.open}` },
            { value: 'returned', label: `${t.mineFilterReturned} ${counts.returned}` },
            { value: 'overdue', label: `${t.mineFilterOverdue} ${counts.overdue}` },
            { value: 'accepted', label: `${t.mineFilterDone} ${counts.accepted}` },
            { value: 'all', label: `${t.mineFilterAll} ${counts.all}` },
          ]}
        />
      </div>
      {shown.length === 0 ? (
        <Empty description={t.mineEmpty} />
      ) : (
        <ul className="task-list" aria-label={t.mineSection(shown.length)}>
          {shown.map((a) => (
            <TaskItem
              key={a.id}
              a={a}
              href={measureHref(a)}
              today={today}
              action={
                canReport && a.checkStatus !== 'accepted' ? (
                  <Button type={a.checkStatus === 'returned' ? 'primary' : 'default'} size="small" onClick={() => setReporting(reportTarget(a))} aria-label={`${a.lastReportAt ? t.reportAgain : t.reportButton} ${t.measureNo(a.seq)}`}>
                    {a.lastReportAt ? t.reportAgain : t.reportButton}
                  </Button>
                ) : undefined
              }
            />
          ))}
        </ul>
      )}
    </Card>
  );
  const checkCard = (
    <Card title={<h2 className="card-title">{t.toCheckSection(toCheck.length)}</h2>} className="todo-card">
      <p className="text-muted">{t.toCheckIntro}</p>
      {toCheck.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.toCheckEmpty} />
      ) : (
        <ul className="task-list">
          {toCheck.map((a) => (
            <TaskItem
              key={a.id}
              a={a}
              href={measureHref(a)}
              today={today}
              action={
                <span className="check-row">
                  <Tag>{t.fromUnit(a.unitName)}</Tag>
                  <CheckActions target={{ ...a }} onDone={() => void todo.reload()} />
                </span>
              }
            />
          ))}
        </ul>
      )}
    </Card>
  );
  return (
    <div className="stacked">
      {showCheck ? (
        // Two lists in tabs: the checks a lead unit owes no longer sit below every task of the unit.
        <Tabs
          className="todo-tabs"
          activeKey={section}
          onChange={(k) => {
            setSection(k as Section);
            replaceSearchParam('tab', k === 'check' ? 'check' : 'mine');
          }}
          items={[
            { key: 'mine', label: t.mineTabTasks(counts.open), children: mineCard },
            { key: 'check', label: t.toCheckSection(toCheck.length), children: checkCard },
          ]}
        />
      ) : (
        mineCard
      )}
      <ReportDrawer
        target={reporting}
        onClose={() => setReporting(null)}
        onSaved={() => {
          setReporting(null);
          void todo.reload();
        }}
      />
    </div>
  );
}
