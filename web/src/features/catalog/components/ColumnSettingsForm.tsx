import { DeleteOutlined, ExportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { showServerErrors } from '../../../lib/form-errors.ts';
import { common } from '../../../lib/strings.ts';
import { updateColumn, type Column, type ColumnCategory, type ReviewStep } from '../api.ts';
import { t } from '../strings.ts';

interface Values {
  category: ColumnCategory;
  updateIntervalDays: number | null;
  note: string;
  reviewSteps: ReviewStep[];
  reviewDistinctPeople: boolean;
}

/** One column's settings: category, update interval, 备注说明 and the review chain. */
export function ColumnSettingsForm({ column, onSaved }: { column: Column; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const fill = () => form.setFieldsValue({ category: column.category, updateIntervalDays: column.updateIntervalDays, note: column.note ?? '', reviewSteps: column.reviewSteps, reviewDistinctPeople: column.reviewDistinctPeople });
  useEffect(fill, [column, form]);

  const save = async (v: Values) => {
    setSaving(true);
    try {
      await updateColumn(column.id, {
        category: v.category,
        updateIntervalDays: v.updateIntervalDays ?? null,
        note: v.note?.trim() ? v.note.trim() : null,
        reviewSteps: v.reviewSteps.map((s) => ({ name: s.name.trim(), role: s.role })),
        reviewDistinctPeople: v.reviewDistinctPeople,
      });
      message.success(t.settingsSaved);
      onSaved();
    } catch (err) {
      const left = showServerErrors(form, err);
      if (left) message.error(left);
    } finally {
      setSaving(false);
    }
  };

  const categoryOptions = Object.entries(t.category).map(([value, label]) => ({ value, label }));
  const roleOptions = Object.entries(t.roles).map(([value, label]) => ({ value, label }));

  return (
    <Form form={form} layout="vertical" onFinish={(v) => void save(v)} requiredMark="optional">
      <p className="text-muted">
        {t.slugLabel}：<code>/xxgk/{column.slug}</code>{' '}
        <a href={`/xxgk/${column.slug}`} target="_blank" rel="noreferrer" className="inline-link">
          {t.openPublic} <ExportOutlined aria-hidden />
        </a>
      </p>
      <Form.Item name="category" label={t.fieldCategory} rules={[{ required: true }]}>
        <Select options={categoryOptions} />
      </Form.Item>
      <Form.Item name="updateIntervalDays" label={t.fieldInterval} extra={t.intervalHelp}>
        <InputNumber min={1} max={3650} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={t.fieldNote} extra={t.noteHelp} rules={[{ max: 500 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
      </Form.Item>
      <fieldset className="catalog-fieldset">
        <legend className="field-label">{t.fieldSteps}</legend>
        <Form.List name="reviewSteps" rules={[{ validator: async (_, v: ReviewStep[]) => (v?.length ? undefined : Promise.reject(new Error(t.stepsMin))) }]}>
          {(fields, { add, remove }, { errors }) => (
            <>
              <ol className="step-list">
                {fields.map((f, i) => (
                  <li key={f.key} className="step-row">
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: t.stepNameRequired }]} className="step-name">
                      <Input aria-label={`${t.stepName} ${i + 1}`} maxLength={20} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'role']} rules={[{ required: true }]} className="step-role">
                      <Select aria-label={`${t.stepRole} ${i + 1}`} options={roleOptions} />
                    </Form.Item>
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label={t.removeStep(i + 1)} disabled={fields.length <= 1} onClick={() => remove(f.name)} />
                  </li>
                ))}
              </ol>
              <Form.ErrorList errors={errors} />
              {fields.length < 5 && (
                <Button icon={<PlusOutlined />} onClick={() => add({ name: '', role: 'reviewer' })}>
                  {t.addStep}
                </Button>
              )}
            </>
          )}
        </Form.List>
        <Form.Item name="reviewDistinctPeople" label={t.fieldDistinctPeople} extra={t.distinctPeopleHelp} valuePropName="checked">
          <Switch />
        </Form.Item>
      </fieldset>
      <Space className="form-actions">
        <Button type="primary" htmlType="submit" loading={saving}>
          {t.saveSettings}
        </Button>
        <Button onClick={fill}>{common.reset}</Button>
      </Space>
    </Form>
  );
}
