import { Alert, App, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api.ts';
import { navigate } from '../../../lib/router.tsx';
import { useMe, useSession } from '../../../lib/session.tsx';
import { changePassword } from '../api.ts';
import { AuthShell } from '../components/AuthShell.tsx';
import { PasswordRules } from '../components/PasswordRules.tsx';
import { passwordProblems, ruleStatuses } from '../password-rules.ts';
import { t } from '../strings.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordPage() {
  const me = useMe();
  const { refresh, signOut } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const currentPassword = Form.useWatch('currentPassword', form) ?? '';
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const forced = me.mustChangePassword;

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      await refresh();
      message.success(t.changed);
      navigate('/', { replace: true });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthShell title={t.changeTitle} embedded={!forced}>
      <Alert type={forced ? 'warning' : 'info'} showIcon title={forced ? t.changeForced : t.changeVoluntary} className="auth-alert" />
      {error && <Alert role="alert" type="error" showIcon title={error} className="auth-alert" />}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} name="change-password">
        <input type="text" name="username" autoComplete="username" value={me.user.username} readOnly hidden />
        <Form.Item
          label={t.currentPassword}
          name="currentPassword"
          extra={forced ? t.currentPasswordHint : undefined}
          rules={[{ required: true, message: t.currentPassword }]}
        >
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item
          label={t.newPassword}
          name="newPassword"
          rules={[
            {
              validator: async (_r, value: string | undefined) => {
                const problems = passwordProblems(value ?? '', me.user.username);
                if (value && value === form.getFieldValue('currentPassword')) problems.push(t.errSame);
                if (problems.length) throw new Error(problems[0]);
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" aria-describedby="password-rules-title" />
        </Form.Item>
        <PasswordRules rules={ruleStatuses(newPassword, me.user.username, currentPassword)} />
        <Form.Item
          label={t.confirmPassword}
          name="confirmPassword"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t.confirmPassword },
            {
              validator: async (_r, value: string | undefined) => {
                if (value && value !== form.getFieldValue('newPassword')) throw new Error(t.confirmMismatch);
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t.submitChange}
          </Button>
          {forced && (
            <Button type="link" block onClick={() => void signOut()}>
              {t.logout}
            </Button>
          )}
        </Space>
      </Form>
    </AuthShell>
  );
}
