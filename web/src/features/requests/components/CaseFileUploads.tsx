import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api.ts';
import { uploadFile } from '../api.ts';
import { t } from '../strings.ts';

export interface CaseFile {
  fileId: string;
  kind: '信封扫描件' | '身份证明' | '送达回证';
  name: string;
}

/**
 * Upload buttons for a case's files, one per kind: the file goes to the file store at once and is
 * attached to the case when the form is saved (the server checks an ID document's type by content).
 */
export function CaseFileUploads({ kinds, value, onChange }: { kinds: { kind: CaseFile['kind']; label: string }[]; value: CaseFile[]; onChange: (files: CaseFile[]) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const upload = async (file: File, kind: CaseFile['kind']) => {
    setBusy(true);
    setError(null);
    try {
      const up = await uploadFile(file);
      onChange([...value, { fileId: up.id, kind, name: file.name }]);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <Space wrap>
        {kinds.map((k) => (
          <Upload
            key={k.kind}
            showUploadList={false}
            accept={k.kind === '身份证明' ? 'image/jpeg,image/png,application/pdf' : 'image/*,application/pdf'}
            beforeUpload={(file) => {
              void upload(file, k.kind);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy}>
              {k.label}
            </Button>
          </Upload>
        ))}
      </Space>
      {error && <Alert role="alert" type="error" showIcon title={error} className="block-gap-top" />}
      {value.length > 0 && (
        <ul className="request-files" aria-live="polite">
          {value.map((f) => (
            <li key={f.fileId}>
              {t.uploaded(f.name, f.kind)}
              <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t.removeFile(f.name)} onClick={() => onChange(value.filter((x) => x.fileId !== f.fileId))} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
