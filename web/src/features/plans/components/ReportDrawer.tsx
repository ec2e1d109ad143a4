import { DeleteOutlined, LinkOutlined, PaperClipOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Form, Grid, Input, Radio, Space, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { errorMessage, validationIssues } from '../../../lib/api.ts';
import { todayInShanghai } from '../../../lib/format.ts';
import { common } from '../../../lib/strings.ts';
import { getMeasure, reportProgress, uploadFile, type AssignmentStatus, type ReportEntry } from '../api.ts';
import { t } from '../strings.ts';

export interface ReportTarget {
  id: string;
  measureId: string;
  seq: number;
  measureText: string;
  dueDate: string;
  lastReportAt: string | null;
  returnedCount: number;
}

interface Values {
  status: AssignmentStatus;
  summary: string;
  completedOn?: string;
  reason?: string;
  links: { title?: string; url?: string }[];
}

type FileItem = { fileId: string; name: string };

/**
 * 报送进展: status, what was done, the completion date (for 已完成) or the reason (for 无法完成), and
 * evidence — links to the published pages and uploaded files. After a return the last report is
 * prefilled, so the unit corrects rather than retypes.
 */
export function ReportDrawer({ target, onClose, onSaved }: { target: ReportTarget | null; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const status = Form.useWatch('status', form);
  const [files, setFiles] = useState<FileItem[]>([]);
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [prefilling, setPrefilling] = useState(false);
  const [prefilled, setPrefilled] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const [error, setError] = useState<{ message: string; issues: string[] } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const wide = Grid.useBreakpoint().sm ?? true;
  const today = todayInShanghai();

  useEffect(() => {
    if (!target) return;
    setError(null);
    setFiles([]);
    setPrefilled(false);
    setShowAll(false);
    form.resetFields();
    form.setFieldsValue({ status: 'in_progress', links: [] });
    if (!target.lastReportAt) return;
    let cancelled = false;
    setPrefilling(true);
    getMeasure(target.measureId)
      .then((m) => {
        if (cancelled) return;
        const reports = m.assignments.find((a) => a.id === target.id)?.timeline.filter((e): e is ReportEntry => e.type === 'report') ?? [];
        const last = reports.at(-1);
        if (!last) return;
        form.setFieldsValue({
          status: last.status,
          summary: last.summary,
          completedOn: last.completedOn ?? undefined,
          reason: last.reason ?? undefined,
          links: last.evidence.flatMap((e) => (e.kind === 'link' ? [{ title: e.title, url: e.url }] : [])),
        });
        setFiles(last.evidence.flatMap((e) => (e.kind === 'file' ? [{ fileId: e.fileId, name: e.name }] : [])));
        setPrefilled(true);
      })
      .catch(() => undefined)
      .finally(() => !cancelled && setPrefilling(false));
    return () => {
      cancelled = true;
    };
  }, [target, form]);

  const upload = async (list: FileList | null) => {
    if (!list?.length) return;
    setUploading(true);
    setError(null);
    try {
      for (const f of Array.from(list)) {
        const r = await uploadFile(f);
        setFiles((x) => [...x, { fileId: r.id, name: r.name }]);
        message.success(t.uploaded(r.name));
      }
    } catch (err) {
      setError({ message: errorMessage(err), issues: [] });
    } finally {
      setUploading(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const submit = async (v: Values) => {
    if (!target) return;
    const links = (v.links ?? []).filter((l) => l.url?.trim() || l.title?.trim());
    const evidence = [
      ...links.map((l) => ({ kind: 'link' as const, title: l.title!.trim(), url: l.url!.trim() })),
      ...files.map((f) => ({ kind: 'file' as const, fileId: f.fileId, name: f.name })),
    ];
    if (v.status === 'done' && evidence.length === 0) {
      setError({ message: t.evidenceRequired, issues: [] });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await reportProgress(target.id, {
        status: v.status,
        summary: v.summary.trim(),
        completedOn: v.status === 'done' ? v.completedOn : null,
        reason: v.status === 'cannot_complete' ? v.reason?.trim() : null,
        evidence,
      });
      message.success(t.reportSaved);
      onSaved();
    } catch (err) {
      setError({ message: errorMessage(err), issues: validationIssues(err).map((i) => i.message) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={!!target}
      onClose={onClose}
      title={target ? t.reportTitle(target.seq) : ''}
      size={wide ? 600 : '100%'}
      destroyOnHidden
      footer={
        <Space className="drawer-footer">
          <Button onClick={onClose}>{common.cancel}</Button>
          <Button type="primary" loading={busy} disabled={uploading || prefilling} onClick={() => form.submit()}>
            {t.submitReport}
          </Button>
        </Space>
      }
    >
      {target && (
        <>
          <p className={showAll ? 'report-measure' : 'report-measure clamped'} id="report-measure-text">
            {target.measureText}
          </p>
          <Button type="link" size="small" className="inline-toggle" aria-expanded={showAll} aria-controls="report-measure-text" onClick={() => setShowAll((v) => !v)}>
            {showAll ? t.collapseText : t.expandText}
          </Button>
          <p className="text-muted">{t.dueLine(target.dueDate)}</p>
        </>
      )}
      {prefilling && <Spin size="small" />}
      {prefilled && <Alert type="info" showIcon title={t.lastReportPrefilled} className="block-gap" />}
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
      <Form form={form} layout="vertical" onFinish={submit} name="report" scrollToFirstError>
        <Form.Item label={t.reportStatus} name="status" rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            className="status-radios"
            options={(['not_started', 'in_progress', 'done', 'cannot_complete'] as const).map((s) => ({ value: s, label: t.assignmentStatus[s] }))}
          />
        </Form.Item>
        <Form.Item label={t.reportSummary} name="summary" rules={[{ required: true, whitespace: true, message: t.reportSummaryRequired }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} showCount placeholder={t.reportSummaryPlaceholder} />
        </Form.Item>
        {status === 'done' && (
          <Form.Item
            label={t.reportCompletedOn}
            name="completedOn"
            rules={[
              { required: true, message: t.reportCompletedOnRequired },
              { validator: async (_r, v?: string) => { if (v && v > today) throw new Error(t.reportCompletedOnFuture); } },
            ]}
          >
            <Input type="date" max={today} style={{ width: 200 }} />
          </Form.Item>
        )}
        {status === 'cannot_complete' && (
          <Form.Item label={t.reportReason} name="reason" rules={[{ required: true, whitespace: true, message: t.reportReasonRequired }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
          </Form.Item>
        )}
        <fieldset className="evidence-fieldset">
          <legend className="field-label">{t.evidenceTitle}</legend>
          <p className="cell-note">{t.evidenceHelp}</p>
          <Form.List name="links">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <div key={field.key} className="link-row">
                    <LinkOutlined aria-hidden className="link-row-icon" />
                    <Form.Item name={[field.name, 'title']} rules={[{ required: true, whitespace: true, message: t.linkTitleRequired }]} className="link-title">
                      <Input aria-label={t.linkTitle(i + 1)} placeholder={t.linkTitlePlaceholder} maxLength={200} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'url']}
                      rules={[{ required: true, pattern: /^https?:\/\/\S+$/, message: t.linkUrlRequired }]}
                      className="link-url"
                    >
                      <Input aria-label={t.linkUrl(i + 1)} placeholder="https://" inputMode="url" maxLength={1000} />
                    </Form.Item>
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label={t.removeLink(i + 1)} onClick={() => remove(field.name)} />
                  </div>
                ))}
                <Space wrap className="evidence-buttons">
                  <Button icon={<PlusOutlined />} onClick={() => add({ title: '', url: '' })}>
                    {t.addLink}
                  </Button>
                  <Button icon={<UploadOutlined />} loading={uploading} onClick={() => fileInput.current?.click()}>
                    {uploading ? t.uploading : t.uploadButton}
                  </Button>
                </Space>
              </>
            )}
          </Form.List>
          {/* The 上传附件 button opens this input: one keyboard stop, and a plain input for tests to fill. */}
          <input
            ref={fileInput}
            type="file"
            multiple
            style={{ display: 'none' }}
            aria-label={t.uploadLabel}
            accept=".pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png,.gif,.webp,.mp4,.txt,.zip"
            onChange={(e) => void upload(e.target.files)}
          />
          {files.length > 0 && (
            <ul className="file-list">
              {files.map((f) => (
                <li key={f.fileId}>
                  <PaperClipOutlined aria-hidden /> <span>{f.name}</span>
                  <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t.removeFile(f.name)} onClick={() => setFiles((x) => x.filter((y) => y.fileId !== f.fileId))} />
                </li>
              ))}
            </ul>
          )}
        </fieldset>
      </Form>
    </Drawer>
  );
}
