import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../../lib/api.ts';
import { navigate } from '../../../lib/router.tsx';
import { useSession } from '../../../lib/session.tsx';
import { AuthShell } from '../components/AuthShell.tsx';
import { t } from '../strings.ts';

interface LoginValues {
  username: string;
  password: string;
}

export function LoginPage() {
  const { signIn } = useSession();
  const [form] = Form.useForm<LoginValues>();
  const [error, setError] = useState<{ message: string; locked: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: LoginValues) => {
    setBusy(true);
    setError(null);
    try {
      const me = await signIn(values.username.trim(), values.password);
      navigate(me.mustChangePassword ? '/change-password' : '/', { replace: true });
    } catch (err) {
      const locked = err instanceof ApiError && err.code === 'account_locked';
      setError({ message: errorMessage(err), locked });
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthShell title={t.loginTitle}>
      <Typography.Paragraph type="secondary" className="auth-subtitle">
        {t.loginSubtitle}
      </Typography.Paragraph>
      {error && (
        <Alert
          role="alert"
          type="error"
          showIcon
          className="auth-alert"
          title={error.message}
          description={error.locked ? t.lockedHint : undefined}
        />
      )}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} name="login" size="large">
        <Form.Item label={t.username} name="username" rules={[{ required: true, whitespace: true, message: t.usernameRequired }]}>
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item label={t.password} name="password" rules={[{ required: true, message: t.passwordRequired }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t.submitLogin}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" className="auth-footer">
        {t.loginFooter}
      </Typography.Paragraph>
    </AuthShell>
  );
}
