import { Alert, Button, Card, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api.ts';
import { resolveUnitNames, type Resolution } from '../../units/api.ts';
import { t } from '../strings.ts';

const EXAMPLE = '区政府各部门、管委会、街道办事处';

/** Shows how a written cell of unit names resolves: units, groups (with their members) and unknown names. */
export function ResolveTester() {
  const [text, setText] = useState(EXAMPLE);
  const [result, setResult] = useState<Resolution[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult((await resolveUnitNames(text)).items);
    } catch (err) {
      setResult(null);
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const count = (k: Resolution['kind']) => result?.filter((r) => r.kind === k).length ?? 0;

  return (
    <Card title={<h2 className="card-title">{t.resolveTitle}</h2>} className="resolve-tester">
      <Typography.Paragraph type="secondary">{t.resolveIntro}</Typography.Paragraph>
      <label htmlFor="resolve-text" className="field-label">
        {t.resolveLabel}
      </label>
      <Input.TextArea
        id="resolve-text"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t.resolvePlaceholder}
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={5000}
      />
      <Button type="primary" onClick={() => void run()} loading={busy} disabled={!text.trim()} className="resolve-button">
        {t.resolveButton}
      </Button>
      {error && <Alert role="alert" type="error" showIcon title={error} />}
      {result && (
        <section aria-labelledby="resolve-result-title" className="resolve-result">
          <h3 id="resolve-result-title">{t.resolveResult}</h3>
          <p aria-live="polite" className="resolve-summary">
            {t.resolveSummary(count('unit'), count('group'), count('unknown'))}
          </p>
          <ol className="resolve-list">
            {result.map((r, i) => (
              <ResolutionRow key={`${i}-${r.written}`} r={r} />
            ))}
          </ol>
        </section>
      )}
    </Card>
  );
}

function ResolutionRow({ r }: { r: Resolution }) {
  if (r.kind === 'unknown')
    return (
      <li className="resolve-item unknown" data-kind="unknown">
        <mark className="resolve-written">{r.written}</mark>
        <Tag color="#a8071a">{t.kindUnknown}</Tag>
      </li>
    );
  if (r.kind === 'unit')
    return (
      <li className="resolve-item" data-kind="unit">
        <span className="resolve-written">{r.written}</span>
        <Tag color="#237804">{t.kindUnit}</Tag>
        <span className="resolve-target">→ {r.unit?.name}</span>
      </li>
    );
  const members = r.units ?? [];
  return (
    <li className="resolve-item" data-kind="group">
      <span className="resolve-written">{r.written}</span>
      <Tag color="#0958d9">{t.kindGroup}</Tag>
      <span className="resolve-target">
        → {r.group?.name}（{r.group?.membership === 'per_use' ? t.perUseNote : t.expandsTo(members.length)}）
      </span>
      {members.length > 0 && (
        <details className="resolve-members">
          <summary>{t.expandsTo(members.length)}</summary>
          <span className="tag-wrap">
            {members.map((m) => (
              <Tag key={m.unitId}>{m.name}</Tag>
            ))}
          </span>
        </details>
      )}
    </li>
  );
}
