import { Alert, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../lib/api.ts';
import { getSynonyms, saveSynonyms } from '../api.ts';
import { t } from '../strings.ts';

/** The office's synonym table as text: one group a line, the canonical term first. */
export function SynonymsDialog({ open, onClose, canEdit }: { open: boolean; onClose: () => void; canEdit: boolean }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) void getSynonyms().then((s) => setText(s.groups.map((g) => g.join(' ')).join('\n')), (err) => setError(errorMessage(err)));
  }, [open]);
  const save = async () => {
    try {
      const groups = text
        .split('\n')
        .map((l) => l.split(/[\s、，,]+/).filter(Boolean))
        .filter((g) => g.length > 0);
      await saveSynonyms(groups);
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <Modal open={open} title={t.synonyms} onCancel={onClose} onOk={() => void save()} okText={t.save} cancelText={t.cancel} okButtonProps={{ disabled: !canEdit }} width={640}>
      <Typography.Paragraph type="secondary">{t.synonymsHelp}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Input.TextArea aria-label={t.synonyms} rows={14} value={text} onChange={(e) => setText(e.target.value)} readOnly={!canEdit} />
    </Modal>
  );
}
