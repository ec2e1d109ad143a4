import { Empty, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { t } from '../strings.ts';

export interface KindCount {
  label: string;
  count: number;
}

/**
 * A bar chart of units per kind. ECharts is loaded only here, on demand (see bar-chart.ts).
 */
export function UnitsByKindChart({ data }: { data: KindCount[] }) {
  const host = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    if (!host.current || data.length === 0) return;
    let disposed = false;
    let cleanup = () => {};
    void (async () => {
      const { drawBarChart } = await import('./bar-chart.ts');
      if (disposed || !host.current) return;
      const chart = drawBarChart(host.current, data, '#a4161a');
      const ro = new ResizeObserver(() => chart.resize());
      ro.observe(host.current);
      setReady(true);
      cleanup = () => {
        ro.disconnect();
        chart.dispose();
      };
    })();
    return () => {
      disposed = true;
      cleanup();
    };
  }, [data]);

  if (data.length === 0) return <Empty description={t.chartEmpty} />;
  const summary = t.chartSummary(data.map((d) => `${d.label} ${d.count} 个`).join('，'));
  return (
    <div className="chart-wrap">
      {!ready && (
        <div className="chart-loading">
          <Spin description={t.chartLoading} />
        </div>
      )}
      <div ref={host} className="chart" role="img" aria-label={summary} />
    </div>
  );
}
