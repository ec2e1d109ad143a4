import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../../../lib/api.ts';
import { verifyAudit, type AuditVerdict } from '../api.ts';
import { t } from '../strings.ts';

/** Walks the whole hash chain on the server and says whether any row was altered or removed. */
export function VerifyChainButton({ onResult }: { onResult: (node: ReactNode) => void }) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const v: AuditVerdict = await verifyAudit();
      onResult(
        v.ok ? (
          <Alert role="status" type="success" showIcon title={t.verifyOk(v.rows, v.anchors)} closable={{ onClose: () => onResult(null) }} />
        ) : (
          <Alert role="alert" type="error" showIcon title={t.verifyBroken(v.reason, v.rows)} />
        ),
      );
    } catch (err) {
      onResult(<Alert role="alert" type="error" showIcon title={errorMessage(err)} />);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<SafetyCertificateOutlined />} loading={busy} onClick={() => void run()}>
      {t.verify}
    </Button>
  );
}
