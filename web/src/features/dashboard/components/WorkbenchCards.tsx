import { Alert, Card, Empty } from 'antd';
import { Link } from '../../../lib/router.tsx';
import type { WorkbenchSource } from '../api.ts';
import { t } from '../strings.ts';

/**
 * One card per source: each count a link to the list it counts (a screen reader hears
 * “12 项 逾期单位任务”: the visible text, in order). Zero counts stay, muted, so the office sees what is clear too.
 */
export function WorkbenchCards({ sources }: { sources: WorkbenchSource[] }) {
  const shown = sources.filter((s) => s.status === 'unavailable' || s.items.length > 0);
  if (!shown.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.workEmpty} />;
  const nothing = shown.every((s) => s.status === 'ok' && s.items.every((i) => i.count === 0));
  return (
    <>
      {nothing && <p className="wb-empty-note">{t.workEmpty}</p>}
      <div className="wb-sources">
        {shown.map((s) => (
          <Card key={s.id} size="small" className="wb-source" data-source={s.id} title={<h3 className="wb-source-title">{s.title}</h3>}>
            {s.status === 'unavailable' ? (
              <Alert type="warning" showIcon title={t.sourceUnavailable} />
            ) : (
              <ul className="wb-counts">
                {s.items.map((i) => (
                  <li key={i.key}>
                    <Link to={i.href} className={`wb-count tone-${i.count ? i.tone : 'zero'}`} data-key={i.key}>
                      <span className="wb-count-value">{i.count}</span>
                      <span className="wb-count-label">
                        <span>
                          <span className="sr-only">{t.countUnit}</span>
                          {i.label}
                        </span>
                        {i.hint && <span className="wb-count-hint">{i.hint}</span>}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        ))}
      </div>
    </>
  );
}
