import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Input, Row, Statistic } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { todayInShanghai } from '../../../lib/format.ts';
import { useLoad } from '../../../lib/use-load.ts';
import { getStats, statsDocxUrl, type MonthlyStats } from '../api.ts';
import { t } from '../strings.ts';
import '../mailbox.css';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The six months ending with `month`, oldest first. */
function lastSix(month: string): string[] {
  const [y, m] = month.split('-').map(Number);
  return Array.from({ length: 6 }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 6 + i, 1));
    return d.toISOString().slice(0, 7);
  });
}

function MonthsChart({ months }: { months: MonthlyStats[] }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    let disposed = false;
    let cleanup = () => {};
    void import('../components/mailbox-charts.ts').then(({ drawMonths }) => {
      if (disposed || !host.current) return;
      const chart = drawMonths(host.current, months.map((s) => ({ month: s.month, received: s.received, replied: s.replied, onTime: s.repliedOnTime, satisfaction: s.satisfaction })));
      const ro = new ResizeObserver(() => chart.resize());
      ro.observe(host.current);
      cleanup = () => (ro.disconnect(), chart.dispose());
    });
    return () => {
      disposed = true;
      cleanup();
    };
  }, [months]);
  const summary = months.map((s) => `${s.month}：${t.chartLabel(s)}`).join('；');
  return <div ref={host} role="img" aria-label={summary} className="mailbox-stat-chart" />;
}

/** 信箱统计: one month's figures (as published monthly), six months drawn, the month as a Word document. */
export function MailboxStatsPage() {
  const [month, setMonth] = useState(todayInShanghai().slice(0, 7));
  const valid = MONTH.test(month);
  const stats = useLoad(() => (valid ? Promise.all(lastSix(month).map(getStats)) : Promise.resolve(null)), [month]);
  const s = stats.data?.at(-1);
  return (
    <>
      <PageHeader
        title={t.statsTitle}
        intro={t.statsIntro}
        extra={
          <>
            <Input aria-label={t.month} value={month} onChange={(e) => setMonth(e.target.value)} style={{ width: 110 }} maxLength={7} status={valid ? undefined : 'error'} />
            <Button icon={<DownloadOutlined />} href={valid ? statsDocxUrl(month) : undefined} disabled={!valid}>
              {t.downloadDocx}
            </Button>
          </>
        }
      />
      {stats.error && <LoadError error={stats.error} onRetry={() => void stats.reload()} />}
      {s && (
        <>
          <Card className="block-gap">
            <Row gutter={[16, 16]}>
              {(['received', 'accepted', 'rejected', 'pending', 'replied', 'repliedOnTime', 'averageDays'] as const).map((k) => (
                <Col key={k} xs={12} md={6} xl={3}>
                  <Statistic title={t.statLabels[k]} value={s[k]} />
                </Col>
              ))}
              <Col xs={12} md={6} xl={3}>
                <Statistic title={t.satisfaction} value={s.satisfaction ?? '—'} suffix={s.satisfaction === null ? undefined : '%'} />
              </Col>
              <Col xs={24}>
                <div className="text-muted">{t.ratings}</div>
                <div>
                  满意 {s.ratings.satisfied} · 基本满意 {s.ratings.basicallySatisfied} · 不满意 {s.ratings.dissatisfied}
                </div>
              </Col>
            </Row>
          </Card>
          <Card title={<h2 className="card-title">近六个月</h2>}>
            <MonthsChart months={stats.data!} />
          </Card>
        </>
      )}
    </>
  );
}
