import { Alert, Card, Empty, Skeleton, Table, Tabs, Tag } from 'antd';
import { useEffect, useRef } from 'react';
import { LoadError } from '../../../components/LoadError.tsx';
import { Link, replaceSearchParam, searchParam } from '../../../lib/router.tsx';
import type { Loaded } from '../../../lib/use-load.ts';
import type { CatalogHealth } from '../api.ts';
import { dateOf } from '../column-tree.ts';
import { RED } from '../colors.ts';
import { t } from '../strings.ts';

const HEALTH_TABS = ['blank', 'overdue', 'outdated'];

/** 栏目检查: what a website inspection would find, across every site. */
export function HealthPanel({ health }: { health: Loaded<CatalogHealth> }) {
  const h = health.data;
  const ref = useRef<HTMLDivElement>(null);
  const linked = !!searchParam('health');
  // Opened from a count on the workbench: bring the list into view once it is there.
  useEffect(() => {
    if (linked && h) ref.current?.scrollIntoView({ block: 'start' });
  }, [linked, h]);
  const blankBySiteName = new Map<string, string[]>();
  for (const c of h?.blank ?? []) blankBySiteName.set(c.siteName, [...(blankBySiteName.get(c.siteName) ?? []), c.name]);

  return (
    <Card ref={ref} title={<h2 className="card-title">{t.healthTitle}</h2>} className="block-gap" data-testid="catalog-health">
      {health.error && <LoadError error={health.error} onRetry={() => void health.reload()} />}
      {!h && health.loading && <Skeleton active />}
      {h && (
        <>
          <p className="text-muted">{t.healthAsOf(h.asOf)}</p>
          <Tabs
            // ?health=blank|overdue|outdated opens that list (the workbench's counts link here).
            defaultActiveKey={HEALTH_TABS.find((k) => k === searchParam('health'))}
            onChange={(k) => replaceSearchParam('health', k)}
            items={[
              {
                key: 'blank',
                label: t.healthBlank(h.blank.length),
                children: h.blankBySite.length ? (
                  // A long list scrolls in place; focusable so the keyboard can scroll it too.
                  <ul className="health-sites scroll-list" tabIndex={0} aria-label={t.healthBlank(h.blank.length)}>
                    {h.blankBySite.map((s) => (
                      <li key={s.site} className={s.failing ? 'failing' : undefined}>
                        <strong>{s.site}</strong> {t.blankCount(s.blank)} {s.failing && <Tag color={RED}>{t.failing}</Tag>}
                        <div className="cell-note">{(blankBySiteName.get(s.site) ?? []).join('、')}</div>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <Empty description={t.healthBlankEmpty} />
                ),
              },
              {
                key: 'overdue',
                label: t.healthOverdue(h.overdue.length),
                children: (
                  <Table
                    rowKey="id"
                    size="small"
                    pagination={{ pageSize: 10, hideOnSinglePage: true }}
                    dataSource={h.overdue}
                    locale={{ emptyText: <Empty description={t.healthOverdueEmpty} /> }}
                    columns={[
                      { title: t.colSite, dataIndex: 'siteName' },
                      { title: t.colColumn, dataIndex: 'name' },
                      { title: t.colLatest, dataIndex: 'latest', render: (v: string) => dateOf(v) },
                      { title: t.colDays, dataIndex: 'daysSince', align: 'right', render: (n: number) => t.days(n) },
                      { title: t.colInterval, dataIndex: 'interval', align: 'right', responsive: ['md'], render: (n: number) => t.days(n) },
                    ]}
                  />
                ),
              },
              {
                key: 'outdated',
                label: t.healthOutdated(h.outdated.length),
                children: h.outdated.length ? (
                  <>
                    <Alert type="warning" showIcon title={t.outdatedHint} className="block-gap" />
                    <ul className="health-sites">
                      {h.outdated.map((d) => (
                        <li key={d.id}>
                          <Link to={`/catalog/documents/${d.id}`}>{d.title}</Link>
                        </li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <Empty description={t.healthOutdatedEmpty} />
                ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
