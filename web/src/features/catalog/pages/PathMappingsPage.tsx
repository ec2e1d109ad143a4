import { ArrowLeftOutlined, ArrowRightOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Form, Grid, Input, Modal, Popconfirm, Skeleton, Space, Table, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ApiError, errorMessage } from '../../../lib/api.ts';
import { showServerErrors } from '../../../lib/form-errors.ts';
import { navigate } from '../../../lib/router.tsx';
import { usePermission } from '../../../lib/session.tsx';
import { common } from '../../../lib/strings.ts';
import { useLoad } from '../../../lib/use-load.ts';
import { createPathMapping, deletePathMapping, listPathMappings, updatePathMapping, type PathMapping } from '../api.ts';
import { PathPreviewPanel } from '../components/PathPreviewPanel.tsx';
import { pathProblem, PathSegmentsInput, PathText } from '../components/PathSegmentsInput.tsx';
import { t } from '../strings.ts';
import '../catalog.css';

interface Values {
  fromPrefix: string[];
  toPrefix: string[];
  note?: string;
}

const clean = (segs: string[]) => segs.map((s) => s.trim()).filter(Boolean);

/** The add / edit dialog: both paths level by level, a note; the server's refusal shown on the field it concerns. */
function MappingDialog({ editing, onClose, onSaved }: { editing: PathMapping | 'new' | null; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = editing && editing !== 'new' ? editing : null;
  // The form's store outlives the dialog: start each opening from this mapping (or blank).
  useEffect(() => {
    if (!editing) return;
    setError(null);
    const m = editing === 'new' ? null : editing;
    form.setFieldsValue(m ? { fromPrefix: m.fromPrefix, toPrefix: m.toPrefix, note: m.note ?? '' } : { fromPrefix: [''], toPrefix: [''], note: '' });
  }, [editing, form]);

  const submit = async (v: Values) => {
    const input = { fromPrefix: clean(v.fromPrefix), toPrefix: clean(v.toPrefix), note: v.note?.trim() || null };
    if (input.fromPrefix.join('>') === input.toPrefix.join('>')) {
      form.setFields([{ name: 'toPrefix', errors: [t.mappingSame] }]);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (current) await updatePathMapping(current.id, input);
      else await createPathMapping(input);
      message.success(t.mappingSaved);
      onSaved();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'mapping_exists') form.setFields([{ name: 'fromPrefix', errors: [err.message] }]);
      else if (err instanceof ApiError && err.code === 'mapping_noop') form.setFields([{ name: 'toPrefix', errors: [err.message] }]);
      else setError(showServerErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!editing}
      title={current ? t.mappingEditTitle : t.mappingAddTitle}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={common.save}
      confirmLoading={busy}
      destroyOnHidden
      width={640}
    >
      {error && <Alert role="alert" type="error" showIcon title={error} className="block-gap" />}
      <Form<Values>
        form={form}
        layout="vertical"
        name="path-mapping"
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="fromPrefix"
          label={t.mappingFrom}
          extra={t.mappingSegmentsHelp}
          rules={[{ validator: async (_r, v?: string[]) => { const p = pathProblem(v, t.mappingFrom); if (p) throw new Error(p); } }]}
        >
          <PathSegmentsInput label={t.mappingFrom} />
        </Form.Item>
        <Form.Item
          name="toPrefix"
          label={t.mappingTo}
          rules={[{ validator: async (_r, v?: string[]) => { const p = pathProblem(v, t.mappingTo); if (p) throw new Error(p); } }]}
        >
          <PathSegmentsInput label={t.mappingTo} />
        </Form.Item>
        <Form.Item name="note" label={t.mappingNote}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} showCount placeholder={t.mappingNotePlaceholder} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 公开路径映射: the rules that land the notice's different spellings of a path on one column tree, and what they do to a plan. */
export function PathMappingsPage() {
  const { message } = App.useApp();
  const canManage = usePermission('catalog.manage');
  const canSeeColumns = canManage;
  const wide = Grid.useBreakpoint().md ?? true;
  const mappings = useLoad(listPathMappings, []);
  const [editing, setEditing] = useState<PathMapping | 'new' | null>(null);
  // Bumped after each change so the preview below re-reads what the rules now do.
  const [version, setVersion] = useState(0);

  const remove = async (m: PathMapping) => {
    try {
      await deletePathMapping(m.id);
      message.success(t.mappingDeleted);
      await mappings.reload();
      setVersion((v) => v + 1);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const columns: TableColumnsType<PathMapping> = [
    {
      title: wide ? t.mappingFrom : `${t.mappingFrom} → ${t.mappingTo}`,
      key: 'from',
      render: (_: unknown, m) =>
        wide ? (
          <PathText path={m.fromPrefix} />
        ) : (
          <div className="mapping-stacked">
            <PathText path={m.fromPrefix} />
            <ArrowRightOutlined aria-label="→" className="mapping-arrow" />
            <PathText path={m.toPrefix} className="path-mapped" />
            {m.note && <div className="cell-note">{m.note}</div>}
          </div>
        ),
    },
    ...(wide
      ? [
          { title: '', key: 'arrow', width: 40, render: () => <ArrowRightOutlined aria-label="→" className="mapping-arrow" /> },
          { title: t.mappingTo, key: 'to', render: (_: unknown, m: PathMapping) => <PathText path={m.toPrefix} className="path-mapped" /> },
          { title: t.mappingNote, dataIndex: 'note', key: 'note', render: (v: string | null) => v ?? '—' },
        ]
      : []),
    ...(canManage
      ? [
          {
            title: common.actions,
            key: 'actions',
            width: wide ? 170 : 64,
            render: (_: unknown, m: PathMapping) => {
              const from = m.fromPrefix.join('>');
              return (
                <Space size={4} orientation={wide ? 'horizontal' : 'vertical'}>
                  <Button size="small" icon={<EditOutlined />} aria-label={t.mappingEdit(from)} onClick={() => setEditing(m)}>
                    {wide && common.edit}
                  </Button>
                  <Popconfirm title={t.mappingDeleteConfirm(from)} okText={t.mappingDeleteButton} okButtonProps={{ danger: true }} onConfirm={() => void remove(m)}>
                    <Button size="small" danger icon={<DeleteOutlined />} aria-label={t.mappingDelete(from)}>
                      {wide && t.mappingDeleteButton}
                    </Button>
                  </Popconfirm>
                </Space>
              );
            },
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t.mappingsTitle}
        intro={t.mappingsIntro}
        extra={
          <>
            {canSeeColumns && (
              <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/catalog/columns')}>
                {t.columnsTitle}
              </Button>
            )}
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                {t.mappingAdd}
              </Button>
            )}
          </>
        }
      />
      {!canManage && <Alert type="info" showIcon title={t.mappingReadonly} className="block-gap" />}
      <Card title={<h2 className="card-title">{t.mappingsListTitle}</h2>} data-testid="path-mappings">
        {mappings.error && <LoadError error={mappings.error} onRetry={() => void mappings.reload()} />}
        {!mappings.data && mappings.loading ? (
          <Skeleton active />
        ) : (
          <Table<PathMapping>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={mappings.data ?? []}
            pagination={false}
            locale={{ emptyText: <Empty description={t.mappingsEmpty} /> }}
          />
        )}
      </Card>
      <PathPreviewPanel canManage={canManage} version={version} />
      <MappingDialog
        editing={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          setVersion((v) => v + 1);
          void mappings.reload();
        }}
      />
    </>
  );
}
