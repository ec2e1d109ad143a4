import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Input, Row, Statistic, Table } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { todayInShanghai } from '../../../lib/format.ts';
import { useLoad } from '../../../lib/use-load.ts';
import { getStats, statsXlsxUrl, type QaStats } from '../api.ts';
import { t } from '../strings.ts';

function ChannelChart({ stats }: { stats: QaStats }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    let disposed = false;
    let cleanup = () => {};
    void import('../components/qa-charts.ts').then(({ drawChannels }) => {
      if (disposed || !host.current) return;
      const chart = drawChannels(host.current, stats.byChannel.map((r) => ({ label: t.channel[r.channel] ?? r.channel, atOnce: r.answeredAtOnce, registered: r.registered })));
      const ro = new ResizeObserver(() => chart.resize());
      ro.observe(host.current);
      cleanup = () => (ro.disconnect(), chart.dispose());
    });
    return () => {
      disposed = true;
      cleanup();
    };
  }, [stats]);
  const summary = stats.byChannel.map((r) => `${t.channel[r.channel] ?? r.channel} ${r.total}`).join('，');
  return <div ref={host} role="img" aria-label={`${t.byChannel}：${summary}`} style={{ height: 280 }} />;
}

/** 咨询统计: by channel and unit, answered at once, on time, overdue, feedback, frequent unanswered questions. */
export function QaStatsPage() {
  const [month, setMonth] = useState(todayInShanghai().slice(0, 7));
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const stats = useLoad(() => getStats(valid ? month : undefined), [month]);
  const s = stats.data;
  return (
    <>
      <PageHeader
        title={t.statsTitle}
        extra={
          <>
            <Input aria-label={t.month} value={month} onChange={(e) => setMonth(e.target.value)} style={{ width: 110 }} maxLength={7} />
            <Button icon={<DownloadOutlined />} href={valid ? statsXlsxUrl(month) : undefined} disabled={!valid}>
              {t.downloadMonth}
            </Button>
          </>
        }
      />
      {stats.error && <LoadError error={stats.error} onRetry={() => void stats.reload()} />}
      {s && (
        <>
          <Card>
            <Row gutter={[16, 16]}>
              {Object.entries(s.totals).map(([k, v]) => (
                <Col key={k} xs={12} md={6}>
                  <Statistic title={t.totals[k] ?? k} value={v} />
                </Col>
              ))}
            </Row>
          </Card>
          <Card title={t.byChannel} style={{ marginTop: 12 }}>
            <ChannelChart stats={s} />
          </Card>
          <Card title={t.byUnit} style={{ marginTop: 12 }}>
            <Table
              rowKey={(r) => r.unitId ?? 'none'}
              size="small"
              pagination={false}
              dataSource={s.byUnit}
              columns={[
                { title: t.colHandler, dataIndex: 'unitName', render: (n: string | null) => n ?? t.unrouted },
                { title: t.totals.registered, dataIndex: 'registered', align: 'right' },
                { title: t.cStatus.replied, dataIndex: 'replied', align: 'right' },
                { title: t.totals.repliedOnTime, dataIndex: 'repliedOnTime', align: 'right' },
                { title: t.totals.overdue, dataIndex: 'overdue', align: 'right' },
              ]}
            />
          </Card>
          <Card title={t.unanswered} style={{ marginTop: 12 }}>
            <Table rowKey="question" size="small" pagination={false} dataSource={s.unanswered} columns={[{ title: t.askLabel, dataIndex: 'question' }, { title: t.times, dataIndex: 'times', align: 'right', width: 80 }]} />
          </Card>
        </>
      )}
    </>
  );
}
