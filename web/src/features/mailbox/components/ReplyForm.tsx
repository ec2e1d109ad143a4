import { Alert, App, Button, Checkbox, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../../lib/api.ts';
import { RichTextEditor } from '../../catalog/components/RichTextEditor.tsx';
import { replyMessage } from '../api.ts';
import { t } from '../strings.ts';

type Finding = { type: string; value: string; masked: string };

/**
 * 答复: rich text (the catalog's editor), sent through the server's personal-information gate — when
 * it finds personal data the findings are listed and the reply goes only once the replier confirms.
 */
export function ReplyForm({ messageId, html, onHtml, onDone }: { messageId: string; html: string; onHtml: (html: string) => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      await replyMessage(messageId, html, findings ? confirmed : undefined);
      message.success(t.done);
      setFindings(null);
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'pii_found' && Array.isArray(err.details)) {
        setFindings(err.details as Finding[]);
        setConfirmed(false);
      } else setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="mailbox-reply">
      <Typography.Paragraph type="secondary">{t.replyHint}</Typography.Paragraph>
      <RichTextEditor
        id="mailbox-reply"
        label="答复内容"
        value={html}
        onChange={(v) => (onHtml(v), setFindings(null))}
        attachments={[]}
        uploadImage={() => Promise.reject(new Error(t.noImages))}
      />
      {error && <Alert type="error" showIcon message={error} role="alert" className="block-gap" />}
      {findings && (
        <Alert
          type="warning"
          showIcon
          className="block-gap"
          message={t.piiFound}
          description={
            <>
              <ul>
                {findings.map((f, i) => (
                  <li key={i}>
                    {f.value}（公开时显示为 {f.masked}）
                  </li>
                ))}
              </ul>
              <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)}>
                {t.piiConfirm}
              </Checkbox>
            </>
          }
        />
      )}
      <Space className="block-gap">
        <Button type="primary" onClick={() => void send()} loading={busy} disabled={!!findings && !confirmed}>
          {t.send}
        </Button>
      </Space>
    </div>
  );
}
