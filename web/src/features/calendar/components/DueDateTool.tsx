import { Alert, Button, Card, Form, Input, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api.ts';
import { todayInShanghai, weekdayOf } from '../../../lib/format.ts';
import { dueDate } from '../api.ts';
import { t } from '../strings.ts';

interface Values {
  start: string;
  days: number;
}

/** Start date + N working days → the date, by the same calendar the system's deadlines use. */
export function DueDateTool() {
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const r = await dueDate(v.start, v.days);
      setResult(t.dueResult(r.start, r.days, r.due, weekdayOf(r.due)));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={<h2 className="card-title">{t.dueTitle}</h2>} size="small" className="block-gap">
      <Typography.Paragraph type="secondary" className="small-text">
        {t.dueIntro}
      </Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={submit} initialValues={{ start: todayInShanghai(), days: 20 }} name="due" className="due-form">
        <Form.Item label={t.dueStart} name="start" rules={[{ required: true, message: t.dueStartRequired }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item label={t.dueDays} name="days" rules={[{ required: true, message: t.dueDaysRequired }]}>
          <InputNumber min={0} max={3650} precision={0} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t.dueButton}
          </Button>
        </Form.Item>
      </Form>
      <div aria-live="polite">
        {result && <Alert type="success" showIcon title={result} className="due-result" />}
        {error && <Alert type="error" showIcon title={error} className="due-result" />}
      </div>
    </Card>
  );
}
