import { Checkbox, Typography } from 'antd';
import { useState } from 'react';
import type { AuditRow } from '../api.ts';
import { diffJson } from '../json-diff.ts';
import { t } from '../strings.ts';

/** Before → after of one audit row, field by field, changes highlighted. */
export function AuditDiff({ row }: { row: AuditRow }) {
  const created = row.before === null || row.before === undefined;
  const [onlyChanged, setOnlyChanged] = useState(!created);
  const lines = diffJson(row.before, row.after);
  const shown = onlyChanged ? lines.filter((l) => l.change !== 'same') : lines;

  return (
    <div className="audit-diff">
      <div className="audit-diff-bar">
        {created ? <span className="text-muted">{t.diffCreated}</span> : (
          <Checkbox checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)}>
            {t.diffOnlyChanged}
          </Checkbox>
        )}
        <Typography.Text type="secondary" className="audit-hash">
          {t.diffHash}：<code>{row.hash.slice(0, 16)}…</code>
        </Typography.Text>
      </div>
      {shown.length === 0 ? (
        <p className="text-muted">{lines.length ? t.diffNoChange : t.diffNone}</p>
      ) : (
        <table className="diff-table">
          <thead>
            <tr>
              <th scope="col">{t.diffField}</th>
              <th scope="col">{t.diffBefore}</th>
              <th scope="col">{t.diffAfter}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((l) => (
              <tr key={l.key} className={`diff-${l.change}`}>
                <th scope="row">{l.key || '—'}</th>
                <td>{l.before === undefined ? <span className="text-muted">—</span> : <del>{l.before}</del>}</td>
                <td>{l.after === undefined ? <span className="text-muted">—</span> : <ins>{l.after}</ins>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
