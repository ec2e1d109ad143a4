import { Button, Empty, Select, Space } from 'antd';
import { useState } from 'react';
import { LoadError } from '../../../components/LoadError.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { compareRevisions, type Comparison, type Revision } from '../api.ts';
import { t } from '../strings.ts';

/** 版本: every saved version, and any two compared line by line (added in green, removed in red). */
export function VersionsPanel({ documentId, revisions }: { documentId: string; revisions: Revision[] }) {
  const n = revisions.length;
  const [a, setA] = useState<number | undefined>(n > 1 ? revisions[n - 2].version : undefined);
  const [b, setB] = useState<number | undefined>(n > 1 ? revisions[n - 1].version : undefined);
  const [result, setResult] = useState<Comparison | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const options = revisions.map((r) => ({ value: r.version, label: t.trailVersion(r.version) }));

  const run = async () => {
    if (a === undefined || b === undefined) return;
    setLoading(true);
    try {
      setResult(await compareRevisions(documentId, a, b));
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  };

  return (
    <section aria-labelledby="versions-title" data-testid="versions-panel">
      <h2 id="versions-title" className="card-title">
        {t.versionsTitle}
      </h2>
      {n === 0 ? (
        <Empty description={t.versionsEmpty} />
      ) : (
        <ol className="version-list">
          {[...revisions].reverse().map((r) => (
            <li key={r.version}>
              <span>{t.versionItem(r.version, r.title)}</span>
              <span className="cell-note">{formatDateTime(r.createdAt)}</span>
            </li>
          ))}
        </ol>
      )}
      {n > 1 && (
        <Space wrap className="compare-bar">
          <Select aria-label={t.compareFrom} value={a} onChange={setA} options={options} style={{ width: 110 }} />
          <span>{t.compareTo}</span>
          <Select aria-label={`${t.compareTo}${t.compareFrom}`} value={b} onChange={setB} options={options} style={{ width: 110 }} />
          <Button onClick={() => void run()} loading={loading} disabled={a === undefined || b === undefined || a === b}>
            {t.compare}
          </Button>
        </Space>
      )}
      {error && <LoadError error={error} onRetry={() => void run()} />}
      {result && (
        <div className="compare-result" data-testid="compare-result">
          <h3 className="panel-title">{t.compareTitle(result.from.version, result.to.version)}</h3>
          {result.changes.every((c) => c.kind === 'same') ? (
            <p className="text-muted">{t.compareSame}</p>
          ) : (
            <div className="diff-lines">
              {result.changes.flatMap((c, i) =>
                c.text
                  .replace(/\n$/, '')
                  .split('\n')
                  .map((line, j) =>
                    c.kind === 'added' ? (
                      <ins key={`${i}-${j}`} className="diff-line added">
                        <span className="sr-only">{t.added}：</span>
                        <span aria-hidden>+ </span>
                        {line}
                      </ins>
                    ) : c.kind === 'removed' ? (
                      <del key={`${i}-${j}`} className="diff-line removed">
                        <span className="sr-only">{t.removed}：</span>
                        <span aria-hidden>− </span>
                        {line}
                      </del>
                    ) : (
                      <span key={`${i}-${j}`} className="diff-line same">
                        <span aria-hidden>{'  '}</span>
                        {line}
                      </span>
                    ),
                  ),
              )}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
