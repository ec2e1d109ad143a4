import { NodeIndexOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Select, Skeleton, Tag, Tree, type TreeDataNode } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { navigate, replaceSearchParam, searchParam } from '../../../lib/router.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { useUnitCatalog } from '../../units/api.ts';
import { getHealth, listColumns, type Column } from '../api.ts';
import { buildColumnTree, dateOf, filterColumnTree, parentKeys, siteOptions, type ColumnNode } from '../column-tree.ts';
import { ColumnSettingsForm } from '../components/ColumnSettingsForm.tsx';
import { HealthPanel } from '../components/HealthPanel.tsx';
import { BROWN, RED } from '../colors.ts';
import { t } from '../strings.ts';
import '../catalog.css';

/** 栏目管理 (office): a site's column tree with counts and flags, one column's settings, and the inspection checks. */
export function ColumnsPage() {
  const units = useUnitCatalog();
  const sites = useMemo(() => siteOptions(units.data?.items ?? []), [units.data]);
  const [picked, setPicked] = useState<string | null>(() => searchParam('site'));
  const siteId = picked ?? sites[0]?.value ?? null;
  const columns = useLoad(() => (siteId ? listColumns(siteId) : Promise.resolve([] as Column[])), [siteId]);
  const health = useLoad(getHealth, []);
  const [selected, setSelected] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const roots = useMemo(() => filterColumnTree(buildColumnTree(columns.data ?? []), filter), [columns.data, filter]);
  // The tree opens fully (and again after each filter), so every column is one glance away.
  const [expanded, setExpanded] = useState<string[]>([]);
  useEffect(() => setExpanded(parentKeys(roots)), [roots]);

  const overdue = useMemo(() => new Set(health.data?.overdue.map((c) => c.id)), [health.data]);
  const blank = useMemo(() => new Set(health.data?.blank.map((c) => c.id)), [health.data]);

  const treeData = useMemo(() => {
    const toNode = (n: ColumnNode): TreeDataNode => {
      const c = n.column;
      return {
        key: c.id,
        title: (
          <span className="column-node">
            <span className="column-name">{c.name}</span>
            <span className="column-meta">
              {t.published(c.published)} · {c.latest ? t.latest(dateOf(c.latest)) : t.neverPublished}
            </span>
            {overdue.has(c.id) && <Tag color={BROWN}>{t.flagOverdue}</Tag>}
            {blank.has(c.id) && <Tag color={RED}>{t.flagBlank}</Tag>}
            {c.note && !n.children.length && <Tag>{t.flagNote}</Tag>}
          </span>
        ),
        children: n.children.map(toNode),
      };
    };
    return roots.map(toNode);
  }, [roots, overdue, blank]);

  const current = columns.data?.find((c) => c.id === selected) ?? null;

  return (
    <>
      <PageHeader
        title={t.columnsTitle}
        intro={t.columnsIntro}
        extra={
          <Button icon={<NodeIndexOutlined />} onClick={() => navigate('/catalog/columns/path-mappings')}>
            {t.mappingsLink}
          </Button>
        }
      />
      {units.error && <LoadError error={units.error} onRetry={() => void units.reload()} />}
      <div className="toolbar">
        <div className="toolbar-field">
          <label htmlFor="catalog-site">{t.siteLabel}</label>
          <Select
            id="catalog-site"
            style={{ width: 320 }}
            showSearch={{ optionFilterProp: 'label' }}
            loading={units.loading}
            options={sites}
            value={siteId ?? undefined}
            onChange={(v: string) => {
              setPicked(v);
              setSelected(null);
              replaceSearchParam('site', v);
            }}
          />
        </div>
      </div>
      <div className="catalog-columns">
        <Card title={<h2 className="card-title">{t.treeLabel}</h2>} className="column-tree-card">
          {columns.error && <LoadError error={columns.error} onRetry={() => void columns.reload()} />}
          <Input.Search
            aria-label={t.filterLabel}
            placeholder={t.filterPlaceholder}
            allowClear
            className="block-gap"
            onChange={(e) => setFilter(e.target.value)}
            onSearch={setFilter}
          />
          {columns.loading && !columns.data ? (
            <Skeleton active />
          ) : treeData.length ? (
            <Tree
              key={siteId ?? ''}
              aria-label={t.treeLabel}
              treeData={treeData}
              expandedKeys={expanded}
              onExpand={(keys) => setExpanded(keys as string[])}
              selectedKeys={selected ? [selected] : []}
              onSelect={(keys) => {
                setSelected((keys[0] as string | undefined) ?? null);
                // Stacked (narrow) layout: the settings are below the tree; bring them into view.
                if (keys[0] && window.innerWidth < 1200) window.setTimeout(() => document.getElementById('column-settings')?.scrollIntoView({ behavior: 'smooth' }), 0);
              }}
              blockNode
            />
          ) : (
            <Empty description={filter.trim() ? t.filterEmpty : t.treeEmpty} />
          )}
        </Card>
        <Card title={<h2 className="card-title">{current ? t.settingsTitle(current.name) : t.settingsTitle('—')}</h2>} className="column-settings-card" id="column-settings">
          {current ? (
            <ColumnSettingsForm
              column={current}
              onSaved={() => {
                void columns.reload();
                void health.reload();
              }}
            />
          ) : (
            <Empty description={t.pickColumn} />
          )}
        </Card>
      </div>
      <HealthPanel health={health} />
    </>
  );
}
