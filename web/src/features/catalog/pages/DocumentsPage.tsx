import { ExportOutlined, FileAddOutlined, FolderOpenOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Grid, Input, Modal, Select, Table, TreeSelect, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { navigate, replaceSearchParam, searchParam } from '../../../lib/router.tsx';
import { useMe, usePermission } from '../../../lib/session.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { useUnitCatalog } from '../../units/api.ts';
import { listColumns, type Column } from '../api.ts';
import { buildColumnTree, columnOptions, columnPath, dateOf, filterColumnTree, parentKeys, siteOptions, type ColumnNode } from '../column-tree.ts';
import { DocumentList } from '../components/DocumentList.tsx';
import { t } from '../strings.ts';
import '../catalog.css';

interface Row {
  key: string;
  column: Column;
  children?: Row[];
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * 文件管理: the documents of a site (文件列表, 待我审核 for reviewers), the site's columns with their
 * counts — 查看文件 narrows the list to a column, 新建文件 starts one there — and opening a document
 * by its id or public address. 新建文件 also heads the list, its column chosen in a dialog.
 */
export function DocumentsPage() {
  const me = useMe();
  const canEdit = usePermission('documents.edit');
  const districtWide = me.user.roles.includes('sys_admin') || me.user.roles.includes('office_admin');
  const wide = Grid.useBreakpoint().md ?? true;
  const units = useUnitCatalog();
  const sites = useMemo(() => siteOptions(units.data?.items ?? [], districtWide ? undefined : [me.user.unitId]), [units.data, districtWide, me.user.unitId]);
  const [picked, setPicked] = useState<string | null>(() => searchParam('site'));
  const siteId = picked ?? sites[0]?.value ?? null;
  const columns = useLoad(() => (siteId ? listColumns(siteId) : Promise.resolve([] as Column[])), [siteId]);
  const [openError, setOpenError] = useState<string | null>(null);
  const [columnId, setColumnId] = useState<string | null>(() => searchParam('column'));
  const listRef = useRef<HTMLDivElement>(null);
  // The picked column as the list shows it; one of another site (or gone) is not applied.
  const column = useMemo(() => {
    const all = columns.data ?? [];
    return columnId && all.some((c) => c.id === columnId) ? { id: columnId, label: columnPath(all, columnId) } : null;
  }, [columns.data, columnId]);

  const pickColumn = (id: string | null) => {
    setColumnId(id);
    replaceSearchParam('column', id);
    if (id) listRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  // 新建文件 at the top of the list: the column is chosen in the dialog (the picked one first).
  const [newOpen, setNewOpen] = useState(false);
  const [newColumn, setNewColumn] = useState<string | undefined>();
  const columnTree = useMemo(() => columnOptions(columns.data ?? []), [columns.data]);
  const startNew = () => {
    setNewColumn(column?.id);
    setNewOpen(true);
  };

  const [filter, setFilter] = useState('');
  const roots = useMemo(() => filterColumnTree(buildColumnTree(columns.data ?? []), filter), [columns.data, filter]);
  const rows = useMemo(() => {
    const toRow = (n: ColumnNode): Row => ({ key: n.column.id, column: n.column, ...(n.children.length && { children: n.children.map(toRow) }) });
    return roots.map(toRow);
  }, [roots]);
  const [expanded, setExpanded] = useState<string[]>([]);
  useEffect(() => setExpanded(parentKeys(roots)), [roots]);

  const open = ({ ref }: { ref?: string }) => {
    const id = ref?.match(UUID)?.[0];
    if (!id) return setOpenError(t.openByIdInvalid);
    setOpenError(null);
    navigate(`/catalog/documents/${id.toLowerCase()}`);
  };

  const tableColumns: TableColumnsType<Row> = [
    {
      title: t.colColumn,
      key: 'name',
      render: (_, r) => (
        <>
          <span>{r.column.name}</span>
          {!wide && <div className="cell-note">{`${t.published(r.column.published)} · ${r.column.latest ? t.latest(dateOf(r.column.latest)) : t.neverPublished}`}</div>}
        </>
      ),
    },
    { title: t.colPublished, key: 'published', width: 90, align: 'right', responsive: ['md'], render: (_, r) => r.column.published },
    { title: t.colLatest, key: 'latest', width: 120, responsive: ['md'], render: (_, r) => dateOf(r.column.latest) },
    {
      title: t.colActions,
      key: 'actions',
      width: wide ? 340 : 132,
      render: (_, r) => (
        <div className="row-actions">
          <Button size="small" icon={<UnorderedListOutlined />} aria-label={t.viewColumnDocumentsIn(r.column.name)} onClick={() => pickColumn(r.column.id)}>
            {wide ? t.viewColumnDocuments : null}
          </Button>
          {canEdit && (
            <Button size="small" icon={<FileAddOutlined />} aria-label={t.newInColumn(r.column.name)} onClick={() => navigate(`/catalog/documents/new?columnId=${r.column.id}`)}>
              {wide ? t.newDocument : null}
            </Button>
          )}
          <Button size="small" type="link" href={`/xxgk/${r.column.slug}`} target="_blank" rel="noreferrer" aria-label={`${r.column.name} ${t.openPublic}`} icon={<ExportOutlined />}>
            {wide ? t.openPublic : null}
          </Button>
        </div>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t.documentsTitle}
        intro={t.documentsIntro}
        extra={
          <div className="toolbar-field doc-site-field">
            <label htmlFor="documents-site">{t.siteLabel}</label>
            <Select
              id="documents-site"
              style={{ width: wide ? 320 : '100%' }}
              showSearch={{ optionFilterProp: 'label' }}
              loading={units.loading}
              options={sites}
              value={siteId ?? undefined}
              onChange={(v: string) => {
                setPicked(v);
                replaceSearchParam('site', v);
                pickColumn(null);
              }}
            />
          </div>
        }
      />
      {units.error && <LoadError error={units.error} onRetry={() => void units.reload()} />}
      <div ref={listRef} className="scroll-anchor">
        <Card
          className="block-gap"
          title={<h2 className="card-title">{t.listTitle}</h2>}
          extra={
            canEdit && (
              <Button type="primary" icon={<FileAddOutlined />} onClick={startNew} disabled={!siteId}>
                {t.newDocument}
              </Button>
            )
          }
        >
          <DocumentList siteId={siteId} column={column} onClearColumn={() => pickColumn(null)} />
        </Card>
      </div>
      {columns.error && <LoadError error={columns.error} onRetry={() => void columns.reload()} />}
      <Card className="block-gap" title={<h2 className="card-title">{t.columnsCardTitle}</h2>}>
        <div className="toolbar">
          <div className="toolbar-field">
            <label htmlFor="documents-filter">{t.filterLabel}</label>
            <Input.Search id="documents-filter" placeholder={t.filterPlaceholder} allowClear style={{ width: 240 }} onChange={(e) => setFilter(e.target.value)} onSearch={setFilter} />
          </div>
        </div>
        <Table<Row>
          size="small"
          columns={tableColumns}
          dataSource={rows}
          loading={columns.loading}
          pagination={false}
          expandable={{ expandedRowKeys: expanded, onExpandedRowsChange: (keys) => setExpanded(keys as string[]) }}
          locale={{ emptyText: <Empty description={filter.trim() ? t.filterEmpty : t.treeEmpty} /> }}
        />
      </Card>
      <Modal
        open={newOpen}
        title={t.newDialogTitle}
        okText={t.newDialogGo}
        okButtonProps={{ disabled: !newColumn }}
        onOk={() => newColumn && navigate(`/catalog/documents/new?columnId=${newColumn}`)}
        onCancel={() => setNewOpen(false)}
        destroyOnHidden
      >
        <div className="toolbar-field new-doc-field">
          <label htmlFor="new-doc-column">{t.newDialogColumn}</label>
          <TreeSelect
            id="new-doc-column"
            style={{ width: '100%' }}
            treeData={columnTree}
            value={newColumn}
            onChange={(v: string) => setNewColumn(v)}
            showSearch={{ treeNodeFilterProp: 'title' }}
            loading={columns.loading}
            placeholder={t.columnRequired}
          />
          <div className="cell-note">{t.newDialogHelp}</div>
        </div>
      </Modal>
      <Card title={<h2 className="card-title">{t.openById}</h2>}>
        <Form layout="inline" onFinish={open} className="open-form">
          <Form.Item name="ref" label={t.openByIdLabel} validateStatus={openError ? 'error' : undefined} help={openError ?? undefined} className="open-field">
            <Input placeholder={t.openByIdPlaceholder} allowClear />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit" icon={<FolderOpenOutlined />}>
              {t.openById}
            </Button>
          </Form.Item>
        </Form>
      </Card>
    </>
  );
}
