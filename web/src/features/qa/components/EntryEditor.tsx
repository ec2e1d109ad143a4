import { Alert, Form, Input, List, Modal, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../lib/api.ts';
import { showServerErrors } from '../../../lib/form-errors.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { createEntry, getEntry, textToHtml, updateEntry, type QaEntryDetail } from '../api.ts';
import { t } from '../strings.ts';

interface Values {
  question: string;
  answer: string;
  variants: string;
  topic?: string;
  externalId?: string;
  reviewOn?: string;
}

/** Creates (id null) or edits an entry; every save is a new version, listed below the form. */
export function EntryEditor({ id, open, onClose }: { id: string | null; open: boolean; onClose: (saved: boolean) => void }) {
  const [form] = Form.useForm<Values>();
  const [detail, setDetail] = useState<QaEntryDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    setError(null);
    setDetail(null);
    form.resetFields();
    if (!open || !id) return;
    void getEntry(id)
      .then((d) => {
        setDetail(d);
        form.setFieldsValue({ question: d.question, answer: d.answerText, variants: d.variants.join('\n'), topic: d.topic ?? '', externalId: d.externalId ?? '', reviewOn: d.reviewOn ?? '' });
      })
      .catch((err) => setError(errorMessage(err)));
  }, [id, open, form]);

  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const body = {
        question: v.question,
        answerHtml: textToHtml(v.answer),
        variants: v.variants.split('\n').map((s) => s.trim()).filter(Boolean),
        topic: v.topic || null,
        externalId: v.externalId || null,
        reviewOn: v.reviewOn || null,
        ownerUnitId: detail?.ownerUnitId ?? undefined,
        policyIds: detail?.policies.map((p) => p.id) ?? [],
        tags: detail?.tags ?? [],
      };
      if (id) await updateEntry(id, body);
      else await createEntry(body);
      onClose(true);
    } catch (err) {
      setError(showServerErrors(form, err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title={id ? t.edit : t.newEntry} onCancel={() => onClose(false)} onOk={() => void save()} okText={t.save} cancelText={t.cancel} confirmLoading={saving} width={760} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {detail?.needsReview && <Alert type="warning" showIcon message={`${t.needsReview}：${detail.reviewReason ?? ''}`} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="question" label={t.fQuestion} rules={[{ required: true, min: 2, max: 500 }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="answer" label={t.fAnswer} rules={[{ required: true }]}>
          <Input.TextArea rows={6} maxLength={50000} />
        </Form.Item>
        <Form.Item name="variants" label={t.fVariants}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="topic" label={t.fTopic}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="externalId" label={t.fExternalId}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="reviewOn" label={t.fReviewOn} rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: t.fReviewOn }]}>
          <Input maxLength={10} />
        </Form.Item>
      </Form>
      {detail && detail.policies.length > 0 && (
        <>
          <h3>{t.policies}</h3>
          <ul>
            {detail.policies.map((p) => (
              <li key={p.id}>
                {p.title} {p.validity !== 'valid' && <Tag color="red">{p.validity}</Tag>}
              </li>
            ))}
          </ul>
        </>
      )}
      {detail && (
        <>
          <h3>{t.versions}</h3>
          <List size="small" dataSource={detail.versions} renderItem={(v) => <List.Item>{`v${v.version} · ${formatDateTime(String(v.createdAt))} · ${String(v.snapshot.question ?? '')}`}</List.Item>} />
        </>
      )}
    </Modal>
  );
}
