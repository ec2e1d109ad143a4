import { Alert, App, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useLoad } from '../../../lib/use-load.ts';
import { showServerErrors } from '../../../lib/form-errors.ts';
import { common } from '../../../lib/strings.ts';
import type { UnitCatalog } from '../../units/api.ts';
import { createUser, loadRoleDuties, updateUser, type NewUser, type OneTimePassword, type User } from '../api.ts';
import { t } from '../strings.ts';

interface Props {
  open: boolean;
  user: User | null;
  catalog: UnitCatalog;
  roles: Record<string, string>;
  /** Only a system administrator may grant the system administrator role. */
  canGrantSysAdmin: boolean;
  onClose: () => void;
  onSaved: (created?: OneTimePassword) => void;
}

interface Values {
  username: string;
  displayName: string;
  unitId: string;
  roles: string[];
  phone?: string;
}

export function UserFormModal({ open, user, catalog, roles, canGrantSysAdmin, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (user) form.setFieldsValue({ ...user, phone: user.phone ?? undefined });
    else form.setFieldsValue({ roles: [] });
  }, [open, user, form]);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      if (user) {
        await updateUser(user.id, { displayName: v.displayName.trim(), unitId: v.unitId, roles: v.roles as NewUser['roles'], phone: v.phone?.trim() || null });
        message.success(t.updated);
        onSaved();
      } else {
        const res = await createUser({ username: v.username.trim(), displayName: v.displayName.trim(), unitId: v.unitId, roles: v.roles as NewUser['roles'], phone: v.phone?.trim() || null });
        message.success(t.created);
        onSaved({ username: res.user.username, oneTimePassword: res.oneTimePassword });
      }
    } catch (err) {
      setError(showServerErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  const duties = useLoad(loadRoleDuties, []);
  // Each role with what it may do under its name, so whoever grants it knows what they grant.
  const roleOptions = Object.entries(roles).map(([value, label]) => ({
    value,
    label: (
      <span className="role-option">
        <span className="role-name">{label}</span>
        {duties.data?.[value] && <span className="role-duties">{duties.data[value]}</span>}
      </span>
    ),
    disabled: value === 'sys_admin' && !canGrantSysAdmin,
  }));

  return (
    <Modal
      open={open}
      title={user ? t.modalEdit : t.modalAdd}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={common.save}
      confirmLoading={busy}
      destroyOnHidden
      width={680}
    >
      {error && <Alert role="alert" type="error" showIcon title={error} className="block-gap" />}
      <Form form={form} layout="vertical" onFinish={submit} name="user-form">
        <Form.Item
          label={t.fieldUsername}
          name="username"
          extra={user ? undefined : t.fieldUsernameHelp}
          rules={[
            { required: true, whitespace: true, message: t.fieldUsernameRequired },
            { pattern: /^[a-zA-Z0-9_.-]{3,32}$/, message: t.fieldUsernamePattern },
          ]}
        >
          <Input disabled={!!user} autoComplete="off" maxLength={32} />
        </Form.Item>
        <Form.Item label={t.fieldName} name="displayName" rules={[{ required: true, whitespace: true, message: t.fieldNameRequired }]}>
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item label={t.fieldUnit} name="unitId" rules={[{ required: true, message: t.fieldUnitRequired }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={catalog.items.filter((u) => u.active || u.id === user?.unitId).map((u) => ({ value: u.id, label: u.shortName ? `${u.shortName}（${u.name}）` : u.name }))}
          />
        </Form.Item>
        <Form.Item label={t.fieldRoles} name="roles" rules={[{ required: true, type: 'array', min: 1, message: t.fieldRolesRequired }]}>
          <Checkbox.Group options={roleOptions} className="role-checkboxes" />
        </Form.Item>
        <Form.Item label={t.fieldPhone} name="phone">
          <Input maxLength={20} autoComplete="off" inputMode="tel" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
