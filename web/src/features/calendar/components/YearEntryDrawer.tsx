import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage, validationIssues } from '../../../lib/api.ts';
import { common } from '../../../lib/strings.ts';
import { saveYear, type CalendarDay, type CalendarYear } from '../api.ts';
import { t } from '../strings.ts';

interface Props {
  open: boolean;
  /** The year being changed, or null to enter a new one. */
  editing: CalendarYear | null;
  existingYears: number[];
  suggestedYear: number;
  onClose: () => void;
  onSaved: (year: number) => void;
}

interface Values {
  year: number;
  note?: string;
  days: Partial<CalendarDay>[];
}

/** `body.days.3.date` → `第 4 行：…`, so a server complaint points at the row to fix. */
function describeIssue(path: string, message: string): string {
  const m = /days\.(\d+)/.exec(path);
  return m ? t.issueRow(Number(m[1]) + 1, message) : message;
}

export function YearEntryDrawer({ open, editing, existingYears, suggestedYear, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const year = Form.useWatch('year', form);
  const [error, setError] = useState<{ message: string; issues: string[] } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(
      editing
        ? { year: editing.year, note: editing.note ?? undefined, days: editing.days.map(({ date, kind, name }) => ({ date, kind, name })) }
        : { year: suggestedYear, days: [{ kind: 'off' }] },
    );
  }, [open, editing, suggestedYear, form]);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const days = v.days.map((d) => ({ date: d.date!, kind: d.kind!, name: (d.name ?? '').trim() }));
    try {
      const r = await saveYear(v.year, { note: v.note?.trim() || null, days });
      message.success(t.saved(r.year, r.days));
      onSaved(r.year);
    } catch (err) {
      const issues = validationIssues(err).map((i) => describeIssue(i.path, i.message));
      setError({ message: errorMessage(err), issues });
    } finally {
      setBusy(false);
    }
  };

  const dateRules = (index: number) => [
    { required: true, message: t.rowDateRequired },
    {
      validator: async (_r: unknown, value: string | undefined) => {
        if (!value) return;
        const y = form.getFieldValue('year') as number | undefined;
        if (y && Number(value.slice(0, 4)) !== y) throw new Error(t.rowDateOutside(y));
        const all = (form.getFieldValue('days') as Partial<CalendarDay>[]).map((d) => d?.date);
        if (all.some((d, i) => i !== index && d === value)) throw new Error(t.rowDateDuplicate);
      },
    },
  ];

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={editing ? t.drawerEdit(editing.year) : t.drawerNew}
      size={720}
      destroyOnHidden
      footer={
        <Space className="drawer-footer">
          <Button onClick={onClose}>{common.cancel}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()}>
            {common.save}
          </Button>
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
          description={
            error.issues.length > 1 ? (
              <ul className="issue-list">
                {error.issues.map((i) => (
                  <li key={i}>{i}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit} name="calendar-year" scrollToFirstError>
        <Space size="large" wrap align="start">
          <Form.Item
            label={t.fieldYear}
            name="year"
            rules={[{ required: true, message: t.fieldYearRequired }]}
            extra={!editing && year && existingYears.includes(year) ? t.fieldYearExists(year) : undefined}
          >
            <InputNumber min={2000} max={2100} precision={0} disabled={!!editing} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item label={t.fieldNote} name="note" style={{ minWidth: 320 }}>
            <Input maxLength={500} placeholder={t.fieldNotePlaceholder} />
          </Form.Item>
        </Space>
        <Typography.Title level={2} className="section-title">
          {t.rowsTitle}
        </Typography.Title>
        <Typography.Paragraph type="secondary" className="small-text">
          {t.rowsIntro}
        </Typography.Paragraph>
        <Form.List name="days">
          {(fields, { add, remove }) => (
            <>
              <div className="day-rows-head" aria-hidden="true">
                <span>{t.colDate}</span>
                <span>{t.colKind}</span>
                <span>{t.colName}</span>
              </div>
              {fields.map((field, index) => (
                <div key={field.key} className="day-row">
                  <Form.Item name={[field.name, 'date']} rules={dateRules(index)} dependencies={['year']}>
                    <Input type="date" aria-label={t.rowDate(index + 1)} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'kind']} initialValue="off">
                    <Select
                      aria-label={t.rowKind(index + 1)}
                      options={[
                        { value: 'off', label: t.kindOff },
                        { value: 'work', label: t.kindWork },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: t.rowNameRequired }]}>
                    <Input maxLength={40} aria-label={t.rowName(index + 1)} placeholder="春节" />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={t.rowRemove(index + 1)} onClick={() => remove(field.name)} />
                </div>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                block
                onClick={() => {
                  const rows = form.getFieldValue('days') as Partial<CalendarDay>[];
                  const last = rows.at(-1);
                  add({ kind: last?.kind ?? 'off', name: last?.name });
                }}
              >
                {t.addRow}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
