import { SearchOutlined } from '@ant-design/icons';
import { Button, Collapse, Empty, Input, Select, Space } from 'antd';
import { useMemo, useState } from 'react';
import { todayInShanghai } from '../../../lib/format.ts';
import { Link } from '../../../lib/router.tsx';
import type { MeasureNode, PlanTree } from '../api.ts';
import { t } from '../strings.ts';
import { chipsFromEntries } from './MeasureFacts.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import { DueDate, MeasureStatusTag } from './StatusTags.tsx';
import { UnitChips, type UnitChip } from './UnitChips.tsx';

function matches(m: MeasureNode, q: string, status: string) {
  if (status && m.status !== status) return false;
  if (!q) return true;
  const hay = [m.text, ...m.leads.map((l) => l.name), ...m.leadWritten, ...m.responsible.flatMap((r) => [r.written, ...r.units.map((u) => u.name)])].join(' ');
  return hay.includes(q);
}

/** Written names still unknown, by measure id (from the issue preview, which resolves with today's aliases). */
export type UnknownNames = Map<string, Set<string>>;

function MeasureRow({ m, planId, draft, today, unknown }: { m: MeasureNode; planId: string; draft: boolean; today: string; unknown?: Set<string> }) {
  // A draft shows the names as written, marking those the office must still map; an issued plan its units.
  const leads: UnitChip[] = draft
    ? m.leadWritten.map((w) => ({ written: w, state: unknown?.has(w) ? 'unknown' : 'unit' }))
    : m.leads.map((l) => ({ written: l.name, state: 'unit' }));
  const responsible = chipsFromEntries(m.responsible).map((c): UnitChip => {
    if (!draft || !unknown) return c;
    if (unknown.has(c.written)) return { ...c, state: 'unknown' };
    // Mapped since the import (a new unit or alias): no longer unknown.
    return c.state === 'unknown' ? { ...c, state: 'unit' } : c;
  });
  return (
    <li className="tree-measure" data-seq={m.seq}>
      <div className="tree-measure-main">
        <div className="tree-measure-head">
          <span className="measure-seq">{t.measureNo(m.seq)}</span>
          {!draft && <MeasureStatusTag status={m.status} />}
        </div>
        <Link to={`/plans/${planId}/measures/${m.id}`} className="tree-measure-text">
          {m.text}
        </Link>
        <dl className="tree-measure-units">
          <div>
            <dt>{t.fieldLead}</dt>
            <dd>
              <UnitChips chips={leads} />
            </dd>
          </div>
          <div>
            <dt>{t.fieldResponsible}</dt>
            <dd>
              <UnitChips chips={responsible} issued={!draft} />
            </dd>
          </div>
        </dl>
      </div>
      <div className="tree-measure-side">
        <div className="text-muted">
          {t.colDue}：<DueDate date={m.dueDate} overdue={!draft && m.status === 'open' && m.overdue > 0} />
        </div>
        {!draft && (
          <>
            <div className="text-muted">{t.acceptedOf(m.accepted, m.assignments)}</div>
            <ProgressBar percent={m.progress} label={t.progressOf(t.measureNo(m.seq), m.progress)} />
          </>
        )}
      </div>
    </li>
  );
}

/**
 * The plan as the notice reads it, with progress rolled up area → sub-task → measure. Each measure
 * shows its lead and responsible units, due date, close-out state and progress, and opens its page.
 */
export function PlanTreeView({ tree, unknown }: { tree: PlanTree; unknown?: UnknownNames }) {
  const draft = tree.plan.status === 'draft';
  const today = todayInShanghai();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const allKeys = tree.areas.map((a) => a.id);
  const [open, setOpen] = useState<string[]>(allKeys);
  const query = q.trim();

  const areas = useMemo(
    () =>
      tree.areas
        .map((a) => ({ ...a, subtasks: a.subtasks.map((s) => ({ ...s, measures: s.measures.filter((m) => matches(m, query, status)) })).filter((s) => s.measures.length) }))
        .filter((a) => a.subtasks.length),
    [tree, query, status],
  );

  if (!tree.areas.length) return <Empty description={t.treeEmpty} />;
  return (
    <>
      <div className="toolbar">
        <div className="toolbar-field">
          <label htmlFor="measure-filter">{t.filterLabel}</label>
          <Input id="measure-filter" allowClear prefix={<SearchOutlined aria-hidden />} placeholder={t.filterPlaceholder} value={q} onChange={(e) => setQ(e.target.value)} style={{ width: 260 }} />
        </div>
        {!draft && (
          <div className="toolbar-field">
            <label htmlFor="measure-status">{t.statusFilter}</label>
            <Select
              id="measure-status"
              value={status}
              onChange={setStatus}
              style={{ width: 140 }}
              options={[
                { value: '', label: t.all },
                { value: 'open', label: t.measureStatus.open },
                { value: 'closed', label: t.measureStatus.closed },
              ]}
            />
          </div>
        )}
        <Space>
          <Button onClick={() => setOpen(allKeys)}>{t.expandAll}</Button>
          <Button onClick={() => setOpen([])}>{t.collapseAll}</Button>
        </Space>
      </div>
      {areas.length === 0 ? (
        <Empty description={t.noMatch} />
      ) : (
        <Collapse
          className="plan-tree"
          activeKey={query || status ? areas.map((a) => a.id) : open}
          onChange={(keys) => setOpen(keys as string[])}
          items={areas.map((a) => ({
            key: a.id,
            label: (
              <span className="area-head">
                <span className="area-title">
                  {a.label ? `${a.label}、` : ''}
                  {a.title}
                </span>
                <span className="area-meta">{t.areaMeta(a.subtasks.length, a.subtasks.reduce((n, s) => n + s.measures.length, 0))}</span>
                {!draft && (
                  <span className="area-progress">
                    <ProgressBar percent={a.progress} label={t.progressOf(a.title, a.progress)} />
                  </span>
                )}
              </span>
            ),
            children: a.subtasks.map((s) => (
              <section key={s.id} className="tree-subtask" aria-label={s.title}>
                <div className="tree-subtask-head">
                  <h3 className="subtask-title">
                    {s.label ? `（${s.label}）` : ''}
                    {s.title}
                  </h3>
                  {!draft && (
                    <span className="subtask-progress">
                      <ProgressBar percent={s.progress} label={t.progressOf(s.title, s.progress)} />
                    </span>
                  )}
                </div>
                <ol className="tree-measures">
                  {s.measures.map((m) => (
                    <MeasureRow key={m.id} m={m} planId={tree.plan.id} draft={draft} today={today} unknown={unknown?.get(m.id)} />
                  ))}
                </ol>
              </section>
            )),
          }))}
        />
      )}
    </>
  );
}
