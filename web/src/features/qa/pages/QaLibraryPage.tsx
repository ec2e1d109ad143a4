import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Input, Select, Space, Table, Tag, Upload, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ListEmpty } from '../../../components/ListEmpty.tsx';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { usePermission } from '../../../lib/session.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { exportUrl, importBank, listEntries, setEntryStatus, type QaEntryListItem } from '../api.ts';
import { EntryEditor } from '../components/EntryEditor.tsx';
import { SynonymsDialog } from '../components/SynonymsDialog.tsx';
import { t } from '../strings.ts';

export function QaLibraryPage() {
  const { message } = App.useApp();
  const canEdit = usePermission('qa.edit');
  const canManage = usePermission('qa.manage');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<string | null | undefined>(undefined);
  const [synonyms, setSynonyms] = useState(false);
  const [replace, setReplace] = useState(false);
  const entries = useLoad(() => listEntries({ q: q || undefined, status: status as 'draft' | undefined, page, pageSize: 20 }), [q, status, page]);

  const act = async (id: string, action: 'publish' | 'retire' | 'draft') => {
    try {
      await setEntryStatus(id, action);
      await entries.reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const columns: TableColumnsType<QaEntryListItem> = [
    {
      title: t.colQuestion,
      dataIndex: 'question',
      render: (text: string, e) => (
        <>
          <Button type="link" className="qa-entry-link" onClick={() => setEditing(e.id)}>
            {text}
          </Button>
          {e.isSample && <Tag>{t.sample}</Tag>}
          {e.needsReview && <Tag color="orange" title={e.reviewReason ?? ''}>{t.needsReview}</Tag>}
          {e.externalId && <div className="cell-note">{e.externalId}</div>}
        </>
      ),
    },
    { title: t.colUnit, dataIndex: 'ownerUnitName', width: 200, responsive: ['md'] },
    { title: t.colVariants, dataIndex: 'variantCount', width: 90, align: 'right', responsive: ['md'] },
    { title: t.colStatus, dataIndex: 'status', width: 90, render: (s: string) => <Tag color={s === 'published' ? '#237804' : s === 'retired' ? 'default' : 'blue'}>{t.status[s]}</Tag> },
    { title: t.colUpdated, dataIndex: 'updatedAt', width: 170, responsive: ['lg'], render: (v: string) => formatDateTime(v) },
    {
      title: '',
      key: 'actions',
      width: 200,
      render: (_: unknown, e) =>
        canEdit && (
          <Space size="small" wrap>
            {(e.status === 'draft' || e.needsReview) && (
              <Button size="small" type="primary" onClick={() => void act(e.id, 'publish')}>
                {e.needsReview && e.status === 'published' ? t.republish : t.publish}
              </Button>
            )}
            {e.status !== 'retired' && (
              <Button size="small" onClick={() => void act(e.id, 'retire')}>
                {t.retire}
              </Button>
            )}
            {e.status === 'retired' && (
              <Button size="small" onClick={() => void act(e.id, 'draft')}>
                {t.toDraft}
              </Button>
            )}
          </Space>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t.libraryTitle}
        intro={t.libraryIntro}
        extra={
          <Space wrap>
            {canEdit && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
                {t.newEntry}
              </Button>
            )}
            <Button onClick={() => setSynonyms(true)}>{t.synonyms}</Button>
            <Button icon={<DownloadOutlined />} href={exportUrl('xlsx')}>
              {t.exportXlsx}
            </Button>
            <Button icon={<DownloadOutlined />} href={exportUrl('tsv')}>
              {t.exportTsv}
            </Button>
          </Space>
        }
      />
      {canEdit && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Space wrap>
            <Upload
              accept=".xlsx,.tsv,.txt"
              showUploadList={false}
              beforeUpload={(file) => {
                void importBank(file, replace).then(
                  (r) => {
                    message.success(t.imported(r.imported, r.created, r.updated));
                    void entries.reload();
                  },
                  (err) => message.error(errorMessage(err), 8),
                );
                return false;
              }}
            >
              <Button icon={<UploadOutlined />}>{t.importBank}</Button>
            </Upload>
            {canManage && (
              <Checkbox checked={replace} onChange={(e) => setReplace(e.target.checked)}>
                {t.replaceAll}
              </Checkbox>
            )}
          </Space>
        </Card>
      )}
      {entries.error && <LoadError error={entries.error} onRetry={() => void entries.reload()} />}
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search aria-label={t.search} placeholder={t.searchPlaceholder} allowClear onSearch={(v) => (setQ(v), setPage(1))} style={{ width: 280 }} />
          <Select
            aria-label={t.colStatus}
            allowClear
            placeholder={t.colStatus}
            style={{ width: 140 }}
            value={status}
            onChange={(v) => (setStatus(v), setPage(1))}
            options={Object.entries(t.status).map(([value, label]) => ({ value, label }))}
          />
        </Space>
        <Table<QaEntryListItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={entries.data?.items ?? []}
          loading={entries.loading}
          locale={{ emptyText: <ListEmpty filtered={!!(q || status)} empty={t.libraryEmpty} hint={t.libraryEmptyHint} noMatch={t.libraryNoMatch} /> }}
          pagination={{ current: page, pageSize: 20, total: entries.data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
        />
      </Card>
      <EntryEditor
        id={editing ?? null}
        open={editing !== undefined}
        onClose={(saved) => {
          setEditing(undefined);
          if (saved) {
            message.success(t.saved);
            void entries.reload();
          }
        }}
      />
      <SynonymsDialog open={synonyms} canEdit={canManage} onClose={() => setSynonyms(false)} />
    </>
  );
}
