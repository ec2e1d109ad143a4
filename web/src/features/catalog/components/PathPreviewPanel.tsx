import { BuildOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Grid, Popconfirm, Select, Skeleton, Switch, Table, Tag, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { LoadError } from '../../../components/LoadError.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { replaceSearchParam, searchParam } from '../../../lib/router.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { listPlans } from '../../plans/api.ts';
import { buildPlanColumns, previewPathMappings, type PathPreview, type PathPreviewRow } from '../api.ts';
import { GREEN, GREY, RED } from '../colors.ts';
import { t } from '../strings.ts';
import { PathText } from './PathSegmentsInput.tsx';

function ColumnState({ row }: { row: PathPreviewRow }) {
  if (row.site === 'unit') return <Tag color={GREY}>{t.previewUnitSite}</Tag>;
  if (!row.column) return <Tag color={RED}>{t.previewMissing}</Tag>;
  return (
    <a href={row.column.url} target="_blank" rel="noreferrer" className="inline-link">
      <Tag color={GREEN}>{t.previewExists}</Tag>
    </a>
  );
}

function MappedCell({ row }: { row: PathPreviewRow }) {
  return (
    <>
      <PathText path={row.mapped} className={row.mapping ? 'path-mapped' : undefined} />
      <div className="cell-note">{row.mapping ? t.previewByRule(row.mapping.fromPrefix.join('>')) : t.previewUnchanged}</div>
    </>
  );
}

/**
 * 按计划预览: each distinct disclosure path of a plan, where the current mappings send it, and
 * whether that column exists yet. The office can build what is missing from here.
 */
export function PathPreviewPanel({ canManage, version }: { canManage: boolean; version: number }) {
  const { message } = App.useApp();
  const wide = Grid.useBreakpoint().md ?? true;
  const plans = useLoad(listPlans, []);
  const [picked, setPicked] = useState<string | null>(() => searchParam('plan'));
  // The newest year's plan by default: that is the one being worked on.
  const planId = picked ?? [...(plans.data ?? [])].sort((a, b) => b.year - a.year || b.createdAt.localeCompare(a.createdAt))[0]?.id ?? null;
  const preview = useLoad(() => (planId ? previewPathMappings(planId) : Promise.resolve(null as PathPreview | null)), [planId, version]);
  const [onlyMissing, setOnlyMissing] = useState(false);
  const [building, setBuilding] = useState(false);
  const p = preview.data;
  const rows = useMemo(() => (p?.items ?? []).filter((r) => !onlyMissing || (r.site === 'region' && !r.column)), [p, onlyMissing]);

  const build = async () => {
    if (!planId) return;
    setBuilding(true);
    try {
      const r = await buildPlanColumns(planId);
      message.success(t.buildColumnsDone(r.created, r.links));
      await preview.reload();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBuilding(false);
    }
  };

  const columns: TableColumnsType<PathPreviewRow> = [
    {
      title: t.previewRaw,
      key: 'raw',
      render: (_: unknown, r) => (
        <>
          <PathText path={r.raw} />
          {r.instruction && (
            <div>
              <Tag>{t.previewInstruction}</Tag>
            </div>
          )}
          {!wide && (
            <div className="preview-stacked">
              <span className="cell-note">{t.previewMapped}：</span>
              <MappedCell row={r} />
              <div className="preview-stacked-meta">
                <ColumnState row={r} />
                <span className="cell-note">{t.previewMeasureSeqs(r.measures)}</span>
              </div>
            </div>
          )}
        </>
      ),
    },
    { title: t.previewMapped, key: 'mapped', responsive: ['md'], render: (_: unknown, r) => <MappedCell row={r} /> },
    { title: t.previewColumn, key: 'column', width: 130, responsive: ['md'], render: (_: unknown, r) => <ColumnState row={r} /> },
    { title: t.previewMeasures, key: 'measures', width: 150, responsive: ['lg'], render: (_: unknown, r) => <span className="cell-note">{t.previewMeasureSeqs(r.measures)}</span> },
  ];

  return (
    <Card title={<h2 className="card-title">{t.previewTitle}</h2>} className="block-gap" data-testid="path-preview">
      <p className="text-muted">{t.previewIntro}</p>
      {plans.error && <LoadError error={plans.error} onRetry={() => void plans.reload()} />}
      <div className="toolbar">
        <div className="toolbar-field">
          <label htmlFor="preview-plan">{t.previewPlan}</label>
          <Select
            id="preview-plan"
            style={{ width: 420, maxWidth: '100%' }}
            loading={plans.loading}
            placeholder={t.previewPlanPlaceholder}
            value={planId ?? undefined}
            options={(plans.data ?? []).map((x) => ({ value: x.id, label: x.title }))}
            onChange={(v: string) => {
              setPicked(v);
              replaceSearchParam('plan', v);
            }}
          />
        </div>
        <label className="switch-field">
          <Switch size="small" checked={onlyMissing} onChange={setOnlyMissing} /> {t.previewOnlyMissing}
        </label>
        {canManage && p && p.counts.missing > 0 && (
          <Popconfirm title={t.buildColumnsConfirm} onConfirm={() => void build()} okText={t.buildColumns}>
            <Button icon={<BuildOutlined />} loading={building}>
              {t.buildColumns}
            </Button>
          </Popconfirm>
        )}
      </div>
      {preview.error && <LoadError error={preview.error} onRetry={() => void preview.reload()} />}
      {!planId && !plans.loading ? (
        <Empty description={t.previewPick} />
      ) : !p ? (
        <Skeleton active />
      ) : (
        <>
          <p className="preview-counts" data-testid="preview-counts">
            {t.previewCounts(p.counts.paths, p.counts.mapped, p.counts.missing)}
          </p>
          <Table<PathPreviewRow>
            rowKey={(r) => r.raw.join('>')}
            size="small"
            columns={columns}
            dataSource={rows}
            loading={preview.loading}
            pagination={{ pageSize: wide ? 50 : 20, hideOnSinglePage: true, showSizeChanger: false }}
            rowClassName={(r) => (r.site === 'region' && !r.column ? 'row-missing' : '')}
            locale={{ emptyText: <Empty description={onlyMissing ? t.previewFilterEmpty : t.previewEmpty} /> }}
          />
        </>
      )}
    </Card>
  );
}
