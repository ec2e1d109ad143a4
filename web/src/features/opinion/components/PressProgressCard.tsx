import { Card, Progress } from 'antd';
import { Link } from '../../../lib/router.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { getPressProgress } from '../api.ts';
import { t } from '../strings.ts';

/** On a plan measure about press interpretation: its 不少于N次 targets against the recorded press events. */
export function PressProgressCard({ measureId }: { measureId: string }) {
  const p = useLoad(() => getPressProgress(measureId), [measureId]);
  if (!p.data?.applies) return null;
  return (
    <Card title={<h2 className="card-title">{t.progressTitle}（{p.data.year}年）</h2>} className="block-gap" extra={<Link to="/opinion/press">{t.pressTitle}</Link>}>
      {p.data.targets.map((x) => (
        <div key={x.text} className="press-target">
          <div>
            {x.context}：<strong>{t.progressLine(x.done, x.min)}</strong>
          </div>
          <Progress percent={Math.min(100, Math.round((x.done / x.min) * 100))} status={x.met ? 'success' : 'active'} aria-label={`${x.context} ${t.progressLine(x.done, x.min)}`} />
        </div>
      ))}
    </Card>
  );
}
