import { Alert, App, Button, Drawer, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { showServerErrors } from '../../../lib/form-errors.ts';
import { common } from '../../../lib/strings.ts';
import { createUnit, updateUnit, type Unit, type UnitCatalog, type UnitInput } from '../api.ts';
import { t } from '../strings.ts';

interface Props {
  open: boolean;
  /** The unit being edited, or null to add one. */
  unit: Unit | null;
  catalog: UnitCatalog;
  onClose: () => void;
  onSaved: (unit: Unit) => void;
}

interface Values {
  name: string;
  shortName?: string;
  kind: string;
  parentId?: string;
  aliases: string[];
  code?: string;
  sort: number;
  isAgency: boolean;
}

const nameRules = [
  { required: true, whitespace: true, message: t.fieldNameRequired },
  { min: 2, max: 60, message: t.fieldNameLength },
];

/** Add or edit a unit; aliases are typed as tags (Enter adds one). */
export function UnitFormDrawer({ open, unit, catalog, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(
      unit
        ? {
            name: unit.name,
            shortName: unit.shortName ?? undefined,
            kind: unit.kind,
            parentId: unit.parentId ?? undefined,
            aliases: unit.aliases,
            code: unit.code ?? undefined,
            sort: unit.sort,
            isAgency: unit.isAgency,
          }
        : { aliases: [], sort: 0, isAgency: true, kind: 'department' },
    );
  }, [open, unit, form]);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const input: UnitInput = {
      name: v.name.trim(),
      shortName: v.shortName?.trim() || null,
      kind: v.kind as UnitInput['kind'],
      parentId: v.parentId ?? null,
      aliases: v.aliases.map((a) => a.trim()).filter(Boolean),
      code: v.code?.trim() || null,
      sort: v.sort ?? 0,
      isAgency: v.isAgency,
    };
    try {
      const saved = unit ? await updateUnit(unit.id, input) : await createUnit(input);
      message.success(unit ? t.updated : t.created);
      onSaved(saved);
    } catch (err) {
      // The server's field problems (a code whose check character is wrong …) are shown at the field;
      // anything else above the form.
      setError(showServerErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  const parents = catalog.items
    .filter((u) => u.id !== unit?.id && u.active)
    .map((u) => ({ value: u.id, label: u.shortName ? `${u.shortName}（${u.name}）` : u.name }));

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={unit ? t.drawerEdit : t.drawerAdd}
      size={520}
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
      {error && <Alert role="alert" type="error" showIcon title={error} className="block-gap" />}
      <Form form={form} layout="vertical" onFinish={submit} name="unit-form">
        <Form.Item label={t.fieldName} name="name" rules={nameRules} extra={t.fieldNameHelp}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item label={t.fieldShort} name="shortName" rules={[{ min: 2, max: 60, message: t.fieldNameLength }]} extra={t.fieldShortHelp}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item label={t.fieldKind} name="kind" rules={[{ required: true, message: t.fieldKindRequired }]}>
          <Select options={Object.entries(catalog.kinds).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item label={t.fieldParent} name="parentId">
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t.fieldParentPlaceholder} options={parents} />
        </Form.Item>
        <Form.Item label={t.fieldAliases} name="aliases" extra={t.fieldAliasesHelp}>
          <Select mode="tags" tokenSeparators={['、', '，', ',']} open={false} suffixIcon={null} />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item label={t.fieldCode} name="code" extra={t.fieldCodeHelp}>
            <Input maxLength={24} style={{ width: 220 }} placeholder="统一社会信用代码或组织机构代码" />
          </Form.Item>
          <Form.Item label={t.fieldSort} name="sort">
            <InputNumber min={0} max={100000} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item label={t.fieldIsAgency} name="isAgency" valuePropName="checked" extra={t.fieldIsAgencyHelp}>
            <Switch />
          </Form.Item>
        </Space>
      </Form>
    </Drawer>
  );
}
