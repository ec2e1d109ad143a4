import { DeleteOutlined, ExportOutlined, PaperClipOutlined, SaveOutlined, SendOutlined, StopOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Select, Skeleton, Tag, TreeSelect } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { showServerErrors } from '../../../lib/form-errors.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { navigate, searchParam, type PageProps } from '../../../lib/router.tsx';
import { common } from '../../../lib/strings.ts';
import { useMe, usePermission } from '../../../lib/session.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { useUnitCatalog } from '../../units/api.ts';
import {
  createDocument,
  getDocument,
  listColumns,
  listPii,
  saveDocument,
  submitDocument,
  uploadFile,
  withdrawDocument,
  type CatalogDocument,
  type DocumentDetail,
  type DocumentInput,
  type PiiFinding,
  type UploadedFile,
  type Validity,
} from '../api.ts';
import { columnOptions } from '../column-tree.ts';
import { InterpretationsPanel } from '../components/InterpretationsPanel.tsx';
import { PiiPanel } from '../components/PiiPanel.tsx';
import { RichTextEditor } from '../components/RichTextEditor.tsx';
import { ReviewPanel, reviewState } from '../components/ReviewPanel.tsx';
import { VersionsPanel } from '../components/VersionsPanel.tsx';
import { BLUE, BROWN, GREEN, GREY, RED } from '../colors.ts';
import { t } from '../strings.ts';
import '../catalog.css';

interface Values {
  columnId?: string;
  title: string;
  body: string;
  publisher: string;
  writtenOn?: string;
  docNumber?: string;
  topic?: string;
  validity: Validity;
  /** 规章 / 行政规范性文件, 'none' for neither; unset: the server takes the column's. */
  normativeKind?: NormativeKindChoice;
  /** 废止 / 失效日期, asked for when the validity is 已废止 or 已失效. */
  validityOn?: string;
  publishAt?: string;
}

type NormativeKindChoice = (typeof t.normativeKinds)[number]['value'];
const ceased = (v: Validity | undefined) => v === 'repealed' || v === 'expired';

/** `2025-06-01T09:30:00Z` → `2025-06-01T17:30` for a datetime-local input (Beijing time). */
function toLocalInput(iso: string | null): string | undefined {
  if (!iso) return undefined;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return undefined;
  const p = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(d);
  const g = (k: string) => p.find((x) => x.type === k)?.value ?? '';
  return `${g('year')}-${g('month')}-${g('day')}T${g('hour') === '24' ? '00' : g('hour')}:${g('minute')}`;
}

/** The values the form shows: a published document's working copy if it has one, else the document. */
function valuesOf(doc: CatalogDocument): Values {
  const c = doc.workingCopy;
  const meta = c?.meta ?? doc;
  return {
    columnId: c?.columnId ?? doc.columnId,
    title: c?.title ?? doc.title,
    body: c?.bodyHtml ?? doc.bodyHtml,
    publisher: meta.publisher,
    writtenOn: meta.writtenOn ?? undefined,
    docNumber: meta.docNumber ?? undefined,
    topic: meta.topic ?? undefined,
    validity: meta.validity,
    normativeKind: meta.normativeKind === undefined ? undefined : ((meta.normativeKind ?? 'none') as NormativeKindChoice),
    validityOn: meta.validityOn ?? undefined,
    // A working copy carries its own 定时发布 time; saving it again must not reset it.
    publishAt: toLocalInput(c ? (c.publishAt ?? null) : doc.publishAt),
  };
}

/** An approved working copy waiting for its 定时发布 time: nothing left to edit or send. */
const copyScheduled = (doc: CatalogDocument) => !!doc.workingCopy?.approvedAt;

function StatusTag({ doc }: { doc: CatalogDocument }) {
  const color: Record<string, string> = { draft: GREY, in_review: BLUE, returned: BROWN, rejected: RED, scheduled: BLUE, published: GREEN, withdrawn: GREY };
  return (
    <>
      <Tag color={color[doc.status]}>{t.statusLabel[doc.status] ?? doc.status}</Tag>
      {doc.workingCopy && <Tag color={BLUE}>{copyScheduled(doc) ? t.workingCopyScheduled : doc.reviewStep > 0 ? t.workingCopyReview : t.workingCopyDraft}</Tag>}
    </>
  );
}

/** 文件编辑 (new and existing): the metadata and body, attachments, save and 送审, the review chain, PII, versions. */
export function DocumentEditorPage({ params }: PageProps) {
  const id = params.id;
  const me = useMe();
  const { message } = App.useApp();
  const canEdit = usePermission('documents.edit');
  const canReview = usePermission('documents.review');
  const canReadFindings = usePermission('documents.findings');
  const units = useUnitCatalog();
  const detail = useLoad(() => (id ? getDocument(id) : Promise.resolve(null as DocumentDetail | null)), [id]);
  const doc = detail.data?.document ?? null;
  const savedAttachments = detail.data?.attachments;

  // Columns the user can choose from: the district portal's and their own unit's pages (and the document's own site).
  // A published document stays on its site (its 索引号 is that agency's): only that site's columns.
  const region = units.data?.items.find((u) => u.kind === 'region');
  const onItsSite = doc?.status === 'published' || doc?.status === 'scheduled';
  const siteIds = useMemo(
    () => (onItsSite && doc ? [doc.siteUnitId] : [...new Set([region?.id, me.user.unitId, doc?.siteUnitId].filter((x): x is string => !!x))]),
    [onItsSite, region?.id, me.user.unitId, doc?.siteUnitId],
  );
  const columns = useLoad(async () => (await Promise.all(siteIds.map(listColumns))).flat(), [siteIds.join(',')]);

  const [form] = Form.useForm<Values>();
  /** The document's attachments: the saved ones and those uploaded since. */
  const [files, setFiles] = useState<Pick<UploadedFile, 'id' | 'name' | 'mime' | 'size'>[]>([]);
  const [uploading, setUploading] = useState(false);
  const [saving, setSaving] = useState<'save' | 'submit' | null>(null);
  const [dirty, setDirty] = useState(false);
  const [findings, setFindings] = useState<PiiFinding[] | null>(null);
  const [blocked, setBlocked] = useState(false);
  const [withdrawOpen, setWithdrawOpen] = useState(false);
  const [withdrawForm] = Form.useForm<{ reason: string }>();
  const fileInput = useRef<HTMLInputElement>(null);

  const review = detail.data ? reviewState(detail.data) : null;
  const editable = canEdit && (!doc || (['draft', 'returned', 'published', 'scheduled'].includes(doc.status) && !(doc.workingCopy && doc.reviewStep > 0)));
  const submittable = canEdit && !!doc && !dirty && (['draft', 'returned'].includes(doc.status) || (!!doc.workingCopy && doc.reviewStep === 0 && !copyScheduled(doc)));
  const published = doc?.status === 'published' || doc?.status === 'scheduled';
  const content = doc ? (doc.workingCopy ?? doc) : null;

  // The form follows the loaded document; a new one starts with the chosen column and the user's unit as publisher.
  useEffect(() => {
    if (doc) {
      form.setFieldsValue(valuesOf(doc));
      setDirty(false);
    }
  }, [doc, form]);
  // The saved attachments are listed and kept; only an explicit removal drops one.
  useEffect(() => {
    if (savedAttachments) setFiles(savedAttachments.map((a) => ({ id: a.fileId, name: a.name, mime: a.mime, size: a.size })));
  }, [savedAttachments]);
  useEffect(() => {
    if (id || !units.data) return;
    const unit = units.data.items.find((u) => u.id === me.user.unitId);
    form.setFieldsValue({ columnId: searchParam('columnId') ?? undefined, publisher: unit?.name ?? '', validity: 'valid' });
  }, [id, units.data, me.user.unitId, form]);

  // Findings are listed for everyone who may read them (documents.findings: those who edit and the reviewers of every step).
  const piiReadable = canReadFindings && !!doc && (doc.status !== 'published' || !!doc.workingCopy) && !['rejected', 'withdrawn'].includes(doc.status);
  useEffect(() => {
    if (!piiReadable || !id) return;
    listPii(id)
      .then(setFindings)
      .catch(() => setFindings(null));
  }, [piiReadable, id, doc?.version]);

  const chosenColumn = Form.useWatch('columnId', form);
  const validity = Form.useWatch('validity', form);
  const treeData = useMemo(() => {
    const nodes = columnOptions(columns.data ?? []);
    // Until the tree is in (or for a column of another site), the chosen column shows by name, never as its id.
    const known = new Set((columns.data ?? []).map((c) => c.id));
    if (chosenColumn && !known.has(chosenColumn))
      nodes.push({ value: chosenColumn, title: detail.data?.column.id === chosenColumn ? detail.data.column.name : common.loading, children: [] });
    return nodes;
  }, [columns.data, chosenColumn, detail.data]);

  const inputOf = (v: Values): DocumentInput => ({
    columnId: v.columnId!,
    title: v.title.trim(),
    bodyHtml: v.body ?? '',
    publisher: v.publisher.trim(),
    writtenOn: v.writtenOn || null,
    docNumber: v.docNumber?.trim() || null,
    topic: v.topic?.trim() || null,
    validity: v.validity,
    ...(v.normativeKind && { normativeKind: v.normativeKind === 'none' ? null : v.normativeKind }),
    validityOn: ceased(v.validity) ? v.validityOn || null : null,
    attachmentIds: files.map((f) => f.id),
    publishAt: v.publishAt ? `${v.publishAt}:00+08:00` : null,
  });

  const save = async (then?: 'submit') => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(then ?? 'save');
    try {
      const saved = id ? await saveDocument(id, inputOf(v)) : await createDocument(inputOf(v));
      setDirty(false);
      if (then === 'submit') {
        await submitDocument(saved.id);
        message.success(t.submitted);
      } else if (id) message.success(t.saved);
      else if (saved.indexNo) message.success(t.created(saved.indexNo));
      else message.warning(t.createdNoIndex);
      if (!id) navigate(`/catalog/documents/${saved.id}`, { replace: true });
      else await detail.reload();
    } catch (err) {
      // The problems stand at their fields; the toast says what is left, or that fields need changing.
      message.error(showServerErrors(form, err, { bodyHtml: 'body' }) ?? t.fixFields);
      if (then === 'submit' && id) await detail.reload();
    } finally {
      setSaving(null);
    }
  };

  const submit = async () => {
    if (!id) return save('submit');
    if (dirty) return save('submit');
    setSaving('submit');
    try {
      await submitDocument(id);
      message.success(t.submitted);
      await detail.reload();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setSaving(null);
    }
  };

  const upload = async (list: FileList | null) => {
    if (!list?.length) return;
    setUploading(true);
    try {
      for (const f of Array.from(list)) {
        const up = await uploadFile(f);
        setFiles((x) => [...x, up]);
        message.success(t.uploaded(up.name));
      }
      setDirty(true);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setUploading(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const withdraw = async ({ reason }: { reason: string }) => {
    if (!id) return;
    try {
      await withdrawDocument(id, reason.trim());
      message.success(t.withdrawn);
      setWithdrawOpen(false);
      await detail.reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const title = id ? t.editorEdit : t.editorNew;
  if (id && detail.error) return (<><PageHeader title={title} /><LoadError error={detail.error} onRetry={() => void detail.reload()} /></>);
  if (id && !detail.data) return (<><PageHeader title={title} /><Card><Skeleton active /></Card></>);

  // Every step of the review sees the findings (and that there are none), not only the last one.
  const showPii = !!doc && ((findings?.length ?? 0) > 0 || (review?.underReview ?? false));

  return (
    <>
      <PageHeader
        title={doc ? (content?.title ?? doc.title) : title}
        extra={
          <>
            {published && id && (
              <Button href={`/doc/${id}`} target="_blank" rel="noreferrer" icon={<ExportOutlined />}>
                {t.viewPublic}
              </Button>
            )}
            {published && canReview && (
              <Button danger icon={<StopOutlined />} onClick={() => setWithdrawOpen(true)}>
                {t.withdraw}
              </Button>
            )}
          </>
        }
      />
      {doc && (
        <Descriptions size="small" className="doc-facts block-gap" column={{ xs: 1, sm: 2, lg: 4 }} bordered>
          <Descriptions.Item label={t.indexNo}>
            <span data-testid="index-no">{doc.indexNo ?? <span className="text-muted">{t.indexNoPending}</span>}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t.status}>
            <span data-testid="doc-status">
              <StatusTag doc={doc} />
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t.version}>{t.trailVersion(doc.version)}</Descriptions.Item>
          <Descriptions.Item label={t.publishedAt}>{formatDateTime(doc.publishedAt)}</Descriptions.Item>
        </Descriptions>
      )}
      {doc?.status === 'withdrawn' && doc.withdrawnReason && <Alert type="warning" showIcon title={t.withdrawnNote(doc.withdrawnReason)} className="block-gap" />}
      {doc?.workingCopy && <Alert type="info" showIcon title={t.workingCopyNote} className="block-gap" />}
      <div className={doc ? 'editor-grid' : undefined}>
        <div className="editor-main">
          {showPii && doc && content && (
            <Card className="block-gap pii-card">
              <PiiPanel
                documentId={doc.id}
                findings={findings}
                title={content.title}
                bodyText={content.bodyText}
                canResolve={canReview && (review?.underReview ?? false)}
                blocked={blocked}
                onResolved={(left) => {
                  setFindings(left);
                  if (!left.length) setBlocked(false);
                  void detail.reload();
                }}
              />
            </Card>
          )}
          <Card>
            {!editable && canEdit && <Alert type="info" showIcon title={t.readonlyHint} className="block-gap" />}
            <Form<Values> form={form} layout="vertical" disabled={!editable} onValuesChange={() => setDirty(true)} requiredMark="optional">
              <Form.Item name="columnId" label={t.fieldColumn} rules={[{ required: true, message: t.columnRequired }]}>
                <TreeSelect
                  treeData={treeData}
                  showSearch={{ treeNodeFilterProp: 'title' }}
                  treeDefaultExpandAll={false}
                  loading={columns.loading}
                  placeholder={t.columnRequired}
                />
              </Form.Item>
              <Form.Item name="title" label={t.fieldTitle} rules={[{ required: true, whitespace: true, min: 2, message: t.titleRequired }]}>
                <Input maxLength={200} />
              </Form.Item>
              <div className="meta-grid">
                <Form.Item name="publisher" label={t.fieldPublisher} rules={[{ required: true, whitespace: true, min: 2, message: t.publisherRequired }]}>
                  <Input maxLength={100} />
                </Form.Item>
                <Form.Item name="writtenOn" label={t.fieldWrittenOn}>
                  <Input type="date" />
                </Form.Item>
                <Form.Item name="docNumber" label={t.fieldDocNumber}>
                  <Input maxLength={60} placeholder={t.docNumberPlaceholder} />
                </Form.Item>
                <Form.Item name="topic" label={t.fieldTopic}>
                  <Input maxLength={60} placeholder={t.topicPlaceholder} />
                </Form.Item>
                <Form.Item name="validity" label={t.fieldValidity} rules={[{ required: true }]}>
                  <Select options={Object.entries(t.validity).map(([value, label]) => ({ value, label }))} />
                </Form.Item>
                {ceased(validity) && (
                  <Form.Item
                    name="validityOn"
                    label={t.fieldValidityOn[validity]}
                    extra={t.validityOnHelp}
                    rules={[{ required: true, message: t.validityOnRequired(t.fieldValidityOn[validity]) }]}
                  >
                    <Input type="date" />
                  </Form.Item>
                )}
                <Form.Item name="normativeKind" label={t.fieldNormativeKind} extra={t.normativeKindHelp}>
                  <Select allowClear placeholder={t.normativeKindPlaceholder} options={t.normativeKinds.map((k) => ({ ...k }))} />
                </Form.Item>
                <Form.Item name="publishAt" label={t.fieldPublishAt} extra={t.publishAtHelp}>
                  <Input type="datetime-local" />
                </Form.Item>
              </div>
              <Form.Item name="body" label={t.fieldBody} extra={t.bodyHelp}>
                <RichTextEditor disabled={!editable} attachments={files} uploadImage={uploadFile} />
              </Form.Item>
              <fieldset className="catalog-fieldset" disabled={!editable}>
                <legend className="field-label">{t.fieldAttachments}</legend>
                {files.length > 0 && (
                  <ul className="file-list" data-testid="attachment-list">
                    {files.map((f) => (
                      <li key={f.id}>
                        <PaperClipOutlined aria-hidden />{' '}
                        <a href={`/api/files/${f.id}`} download={f.name}>
                          {f.name}
                        </a>{' '}
                        <span className="text-muted">{t.fileSize(f.size)}</span>
                        <Button
                          type="text"
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t.removeFile(f.name)}
                          onClick={() => {
                            setFiles((x) => x.filter((y) => y.id !== f.id));
                            setDirty(true);
                          }}
                        />
                      </li>
                    ))}
                  </ul>
                )}
                <Button icon={<UploadOutlined />} loading={uploading} onClick={() => fileInput.current?.click()}>
                  {uploading ? t.uploading : t.uploadButton}
                </Button>
                <input ref={fileInput} type="file" multiple style={{ display: 'none' }} aria-label={t.uploadLabel} onChange={(e) => void upload(e.target.files)} />
              </fieldset>
            </Form>
            {canEdit && (editable || submittable) && (
              <div className="form-actions editor-actions">
                {editable && (
                  <Button type="primary" icon={<SaveOutlined />} loading={saving === 'save'} onClick={() => void save()}>
                    {t.save}
                  </Button>
                )}
                {(submittable || (editable && (!doc || dirty))) && (
                  <Button icon={<SendOutlined />} loading={saving === 'submit'} onClick={() => void submit()}>
                    {t.submit}
                  </Button>
                )}
              </div>
            )}
          </Card>
        </div>
        {detail.data && (
          <aside className="editor-side" aria-label={t.reviewTitle}>
            <Card className="block-gap">
              <ReviewPanel
                detail={detail.data}
                onPiiBlocked={(f) => {
                  setFindings(f);
                  setBlocked(true);
                  window.scrollTo({ top: 0, behavior: 'smooth' });
                }}
                onChanged={() => {
                  setBlocked(false);
                  void detail.reload();
                }}
              />
            </Card>
            <Card className="block-gap">
              <VersionsPanel key={detail.data.document.version} documentId={detail.data.document.id} revisions={detail.data.revisions} />
            </Card>
            <Card className="block-gap">
              <InterpretationsPanel detail={detail.data} canEdit={canEdit} />
            </Card>
          </aside>
        )}
      </div>
      <Modal open={withdrawOpen} title={t.withdrawTitle} okText={t.withdraw} okButtonProps={{ danger: true }} onOk={() => withdrawForm.submit()} onCancel={() => setWithdrawOpen(false)} destroyOnHidden>
        <Form form={withdrawForm} layout="vertical" onFinish={(v) => void withdraw(v)}>
          <Form.Item name="reason" label={t.withdrawReason} extra={t.withdrawHelp} rules={[{ required: true, whitespace: true, min: 2, message: t.withdrawReasonRequired }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
