import { ExportOutlined, FileDoneOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Skeleton, Tag } from 'antd';
import { LoadError } from '../../../components/LoadError.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { Link } from '../../../lib/router.tsx';
import { usePermission } from '../../../lib/session.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { getDisclosureProof, type DisclosureProof } from '../api.ts';
import { t } from '../strings.ts';
import './disclosure-proof.css';

type ProofColumn = DisclosureProof['columns'][number];

// Solid dark colours with white text (as the catalog's tags): antd's pale presets fall below 4.5:1.
const GREEN = '#237804';
const RED = '#a8071a';

const dateOf = (iso: string | null) => (iso ? formatDateTime(iso).slice(0, 10) : '—');

function Path({ path }: { path: string[] }) {
  return <span className="proof-path">{path.join(' > ')}</span>;
}

function ColumnLine({ c }: { c: ProofColumn }) {
  const ok = c.published > 0;
  const shown = c.documents.slice(0, 5);
  return (
    <div className="proof-column" data-testid="proof-column">
      <div className="proof-column-head">
        <a href={c.url} target="_blank" rel="noreferrer" className="proof-column-link" title={t.proofOpenColumn(c.name)}>
          {c.regionSite ? c.path.join(' > ') : `${t.proofUnitSite(c.siteName)} > ${c.path.join(' > ')}`}
          <ExportOutlined aria-hidden className="proof-external" />
        </a>
        <Tag color={ok ? GREEN : RED}>{ok ? t.proofOk : t.proofNone}</Tag>
      </div>
      <div className="proof-meta">
        <span>
          {t.proofCount}：<strong>{t.proofCountValue(c.published)}</strong>
        </span>
        <span>
          {t.proofLatest}：{dateOf(c.latest)}
        </span>
      </div>
      {shown.length > 0 && (
        <ul className="proof-docs">
          {shown.map((d) => (
            <li key={d.id}>
              <a href={d.url} target="_blank" rel="noreferrer">
                {d.title}
              </a>
              <span className="cell-note"> {dateOf(d.publishedAt)}</span>
            </li>
          ))}
          {c.documents.length > shown.length && <li className="cell-note">{t.proofMoreDocs(c.documents.length - shown.length)}</li>}
        </ul>
      )}
    </div>
  );
}

/**
 * 公开情况: for each disclosure path of a measure, the column it leads to and what that column
 * published during the plan year, with links to the documents on the portal. The lead unit can write
 * the links into its 检查结果 as evidence.
 */
export function DisclosureProofCard({ measureId, hasPaths, onUseAsEvidence }: { measureId: string; hasPaths: boolean; onUseAsEvidence?: (text: string) => void }) {
  const canManageCatalog = usePermission('catalog.manage');
  const proof = useLoad(() => (hasPaths ? getDisclosureProof(measureId) : Promise.resolve(null)), [measureId, hasPaths]);
  const p = proof.data;
  const byId = new Map((p?.columns ?? []).map((c) => [c.id, c]));
  const linked = new Set(p?.paths.flatMap((x) => x.columnIds));
  const others = (p?.columns ?? []).filter((c) => !linked.has(c.id));
  const ok = (p?.columns ?? []).filter((c) => c.published > 0).length;
  const docs = (p?.columns ?? []).flatMap((c) => c.documents);

  const evidence = () => {
    if (!p || !onUseAsEvidence) return;
    const seen = new Set<string>();
    const lines = docs.filter((d) => !seen.has(d.id) && seen.add(d.id)).map((d) => t.proofDocLine(d.title, dateOf(d.publishedAt), new URL(d.url, window.location.origin).href));
    onUseAsEvidence(t.proofSummaryText(p.year, lines));
  };

  return (
    <Card
      title={<h2 className="card-title">{t.proofTitle}</h2>}
      className="block-gap"
      data-testid="disclosure-proof"
      extra={
        onUseAsEvidence && docs.length > 0 ? (
          <Button size="small" icon={<FileDoneOutlined />} onClick={evidence} title={t.proofUseHelp}>
            {t.proofUseInSummary}
          </Button>
        ) : undefined
      }
    >
      {!hasPaths ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.proofNoPaths} />
      ) : proof.error ? (
        <LoadError error={proof.error} onRetry={() => void proof.reload()} />
      ) : !p ? (
        <Skeleton active />
      ) : p.columns.length === 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t.proofNoColumns}
          action={canManageCatalog ? <Link to="/catalog/columns/path-mappings">{t.proofMappingsLink}</Link> : undefined}
        />
      ) : (
        <>
          <p className="text-muted proof-intro">
            {t.proofIntro(p.year)} <strong data-testid="proof-summary">{t.proofSummary(ok, p.columns.length)}</strong>
          </p>
          <ul className="proof-list">
            {p.paths.map((x) => (
              <li key={`${x.instruction ? 'i' : 'p'}:${x.raw.join('>')}`} className="proof-item">
                <div className="proof-item-path">
                  <span className="cell-note">{x.instruction ? t.proofInstruction : t.proofPath}：</span>
                  <Path path={x.raw} />
                </div>
                {x.columnIds.length === 0 ? (
                  <div className="proof-column">
                    <Tag color={RED}>{t.proofNoColumn}</Tag>
                  </div>
                ) : (
                  x.columnIds.map((id) => byId.get(id)).filter((c): c is ProofColumn => !!c).map((c) => <ColumnLine key={c.id} c={c} />)
                )}
              </li>
            ))}
            {others.length > 0 && (
              <li className="proof-item">
                <div className="proof-item-path">
                  <span className="cell-note">{t.proofOtherColumns}</span>
                </div>
                {others.map((c) => (
                  <ColumnLine key={c.id} c={c} />
                ))}
              </li>
            )}
          </ul>
        </>
      )}
    </Card>
  );
}
