import { Tag, Tooltip } from 'antd';
import { formatDateTime } from '../../../lib/format.ts';
import type { Clock } from '../api.ts';
import { t } from '../strings.ts';

/** Each clock of an event as a coloured tag: which limit, how many hours, and how it stands. */
export function ClockTags({ clocks }: { clocks: Clock[] }) {
  return (
    <span className="clock-tags">
      {clocks.map((c) => (
        <Tooltip key={c.kind} title={`时限 ${formatDateTime(String(c.dueAt))}${c.doneAt ? `，用时 ${c.elapsedHours} 小时` : ''}`}>
          <Tag color={t.clockColor[c.state]}>
            {t.clockKind[c.kind]} {c.hours}h · {t.clockState[c.state]}
          </Tag>
        </Tooltip>
      ))}
    </span>
  );
}
