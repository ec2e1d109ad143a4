import { CloseOutlined } from '@ant-design/icons';
import { Button, Empty, Grid, Input, Segmented, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { LoadError } from '../../../components/LoadError.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { Link, navigate, replaceSearchParam, searchParam } from '../../../lib/router.tsx';
import { usePermission } from '../../../lib/session.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { listDocuments, type DocumentListItem, type DocumentStatus } from '../api.ts';
import { BLUE, BROWN, GREEN, GREY, RED } from '../colors.ts';
import { t } from '../strings.ts';
import './document-list.css';

export const STATUS_COLORS: Record<DocumentStatus, string> = { draft: GREY, in_review: BLUE, returned: BROWN, rejected: RED, scheduled: BLUE, published: GREEN, withdrawn: GREY };
const STATUSES = Object.keys(STATUS_COLORS) as DocumentStatus[];
const PAGE_SIZES = [20, 50, 100];

/** all: the site's documents; mine: 待我审核; authored: 我起草的 (every site, status filter applies). */
type View = 'all' | 'mine' | 'authored';

interface Props {
  /** The site picked on the page; the whole list waits for it (待我审核 does not: it spans every site). */
  siteId: string | null;
  /** A column picked in the column tree (its sub-columns included), with its path for the label. */
  column: { id: string; label: string } | null;
  onClearColumn: () => void;
}

/** `2024-03-01 09:30`: minutes are enough in a list. */
const minutes = (v: string) => formatDateTime(v).slice(0, 16);

/** Status tag, the step now waiting, the working copy's state and, in 待我审核 at the last step, open personal information. */
function StatusCell({ r }: { r: DocumentListItem }) {
  const copy = r.workingCopyState === 'draft' ? t.workingCopyDraft : r.workingCopyState === 'in_review' ? t.workingCopyReview : r.workingCopyState === 'scheduled' ? t.listCopyScheduled : null;
  return (
    <div className="doc-status-cell">
      <Tag color={STATUS_COLORS[r.status] ?? GREY}>{t.statusLabel[r.status] ?? r.status}</Tag>
      {copy && <Tag color={BLUE}>{copy}</Tag>}
      {r.currentStep && <span className="doc-step">{t.listStep(r.currentStep)}</span>}
      {r.status === 'scheduled' && r.publishedAt && <span className="cell-note">{t.listScheduledAt(minutes(r.publishedAt))}</span>}
      {r.openFindings !== undefined && (
        <span className={r.openFindings ? 'doc-findings open' : 'doc-findings'}>{r.openFindings ? t.listFindings(r.openFindings) : t.listNoFindings}</span>
      )}
    </div>
  );
}

/**
 * 文件列表: the documents of the picked site (or column), newest-updated first, searchable by title
 * or 发文字号 and filtered by status; reviewers switch to 待我审核, the documents whose current step is
 * theirs across every site. The view, the words and the status are kept in the address.
 */
export function DocumentList({ siteId, column, onClearColumn }: Props) {
  const canReview = usePermission('documents.review');
  const canEdit = usePermission('documents.edit');
  const wide = Grid.useBreakpoint().md ?? true;
  const [view, setView] = useState<View>(() => {
    const v = searchParam('view');
    return canReview && v === 'mine' ? 'mine' : canEdit && v === 'authored' ? 'authored' : 'all';
  });
  const [q, setQ] = useState(() => searchParam('q') ?? '');
  const [status, setStatus] = useState<DocumentStatus | undefined>(() => {
    const s = searchParam('status') as DocumentStatus | null;
    return s && STATUSES.includes(s) ? s : undefined;
  });
  const [pageSize, setPageSize] = useState(20);
  const mine = view === 'mine';
  // The page number belongs to one question: asking another starts again at page 1.
  const asked = JSON.stringify([view, q, status, siteId, column?.id, pageSize]);
  const [paging, setPaging] = useState({ asked, page: 1 });
  const page = paging.asked === asked ? paging.page : 1;

  const docs = useLoad(
    () =>
      mine
        ? listDocuments({ awaiting: 'mine', q: q || undefined, page, pageSize })
        : view === 'authored'
          ? listDocuments({ author: 'me', status, q: q || undefined, page, pageSize })
          : siteId
          ? listDocuments({ siteUnitId: siteId, columnId: column?.id, status, q: q || undefined, page, pageSize })
          : Promise.resolve(undefined),
    [asked, page],
  );
  // The count on the 待我审核 switch; read again whenever the view changes.
  const mineCount = useLoad(() => (canReview ? listDocuments({ awaiting: 'mine', pageSize: 1 }).then((r) => r.total) : Promise.resolve(undefined)), [canReview, view]);

  const keep = (name: string, value: string | undefined) => replaceSearchParam(name, value || null);
  const filtered = !!(q || status || column);
  const empty = mine ? t.listEmptyMine : view === 'authored' && !filtered ? t.listEmptyAuthored : filtered ? t.listEmptyFiltered : t.listEmpty;

  const columns: TableColumnsType<DocumentListItem> = [
    {
      title: t.colTitle,
      key: 'title',
      render: (_, r) => (
        <div className="doc-title-cell">
          <Link to={`/catalog/documents/${r.id}`} className="doc-title-link">
            {r.title}
          </Link>
          <div className="cell-note">{[r.docNumber, r.indexNo].filter(Boolean).join(' · ')}</div>
          {!wide && (
            <>
              <div className="cell-note">{`${r.columnName} · ${minutes(r.updatedAt)}`}</div>
              <StatusCell r={r} />
            </>
          )}
        </div>
      ),
    },
    {
      title: t.colColumn,
      key: 'column',
      width: 190,
      responsive: ['md'],
      render: (_, r) => (
        <>
          <span>{r.columnName}</span>
          <div className="cell-note">{r.unitName}</div>
        </>
      ),
    },
    { title: t.listColStatus, key: 'status', width: 220, responsive: ['md'], render: (_, r) => <StatusCell r={r} /> },
    {
      title: t.listColUpdated,
      key: 'updatedAt',
      width: 150,
      responsive: ['md'],
      render: (_, r) => <time dateTime={r.updatedAt}>{minutes(r.updatedAt)}</time>,
    },
  ];

  return (
    <div className="document-list">
      <div className="toolbar">
        {(canReview || canEdit) && (
          <Segmented<View>
            aria-label={t.listViewLabel}
            block={!wide}
            value={view}
            onChange={(v) => {
              setView(v);
              keep('view', v === 'all' ? undefined : v);
            }}
            options={[
              { value: 'all', label: t.listAll },
              ...(canReview ? [{ value: 'mine' as const, label: mineCount.data !== undefined ? t.listMineCount(mineCount.data) : t.listMine }] : []),
              ...(canEdit ? [{ value: 'authored' as const, label: t.listAuthored }] : []),
            ]}
          />
        )}
        <div className="toolbar-field">
          <label htmlFor="documents-q">{t.listSearchLabel}</label>
          <Input.Search
            id="documents-q"
            placeholder={t.listSearchPlaceholder}
            allowClear
            defaultValue={q}
            maxLength={100}
            style={{ width: wide ? 260 : '100%' }}
            onSearch={(v) => {
              setQ(v.trim());
              keep('q', v.trim());
            }}
          />
        </div>
        {!mine && (
          <div className="toolbar-field">
            <label htmlFor="documents-status">{t.listStatusLabel}</label>
            <Select<DocumentStatus>
              id="documents-status"
              allowClear
              placeholder={t.listStatusAll}
              style={{ width: 160 }}
              value={status}
              options={STATUSES.map((s) => ({ value: s, label: t.statusLabel[s] }))}
              onChange={(v) => {
                setStatus(v ?? undefined);
                keep('status', v ?? undefined);
              }}
            />
          </div>
        )}
        {view === 'all' && column && (
          <span className="doc-column-filter">
            {t.listColumnFilter(column.label)}
            <Button size="small" type="text" icon={<CloseOutlined />} aria-label={t.listColumnClear} title={t.listColumnClear} onClick={onClearColumn} />
          </span>
        )}
        <span className="toolbar-count" aria-live="polite">
          {docs.data && t.listTotal(docs.data.total)}
        </span>
      </div>
      {mine && <p className="text-muted doc-mine-hint">{t.listMineHint}</p>}
      {docs.error && <LoadError error={docs.error} onRetry={() => void docs.reload()} />}
      <Table<DocumentListItem>
        rowKey="id"
        size="middle"
        className="doc-table"
        columns={columns}
        dataSource={docs.data?.items ?? []}
        loading={docs.loading}
        locale={{ emptyText: <Empty description={empty} /> }}
        onRow={(r) => ({
          // The title is the link (keyboard, new tab); a click anywhere else on the row opens it too.
          onClick: (e) => {
            if ((e.target as HTMLElement).closest('a, button')) return;
            navigate(`/catalog/documents/${r.id}`);
          },
        })}
        pagination={{
          current: page,
          pageSize,
          total: docs.data?.total ?? 0,
          hideOnSinglePage: false,
          showSizeChanger: wide,
          pageSizeOptions: PAGE_SIZES,
          simple: !wide,
          onChange: (p, size) => {
            if (size !== pageSize) setPageSize(size);
            else setPaging({ asked, page: p });
          },
        }}
      />
    </div>
  );
}
