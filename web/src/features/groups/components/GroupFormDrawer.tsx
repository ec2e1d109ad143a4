import { Alert, App, Button, Drawer, Form, Input, Radio, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { showServerErrors } from '../../../lib/form-errors.ts';
import { common } from '../../../lib/strings.ts';
import type { UnitCatalog } from '../../units/api.ts';
import { createGroup, updateGroup, type GroupInput, type UnitGroup } from '../api.ts';
import { t } from '../strings.ts';

interface Props {
  open: boolean;
  group: UnitGroup | null;
  memberships: Record<string, string>;
  catalog: UnitCatalog;
  onClose: () => void;
  onSaved: () => void;
}

interface Values {
  name: string;
  membership: string;
  memberKinds: string[];
  memberIds: string[];
  aliases: string[];
  description?: string;
}

export function GroupFormDrawer({ open, group, memberships, catalog, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const membership = Form.useWatch('membership', form);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(
      group
        ? { ...group, description: group.description ?? undefined }
        : { membership: 'list', memberKinds: [], memberIds: [], aliases: [] },
    );
  }, [open, group, form]);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const input: GroupInput = {
      name: v.name.trim(),
      membership: v.membership as GroupInput['membership'],
      memberKinds: v.membership === 'kinds' ? (v.memberKinds as GroupInput['memberKinds']) : [],
      memberIds: v.membership === 'list' ? v.memberIds : [],
      aliases: v.aliases.map((a) => a.trim()).filter(Boolean),
      description: v.description?.trim() || null,
    };
    try {
      if (group) await updateGroup(group.id, input);
      else await createGroup(input);
      message.success(group ? t.updated : t.created);
      onSaved();
    } catch (err) {
      setError(showServerErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={group ? t.drawerEdit : t.drawerAdd}
      size={560}
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
      <Form form={form} layout="vertical" onFinish={submit} name="group-form">
        <Form.Item
          label={t.fieldName}
          name="name"
          extra={t.fieldNameHelp}
          rules={[
            { required: true, whitespace: true, message: t.fieldNameRequired },
            { min: 2, max: 60, message: t.fieldNameLength },
          ]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item label={t.fieldMembership} name="membership">
          <Radio.Group options={Object.entries(memberships).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        {membership === 'kinds' && (
          <Form.Item label={t.fieldKinds} name="memberKinds" rules={[{ required: true, type: 'array', min: 1, message: t.fieldKindsRequired }]}>
            <Select mode="multiple" options={Object.entries(catalog.kinds).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        )}
        {membership === 'list' && (
          <Form.Item label={t.fieldMembers} name="memberIds" rules={[{ required: true, type: 'array', min: 1, message: t.fieldMembersRequired }]}>
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              options={catalog.items.filter((u) => u.active).map((u) => ({ value: u.id, label: u.shortName || u.name }))}
            />
          </Form.Item>
        )}
        <Form.Item label={t.fieldAliases} name="aliases" extra={t.fieldAliasesHelp}>
          <Select mode="tags" tokenSeparators={['、', '，', ',']} open={false} suffixIcon={null} />
        </Form.Item>
        <Form.Item label={t.fieldDescription} name="description">
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
