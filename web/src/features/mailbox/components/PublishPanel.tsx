import { Alert, App, Button, Descriptions, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api.ts';
import { previewPublication, publishMessage, type MessageDetail, type PublicationPreview } from '../api.ts';
import { t } from '../strings.ts';

const FIELDS = ['summary', 'acceptedOn', 'repliedOn', 'replyUnit', 'reply'] as const;

/**
 * 选登公开: the office writes (or keeps) the summary, previews exactly the five fields the 网民留言
 * column shows — masked by the server, with a note whether masking changed anything — and publishes.
 */
export function PublishPanel({ d, onDone }: { d: MessageDetail; onDone: () => void }) {
  const { message } = App.useApp();
  const [summary, setSummary] = useState(d.publishedSummary ?? '');
  const [preview, setPreview] = useState<PublicationPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<unknown>, then?: () => void) => {
    setBusy(true);
    try {
      await fn();
      then?.();
    } catch (err) {
      message.error(errorMessage(err), 6);
    } finally {
      setBusy(false);
    }
  };
  if (!d.consent) return <Alert type="info" showIcon message={t.noConsent} />;
  const fields = preview?.fields ?? (d.published ? { summary: d.publishedSummary ?? '', acceptedOn: d.acceptedOn ?? d.receivedOn, repliedOn: d.repliedOn ?? '', replyUnit: '', reply: d.publishedReply ?? '' } : null);
  return (
    <>
      {d.published && <Alert type="success" showIcon message={t.publishedAlready} className="block-gap" />}
      <label htmlFor="publish-summary" className="field-label">
        {t.summaryLabel}
      </label>
      <Input.TextArea id="publish-summary" rows={3} maxLength={2000} value={summary} onChange={(e) => (setSummary(e.target.value), setPreview(null))} />
      <Space wrap className="block-gap">
        <Button onClick={() => void run(async () => setPreview(await previewPublication(d.id, summary || undefined)))} loading={busy && !preview}>
          {t.preview}
        </Button>
        <Button type="primary" disabled={!preview} onClick={() => void run(() => publishMessage(d.id, true, summary || undefined), () => (message.success(t.done), setPreview(null), onDone()))}>
          {t.publish}
        </Button>
        {d.published && (
          <Button danger onClick={() => void run(() => publishMessage(d.id, false), () => (message.success(t.done), onDone()))}>
            {t.unpublish}
          </Button>
        )}
      </Space>
      {fields && (
        <div className="block-gap" aria-live="polite">
          {preview && <Typography.Paragraph type={preview.masked ? 'warning' : 'secondary'}>{preview.masked ? t.maskedNote : t.notMasked}</Typography.Paragraph>}
          <Descriptions bordered size="small" column={1} items={FIELDS.filter((k) => k !== 'replyUnit' || fields.replyUnit).map((k) => ({ key: k, label: t.fields[k], children: <span className="pre-wrap">{fields[k]}</span> }))} />
        </div>
      )}
    </>
  );
}
