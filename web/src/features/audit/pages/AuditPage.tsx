import { Card } from 'antd';
import { useState, type ReactNode } from 'react';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { listAudit } from '../api.ts';
import { AuditFilters, EMPTY_FILTERS, type AuditFilterValues } from '../components/AuditFilters.tsx';
import { AuditTable } from '../components/AuditTable.tsx';
import { VerifyChainButton } from '../components/VerifyChainButton.tsx';
import { t } from '../strings.ts';

export function AuditPage() {
  const [filters, setFilters] = useState<AuditFilterValues>(EMPTY_FILTERS);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [verdict, setVerdict] = useState<ReactNode>(null);
  const rows = useLoad(
    () =>
      listAudit({
        q: filters.q.trim() || undefined,
        entity: filters.entity || undefined,
        action: filters.action || undefined,
        from: filters.from || undefined,
        to: filters.to || undefined,
        page,
        pageSize,
      }),
    [filters, page, pageSize],
  );

  return (
    <>
      <PageHeader title={t.title} intro={t.intro} extra={<VerifyChainButton onResult={setVerdict} />} />
      {verdict && <div className="block-gap">{verdict}</div>}
      {rows.error && <LoadError error={rows.error} onRetry={() => void rows.reload()} />}
      <Card>
        <AuditFilters
          value={filters}
          onApply={(f) => {
            setFilters(f);
            setPage(1);
          }}
        />
        <AuditTable
          rows={rows.data?.items ?? []}
          total={rows.data?.total ?? 0}
          page={page}
          pageSize={pageSize}
          loading={rows.loading}
          onPage={(p, size) => {
            setPage(size !== pageSize ? 1 : p);
            setPageSize(size);
          }}
        />
      </Card>
    </>
  );
}
