import { Card, Col, Row, Select, Spin, Statistic, Table } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { todayInShanghai } from '../../../lib/format.ts';
import { Link, type PageProps } from '../../../lib/router.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { getStats, type Stats } from '../api.ts';
import type { ChartKind } from '../components/opinion-charts.ts';
import { t } from '../strings.ts';

function Chart({ kind, stats, summary }: { kind: ChartKind; stats: Stats; summary: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let cleanup = () => {};
    let disposed = false;
    void (async () => {
      const { drawChart } = await import('../components/opinion-charts.ts');
      if (disposed || !host.current) return;
      const chart = drawChart(host.current, kind, stats);
      const ro = new ResizeObserver(() => chart.resize());
      ro.observe(host.current);
      setReady(true);
      cleanup = () => (ro.disconnect(), chart.dispose());
    })();
    return () => {
      disposed = true;
      cleanup();
    };
  }, [kind, stats]);
  return (
    <div className="chart-wrap">
      {!ready && <Spin />}
      <div ref={host} className="opinion-chart" role="img" aria-label={summary} />
    </div>
  );
}

/** Events by domain, level and month; response times against the clocks. */
export function StatsPage(_: PageProps) {
  const thisYear = Number(todayInShanghai().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const stats = useLoad(() => getStats(year), [year]);
  const s = stats.data;
  return (
    <>
      <PageHeader title={t.statsTitle} extra={<Select aria-label={t.year} value={year} onChange={setYear} options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y}年` }))} />} />
      {stats.error && <LoadError error={stats.error} onRetry={() => void stats.reload()} />}
      {!s ? (
        <Card loading />
      ) : (
        <>
          <Row gutter={[16, 16]} className="block-gap">
            <Col xs={12} md={6}><Card><Statistic title="登记舆情" value={s.total} /></Card></Col>
            <Col xs={12} md={6}><Card><Statistic title="已评估办结" value={s.evaluated} /></Card></Col>
            <Col xs={12} md={6}><Card><Statistic title="超时未回应" value={s.overdue} /></Card></Col>
            <Col xs={12} md={6}><Card><Statistic title="按时回应率" value={(() => { const all = s.clocks.reduce((a, c) => a + c.met + c.late + c.overdue, 0); return all ? Math.round((s.clocks.reduce((a, c) => a + c.met, 0) / all) * 100) : 100; })()} suffix="%" /></Card></Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}><Card title={<h2 className="card-title">{t.byDomain}</h2>}><Chart kind="domain" stats={s} summary={s.byDomain.map((d) => `${d.name}${d.count}件`).join('，')} /></Card></Col>
            <Col xs={24} lg={12}><Card title={<h2 className="card-title">{t.byLevel}</h2>}><Chart kind="level" stats={s} summary={s.byLevel.map((d) => `${d.name}${d.count}件`).join('，')} /></Card></Col>
            <Col xs={24} lg={12}><Card title={<h2 className="card-title">{t.byMonth}</h2>}><Chart kind="month" stats={s} summary={s.byMonth.map((m) => `${m.month}月${m.count}件`).join('，')} /></Card></Col>
            <Col xs={24} lg={12}><Card title={<h2 className="card-title">{t.clocksChart}</h2>}><Chart kind="clocks" stats={s} summary={s.clocks.filter((c) => c.total).map((c) => `${c.label}：按时${c.met}，超时${c.late + c.overdue}`).join('；')} /></Card></Col>
          </Row>
          <Card title={<h2 className="card-title">{t.clocksChart}</h2>} className="block-gap">
            <Table
              rowKey="kind"
              size="small"
              pagination={false}
              dataSource={s.clocks.filter((c) => c.total)}
              columns={[
                { title: '时限', render: (_v, c) => `${c.label}（${c.hours}小时）` },
                { title: '应回应', dataIndex: 'total' },
                { title: '按时', dataIndex: 'met' },
                { title: '超时完成', dataIndex: 'late' },
                { title: '计时中', dataIndex: 'open' },
                { title: '已超时', dataIndex: 'overdue' },
                { title: '平均用时（小时）', dataIndex: 'averageHours', render: (v: number | null) => v ?? '—' },
              ]}
            />
          </Card>
          <Card title={<h2 className="card-title">{t.responseTimes}</h2>} className="block-gap">
            <Table
              rowKey={(r) => `${r.eventId}-${r.kind}`}
              size="small"
              dataSource={s.responseTimes}
              pagination={{ pageSize: 10 }}
              scroll={{ x: 700 }}
              columns={[
                { title: t.colSummary, dataIndex: 'summary', render: (v: string, r) => <Link to={`/opinion/events/${r.eventId}`}>{v}</Link> },
                { title: t.colLevel, dataIndex: 'level', width: 80 },
                { title: '时限', dataIndex: 'kind', width: 180, render: (k: string, r) => `${t.clockKind[k]}（${r.hours}小时）` },
                { title: '用时（小时）', dataIndex: 'elapsedHours', width: 110, render: (v: number, r) => <span className={v > r.hours ? 'text-danger' : undefined}>{v}</span> },
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}
