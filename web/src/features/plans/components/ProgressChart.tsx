import { Empty, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { t } from '../strings.ts';
import type { ProgressBar } from './plan-charts.ts';

/**
 * A progress chart drawn by ECharts, which loads only when a chart is first shown. The chart is an
 * image to assistive technology, described by `summary` (the numbers are also in the tables).
 */
export function ProgressChart({ bars, orientation, summary, height }: { bars: ProgressBar[]; orientation: 'horizontal' | 'vertical'; summary: string; height: number }) {
  const host = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    if (!host.current || bars.length === 0) return;
    let disposed = false;
    let cleanup = () => {};
    void (async () => {
      const charts = await import('./plan-charts.ts');
      if (disposed || !host.current) return;
      const chart = orientation === 'horizontal' ? charts.drawHorizontalProgress(host.current, bars) : charts.drawVerticalProgress(host.current, bars);
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
  }, [bars, orientation]);

  if (bars.length === 0) return <Empty />;
  return (
    <div className="chart-wrap">
      {!ready && (
        <div className="chart-loading">
          <Spin description={t.chartLoading} />
        </div>
      )}
      <div ref={host} className="plan-chart" style={{ height }} role="img" aria-label={summary} />
    </div>
  );
}
