import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { errorMessage } from '../../../lib/api.ts';
import type { PageProps } from '../../../lib/router.tsx';
import { usePermission } from '../../../lib/session.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { correctReport, docxUrl, getReport, publishReport, reviewReport, saveReport, type ReportDraft } from '../api.ts';
import { NormativeTable, Section3Table, Section4Table } from '../components/FigureTables.tsx';
import { t } from '../strings.ts';

/** One agency's report for one year: its texts and entered figures, the computed tables, and its steps. */
export function AnnualReportPage({ params }: PageProps) {
  const agencyUnitId = params.agencyUnitId!;
  const year = Number(params.year);
  const { message } = App.useApp();
  const report = useLoad(() => getReport(agencyUnitId, year), [agencyUnitId, year]);
  const canEdit = usePermission('reports.edit');
  const canPublish = usePermission('reports.publish');
  const [form] = Form.useForm<ReportDraft>();
  const [busy, setBusy] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const [note, setNote] = useState('');
  const r = report.data;
  useEffect(() => {
    if (r) form.setFieldsValue({ texts: r.texts, entered: r.entered as ReportDraft['entered'] });
  }, [r, form]);

  const step = (run: () => Promise<unknown>, done: string) => async () => {
    setBusy(true);
    try {
      await run();
      message.success(done);
      await report.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  if (report.error) return <LoadError error={report.error} onRetry={() => void report.reload()} />;
  if (!r) return null;
  const editable = canEdit && r.status !== 'published';
  const save = step(() => saveReport(agencyUnitId, year, form.getFieldsValue()), t.saved);
  return (
    <>
      <PageHeader
        title={`${r.agency}${r.year}年政府信息公开工作年度报告`}
        intro={<>{t.status[r.status]}{r.version > 0 && ` · ${t.version(r.version)}`} · {t.dueDate} {r.dueDate}</>}
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={docxUrl(agencyUnitId, year)}>{t.download}</Button>
            {editable && <Button onClick={save} loading={busy}>{t.save}</Button>}
            {canPublish && r.status === 'draft' && <Button onClick={step(() => reviewReport(agencyUnitId, year), t.review)} loading={busy}>{t.review}</Button>}
            {canPublish && r.status === 'reviewed' && <Button type="primary" onClick={step(() => publishReport(agencyUnitId, year), t.published)} loading={busy} disabled={!r.figures.checks.balanced}>{t.publish}</Button>}
            {canPublish && r.status === 'published' && <Button onClick={() => setCorrecting(true)}>{t.correct}</Button>}
          </Space>
        }
      />
      {r.note && <Alert type="info" showIcon message={`更正说明：${r.note}`} style={{ marginBottom: 16 }} />}
      {r.figures.checks.balanced ? <Alert type="success" showIcon message={t.balanced} style={{ marginBottom: 16 }} /> : <Alert type="error" showIcon message={t.unbalanced(r.figures.checks.unclassified)} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" disabled={!editable}>
        <Card title={t.sections.one}>
          <Descriptions size="small" column={1} title={t.quotable}>
            <Descriptions.Item label="目录">{t.pagesPublished(r.quotable.pagesPublished)}</Descriptions.Item>
            <Descriptions.Item label="任务分工">{t.planTasks(r.quotable.planTasksAccepted, r.quotable.planTasks)}</Descriptions.Item>
          </Descriptions>
          <Form.Item name={['texts', 'overview']}>
            <Input.TextArea aria-label={t.sections.one} autoSize={{ minRows: 5, maxRows: 20 }} maxLength={20000} />
          </Form.Item>
        </Card>
        <Card title={t.sections.two} style={{ marginTop: 16 }}>
          <NormativeTable report={r} />
          <div className="report-entered">
            {(['permits', 'penalties', 'enforcement'] as const).map((k) => (
              <Form.Item key={k} name={['entered', k]} label={t.entered[k]}>
                <InputNumber min={0} precision={0} style={{ width: 200 }} />
              </Form.Item>
            ))}
            <Form.Item name={['entered', 'feesWan']} label={t.entered.feesWan}>
              <InputNumber min={0} precision={2} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name={['entered', 'sources']} label={t.entered.sources}>
              <Input maxLength={500} />
            </Form.Item>
          </div>
        </Card>
        <Card title={t.sections.three} style={{ marginTop: 16 }}>
          <Section3Table report={r} />
        </Card>
        <Card title={t.sections.four} style={{ marginTop: 16 }}>
          <Section4Table report={r} />
        </Card>
        <Card title={t.sections.five} style={{ marginTop: 16 }}>
          <Form.Item name={['texts', 'problems']}>
            <Input.TextArea aria-label={t.sections.five} autoSize={{ minRows: 4, maxRows: 20 }} maxLength={20000} />
          </Form.Item>
        </Card>
        <Card title={t.sections.six} style={{ marginTop: 16 }}>
          <Form.Item name={['texts', 'other']}>
            <Input.TextArea aria-label={t.sections.six} autoSize={{ minRows: 2, maxRows: 12 }} maxLength={20000} />
          </Form.Item>
        </Card>
      </Form>
      {r.versions.length > 1 && (
        <Card title={t.versions} style={{ marginTop: 16 }}>
          {r.versions.map((v) => (
            <div key={v.version}>
              {t.version(v.version)} <Tag>{t.status[v.status]}</Tag> {v.note}
            </div>
          ))}
        </Card>
      )}
      <Modal open={correcting} title={t.correct} onCancel={() => setCorrecting(false)} okButtonProps={{ disabled: note.trim().length < 4, loading: busy }} onOk={() => void step(() => correctReport(agencyUnitId, year, note), t.correct)().then(() => setCorrecting(false))}>
        <label htmlFor="correct-note">{t.correctNote}</label>
        <Input.TextArea id="correct-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} autoSize={{ minRows: 3 }} />
      </Modal>
    </>
  );
}
