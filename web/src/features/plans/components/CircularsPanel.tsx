import { DeleteOutlined, DownloadOutlined, FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Form, Grid, Input, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { LoadError } from '../../../components/LoadError.tsx';
import { errorMessage, validationIssues } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { common } from '../../../lib/strings.ts';
import { useLoad } from '../../../lib/use-load.ts';
import { draftCircular, issueCircular, listCirculars, updateCircular, urls, type Circular, type CircularSection } from '../api.ts';
import { t } from '../strings.ts';
import { CircularMarks } from './CircularMarks.tsx';

interface EditorValues {
  title: string;
  sections: CircularSection[];
}

/** The drawer in which a draft 通报 is edited (title, each section's heading and body), or an issued one read. */
function CircularEditor({ circular, editable, onClose, onSaved, onChanged }: { circular: Circular | null; editable: boolean; onClose: () => void; onSaved: () => void; onChanged: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<EditorValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; issues: string[] } | null>(null);
  const wide = Grid.useBreakpoint().md ?? true;

  useEffect(() => {
    if (!circular) return;
    setError(null);
    form.setFieldsValue({ title: circular.title, sections: circular.sections });
  }, [circular, form]);

  /** Saves the draft; true when saved. */
  const save = async (v: EditorValues): Promise<boolean> => {
    if (!circular) return false;
    setBusy(true);
    setError(null);
    try {
      await updateCircular(circular.id, { title: v.title.trim(), sections: v.sections.map((s) => ({ heading: s.heading.trim(), body: (s.body ?? '').trim() })) });
      message.success(t.circularSaved);
      return true;
    } catch (err) {
      setError({ message: errorMessage(err), issues: validationIssues(err).map((i) => i.message) });
      return false;
    } finally {
      setBusy(false);
    }
  };
  const submit = async (v: EditorValues) => {
    if (await save(v)) onSaved();
  };
  /** The Word file is written from the saved text: what is on screen is saved first, then downloaded. */
  const saveAndDownload = async () => {
    if (!circular) return;
    const v = await form.validateFields().catch(() => null);
    if (!v || !(await save(v))) return;
    onChanged();
    const a = document.createElement('a');
    a.href = urls.circularDocx(circular.id);
    a.download = '';
    document.body.append(a);
    a.click();
    a.remove();
  };

  return (
    <Drawer
      open={!!circular}
      onClose={onClose}
      title={editable ? t.editorTitle : t.viewerTitle}
      size={wide ? 820 : '100%'}
      destroyOnHidden
      footer={
        <Space className="drawer-footer">
          <Button onClick={onClose}>{editable ? common.cancel : common.close}</Button>
          {circular && !editable && (
            <Button icon={<DownloadOutlined />} href={urls.circularDocx(circular.id)}>
              {t.downloadWord}
            </Button>
          )}
          {circular && editable && (
            <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void saveAndDownload()}>
              {t.saveAndDownloadWord}
            </Button>
          )}
          {editable && (
            <Button type="primary" loading={busy} onClick={() => form.submit()}>
              {common.save}
            </Button>
          )}
        </Space>
      }
    >
      {error && (
        <Alert
          role="alert"
          type="error"
          showIcon
          className="block-gap"
          title={error.message}
          description={error.issues.length > 1 ? <ul className="issue-list">{error.issues.map((i) => <li key={i}>{i}</li>)}</ul> : undefined}
        />
      )}
      {circular && !editable && (
        <article className="circular-view">
          <Typography.Title level={2} className="section-title">
            {circular.title}
          </Typography.Title>
          {circular.sections.map((s, i) => (
            <section key={i}>
              <h3 className="circular-heading">{s.heading}</h3>
              <p className="circular-body">{s.body}</p>
            </section>
          ))}
        </article>
      )}
      {editable && (
        <Form form={form} layout="vertical" onFinish={submit} name="circular" scrollToFirstError>
          <Form.Item label={t.circularTitleLabel} name="title" rules={[{ required: true, whitespace: true, min: 2, message: t.circularTitleRequired }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.List name="sections">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <fieldset key={field.key} className="circular-section">
                    <legend className="sr-only">{t.sectionHeading(i + 1)}</legend>
                    <div className="circular-section-head">
                      <Form.Item
                        label={t.sectionHeading(i + 1)}
                        name={[field.name, 'heading']}
                        rules={[{ required: true, whitespace: true, message: t.sectionHeadingRequired }]}
                        className="grow"
                      >
                        <Input maxLength={100} />
                      </Form.Item>
                      {fields.length > 1 && (
                        <Button type="text" danger icon={<DeleteOutlined />} aria-label={t.removeSection(i + 1)} onClick={() => remove(field.name)} />
                      )}
                    </div>
                    <Form.Item label={t.sectionBody(i + 1)} name={[field.name, 'body']}>
                      <Input.TextArea autoSize={{ minRows: 3, maxRows: 14 }} maxLength={20000} />
                    </Form.Item>
                  </fieldset>
                ))}
                {fields.length < 20 && (
                  <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ heading: '', body: '' })}>
                    {t.addSection}
                  </Button>
                )}
              </>
            )}
          </Form.List>
        </Form>
      )}
    </Drawer>
  );
}

/** 通报 of a plan: drafted from the data, edited, downloaded as Word, issued. */
export function CircularsPanel({ planId, canManage }: { planId: string; canManage: boolean }) {
  const { message } = App.useApp();
  const list = useLoad(() => listCirculars(planId), [planId]);
  const [open, setOpen] = useState<Circular | null>(null);
  const [busy, setBusy] = useState(false);
  const wide = Grid.useBreakpoint().md ?? true;

  const draft = async () => {
    setBusy(true);
    try {
      const c = await draftCircular(planId);
      message.success(t.circularDrafted);
      await list.reload();
      setOpen(c);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const issue = async (c: Circular) => {
    try {
      await issueCircular(c.id);
      message.success(t.circularIssued);
      await list.reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const columns: TableColumnsType<Circular> = [
    {
      title: t.circularTitleLabel,
      dataIndex: 'title',
      render: (title: string, c) => (
        <>
          <span>{title}</span>
          {!wide && (
            <div className="cell-note">
              {t.colAsOf} {c.asOf} · {t.circularStatus[c.status]}
            </div>
          )}
        </>
      ),
    },
    { title: t.colAsOf, dataIndex: 'asOf', width: 110, responsive: ['md'] },
    {
      title: t.colStatus,
      dataIndex: 'status',
      width: 90,
      responsive: ['md'],
      render: (s: string) => <Tag color={s === 'issued' ? '#237804' : undefined}>{t.circularStatus[s] ?? s}</Tag>,
    },
    { title: t.colCreated, dataIndex: 'createdAt', width: 170, responsive: ['lg'], render: (v: string) => formatDateTime(v) },
    {
      title: common.actions,
      key: 'actions',
      width: wide ? 240 : 96,
      render: (_: unknown, c) => (
        <Space size={0} wrap orientation={wide ? 'horizontal' : 'vertical'}>
          <Button type="link" size="small" icon={<FileTextOutlined />} onClick={() => setOpen(c)} aria-label={`${c.status === 'draft' && canManage ? t.editCircular : t.viewCircular} ${c.title}`}>
            {c.status === 'draft' && canManage ? t.editCircular : t.viewCircular}
          </Button>
          <Button type="link" size="small" icon={<DownloadOutlined />} href={urls.circularDocx(c.id)} aria-label={`${t.downloadWord} ${c.title}`}>
            {t.downloadWord}
          </Button>
          {canManage && c.status === 'draft' && (
            <Popconfirm title={t.issueCircularConfirm} onConfirm={() => void issue(c)}>
              <Button type="link" size="small" aria-label={`${t.issueCircular} ${c.title}`}>
                {t.issueCircular}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <div className="panel-head">
        <p className="text-muted">{t.circularsIntro}</p>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void draft()} loading={busy}>
            {t.draftCircular}
          </Button>
        )}
      </div>
      {list.error && <LoadError error={list.error} onRetry={() => void list.reload()} />}
      <Table<Circular>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data ?? []}
        loading={list.loading}
        pagination={false}
        locale={{ emptyText: t.circularsEmpty }}
      />
      <CircularMarks planId={planId} canManage={canManage} />
      <CircularEditor
        circular={open}
        editable={!!open && open.status === 'draft' && canManage}
        onClose={() => setOpen(null)}
        onSaved={() => {
          setOpen(null);
          void list.reload();
        }}
        onChanged={() => void list.reload()}
      />
    </>
  );
}
