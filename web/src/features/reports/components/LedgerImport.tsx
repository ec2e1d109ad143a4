import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api.ts';
import { importLedger } from '../api.ts';
import { t } from '../strings.ts';

/** Uploads an earlier years' ledger; a refused file shows every bad row (nothing was written). */
export function LedgerImport({ onDone }: { onDone: () => void }) {
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const upload = (kind: 'cases' | 'reviews') => (file: File) => {
    setBusy(kind);
    setError(null);
    importLedger(kind, file)
      .then((r) => {
        message.success(t.imported(r.imported));
        onDone();
      })
      .catch((e) => setError(errorMessage(e)))
      .finally(() => setBusy(null));
    return false;
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={upload('cases')}>
          <Button icon={<UploadOutlined />} loading={busy === 'cases'}>{t.importCases}</Button>
        </Upload>
        <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={upload('reviews')}>
          <Button icon={<UploadOutlined />} loading={busy === 'reviews'}>{t.importReviews}</Button>
        </Upload>
      </Space>
      <div className="muted">{t.importHint}　{t.importReviewsHint}</div>
      {error && <Alert type="error" showIcon message={<pre className="import-errors">{error}</pre>} closable onClose={() => setError(null)} />}
    </Space>
  );
}
