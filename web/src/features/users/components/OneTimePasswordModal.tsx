import { Alert, Button, Modal, Typography } from 'antd';
import type { OneTimePassword } from '../api.ts';
import { t } from '../strings.ts';

/** Shows a freshly issued one-time password once, with a copy button. */
export function OneTimePasswordModal({ value, reason, onClose }: { value: OneTimePassword | null; reason: 'created' | 'reset'; onClose: () => void }) {
  return (
    <Modal
      open={!!value}
      title={reason === 'created' ? t.otpTitleCreated : t.otpTitleReset}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          {t.otpDone}
        </Button>
      }
    >
      {value && (
        <>
          <Typography.Paragraph>{t.otpIntro(value.username)}</Typography.Paragraph>
          <div className="otp-box">
            <span className="otp-label" id="otp-label">
              {t.otpLabel}
            </span>
            <Typography.Text
              className="otp-value"
              code
              aria-labelledby="otp-label"
              data-testid="one-time-password"
              copyable={{ text: value.oneTimePassword, tooltips: [t.copy, t.copied] }}
            >
              {value.oneTimePassword}
            </Typography.Text>
          </div>
          <Alert type="warning" showIcon title={t.otpWarning} />
        </>
      )}
    </Modal>
  );
}
