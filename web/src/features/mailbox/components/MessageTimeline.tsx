import { Timeline } from 'antd';
import { formatDateTime } from '../../../lib/format.ts';
import type { MessageDetail } from '../api.ts';
import { t } from '../strings.ts';

/**
 * 办理过程: the message's own steps and its ledger item's steps (交办、签收、退回、延期…) in one list, oldest
 * first, each with who took it and the note the next person reads.
 */
export function MessageTimeline({ d }: { d: MessageDetail }) {
  const own = d.events.map((e) => ({ at: String(e.at), who: e.actorName, what: t.events[e.action] ?? e.action, note: e.note, ledger: false }));
  const ledger = (d.ledger?.timeline ?? [])
    .filter((e) => !['dispatched', 'replied', 'reopened'].includes(e.action)) // the message's own steps say these
    .map((e) => ({
      at: String(e.at),
      who: e.actorName,
      what: `${t.ledgerActions[e.action] ?? e.action}${e.toUnit && e.action === 'reassigned' ? `至${e.toUnit}` : ''}`,
      note: e.note,
      ledger: true,
    }));
  const steps = [...own, ...ledger].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Timeline
      items={steps.map((s, i) => ({
        key: i,
        color: s.ledger ? 'gray' : s.what === t.events.rejected ? 'red' : 'blue',
        content: (
          <div>
            <strong>{s.what}</strong>
            <span className="text-muted">
              {' '}
              {formatDateTime(s.at)} · {s.who}
            </span>
            {s.note && <div>{s.note}</div>}
          </div>
        ),
      }))}
    />
  );
}
