import { Alert, App, Button, Card, Form, Input, List, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { recordConsultation, searchLibrary, type StaffSearch } from '../api.ts';
import { t } from '../strings.ts';

/** 坐席检索: the phone line's and the window's search, and the record of the consultation. */
export function QaConsolePage() {
  const { message } = App.useApp();
  const [question, setQuestion] = useState('');
  const [result, setResult] = useState<StaffSearch | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ channel: 'phone' | 'window' | 'mailbox'; askerName?: string; askerContact?: string; askerEmail?: string; spot: 'yes' | 'no' }>();

  const find = async () => {
    setError(null);
    try {
      const r = await searchLibrary(question);
      setResult(r);
      setChosen(r.answerId ?? null);
      form.setFieldsValue({ spot: r.decision === 'register' ? 'no' : 'yes' });
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const record = async () => {
    const v = await form.validateFields();
    try {
      const c = await recordConsultation({ channel: v.channel, question, askerName: v.askerName || undefined, askerContact: v.askerContact || undefined, askerEmail: v.askerEmail || undefined, answeredOnSpot: v.spot === 'yes', matchedEntryId: v.spot === 'yes' ? chosen : null });
      message.success(t.recorded(c.queryCode, c.dueOn), 8);
      setResult(null);
      setQuestion('');
      form.resetFields();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <>
      <PageHeader title={t.consoleTitle} intro={t.consoleIntro} />
      <Card>
        <label htmlFor="qa-console-q" className="field-label">
          {t.askLabel}
        </label>
        <Space.Compact style={{ width: '100%' }}>
          <Input id="qa-console-q" value={question} maxLength={500} onChange={(e) => setQuestion(e.target.value)} onPressEnter={() => void find()} />
          <Button type="primary" onClick={() => void find()} disabled={question.trim().length < 2}>
            {t.find}
          </Button>
        </Space.Compact>
        {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} />}
      </Card>
      {result && (
        <Card style={{ marginTop: 12 }} title={t.decision[result.decision]}>
          <List
            dataSource={result.ranked}
            renderItem={(r) => (
              <List.Item
                actions={[
                  <Button key="use" size="small" type={chosen === r.entryId ? 'primary' : 'default'} onClick={() => setChosen(r.entryId)}>
                    {t.useThis}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <>
                      {r.question} <Tag>{`${t.score} ${Math.round(r.score * 100)}`}</Tag>
                      {r.conflicts.length > 0 && <Tag color="orange">{`${t.conflicts}：${r.conflicts.map((c) => c.slot).join('、')}`}</Tag>}
                    </>
                  }
                  description={
                    <>
                      <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }}>{r.answerText}</Typography.Paragraph>
                      <span className="cell-note">{r.ownerUnitName}</span>
                    </>
                  }
                />
              </List.Item>
            )}
          />
          <Form form={form} layout="vertical" initialValues={{ channel: 'phone', spot: 'yes' }} style={{ marginTop: 12 }}>
            <Form.Item name="channel" label={t.channelLabel}>
              <Radio.Group options={(['phone', 'window', 'mailbox'] as const).map((c) => ({ value: c, label: t.channel[c] }))} />
            </Form.Item>
            <Form.Item name="spot">
              <Radio.Group options={[{ value: 'yes', label: t.answeredOnSpot }, { value: 'no', label: t.notAnswered }]} />
            </Form.Item>
            <Form.Item name="askerName" label={t.askerName}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="askerContact" label={t.askerContact}>
              <Input maxLength={20} />
            </Form.Item>
            <Form.Item name="askerEmail" label={t.askerEmail}>
              <Input maxLength={200} />
            </Form.Item>
            <Button type="primary" onClick={() => void record()}>
              {t.record}
            </Button>
          </Form>
        </Card>
      )}
    </>
  );
}
