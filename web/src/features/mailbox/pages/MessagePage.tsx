import { Card, Descriptions, Tag, Typography } from 'antd';
import { useState } from 'react';
import { NotFound } from '../../../components/Forbidden.tsx';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ApiError } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { Link, type PageProps } from '../../../lib/router.tsx';
import { usePermission } from '../../../lib/session.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { getMessage, matchMessage, replyWithEntry, type MessageDetail } from '../api.ts';
import { ActionPanel } from '../components/ActionPanel.tsx';
import { LibraryPanel } from '../components/LibraryPanel.tsx';
import { MarkTags, StatusTag } from '../components/MessageTags.tsx';
import { MessageTimeline } from '../components/MessageTimeline.tsx';
import { PublishPanel } from '../components/PublishPanel.tsx';
import { ReplyForm } from '../components/ReplyForm.tsx';
import { t } from '../strings.ts';
import '../mailbox.css';
import { BROWN, RED } from '../../catalog/colors.ts';
import { ProvisionalTag } from '../../../components/ProvisionalTag.tsx';

const load = (id: string) => getMessage(id).catch((err) => (err instanceof ApiError && err.status === 404 ? null : Promise.reject(err)));

/** Who may answer now: the unit it was sent to, or the office once it chose 即办 (or the message is back with it). */
function mayReply(d: MessageDetail, isOffice: boolean, canReply: boolean) {
  if (!canReply) return false;
  if (d.status === 'assigned') return true;
  return d.status === 'accepted' && isOffice && d.triage === 'immediate';
}

/** One message: facts, content, the steps the person may take, the library's candidates, the reply, publication and the timeline. */
export function MessagePage({ params }: PageProps) {
  const isOffice = usePermission('mailbox.manage');
  const canReply = usePermission('mailbox.reply');
  const detail = useLoad(() => load(params.id), [params.id]);
  const [html, setHtml] = useState('');
  const d = detail.data;
  const replying = !!d && mayReply(d, isOffice, canReply);
  const library = useLoad(() => (d && d.type === '咨询' && replying ? matchMessage(d.id) : Promise.resolve(null)), [d?.id, replying]);
  if (d === null) return <NotFound />;
  if (detail.error && !d) return <LoadError error={detail.error} onRetry={() => void detail.reload()} />;
  if (!d) return <Card loading />;
  const reload = () => void detail.reload();
  const contact = [d.phone, d.email].filter(Boolean).join(' / ') || '—';
  return (
    <>
      <PageHeader
        title={d.title}
        intro={<Link to="/mailbox">{t.detailBack}</Link>}
        extra={
          <>
            <StatusTag m={d} />
            <MarkTags m={d} />
          </>
        }
      />
      <Card className="block-gap">
        <Descriptions
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'code', label: t.code, children: d.code },
            { key: 'type', label: t.fType, children: d.type },
            { key: 'unit', label: t.colUnit, children: d.unitName ?? t.officeHandles },
            { key: 'recv', label: t.receivedOn, children: formatDateTime(String(d.receivedAt)) },
            { key: 'acc', label: t.acceptedOn, children: d.acceptedOn ?? '—' },
            { key: 'due', label: t.dueDate, children: <>{d.dueDate}{d.overdue && <Tag color={RED} style={{ marginLeft: 8 }}>{t.overdue}</Tag>}{!d.repliedOn && <ProvisionalTag date={d.dueDate} />}</> },
            { key: 'writer', label: t.writer, children: d.name },
            { key: 'contact', label: t.contact, children: contact },
            { key: 'consent', label: t.consent, children: d.consent ? t.yes : t.no },
            ...(d.triage ? [{ key: 'triage', label: '办理方式', children: t.triage[d.triage] ?? d.triage }] : []),
            ...(d.repliedOn ? [{ key: 'replied', label: t.repliedOn, children: d.repliedOn }] : []),
            ...(['replied', 'closed'].includes(d.status) || d.reopenCount ? [{ key: 'rating', label: t.rating, children: <>{d.rating ?? t.notRated}{d.earlierRatings.length > 0 && <span className="text-muted">（{t.earlierRatings(d.earlierRatings)}）</span>}{d.reopenCount > 0 && <Tag color={BROWN} style={{ marginLeft: 8 }}>{t.reopened}</Tag>}</> }] : []),
            ...(d.rejectReason ? [{ key: 'rej', label: t.rejectReason, children: `${t.rejectKinds[d.rejectKind ?? ''] ?? ''}：${d.rejectReason}` }] : []),
            ...(d.leaderInstruction ? [{ key: 'lead', label: t.leaderInstruction, children: d.leaderInstruction }] : []),
            ...(d.ledger ? [{ key: 'ledger', label: t.ledgerTitle, children: `${t.ledgerStatus[d.ledger.status] ?? d.ledger.status}${d.ledger.extension !== 'none' ? `，${t.extension[d.ledger.extension]}` : ''}${d.ledger.returnReason ? `（${d.ledger.returnReason}）` : ''}` }] : []),
          ]}
        />
      </Card>
      <Card title={<h2 className="card-title">{t.body}</h2>} className="block-gap">
        <Typography.Paragraph className="pre-wrap">{d.body}</Typography.Paragraph>
        {d.attachments.length > 0 && (
          <div>
            {t.attachments}：
            {d.attachments.map((a) => (
              <a key={a.id} href={`/api/files/${a.id}`} className="mailbox-attachment">
                {a.name}
              </a>
            ))}
          </div>
        )}
      </Card>
      <Card title={<h2 className="card-title">{t.actions}</h2>} className="block-gap">
        <ActionPanel d={d} isOffice={isOffice} canReply={canReply} onDone={reload} />
      </Card>
      {replying && d.type === '咨询' && (
        <Card title={<h2 className="card-title">{t.libraryTitle}</h2>} className="block-gap" loading={library.loading && !library.data}>
          <Typography.Paragraph type="secondary">{t.libraryIntro}</Typography.Paragraph>
          {library.error && <LoadError error={library.error} onRetry={() => void library.reload()} />}
          {library.data && <LibraryPanel items={library.data.items} onUse={async (c) => (await replyWithEntry(d.id, c.entryId), reload())} onQuote={(c) => setHtml(c.answerHtml)} />}
        </Card>
      )}
      {replying && (
        <Card title={<h2 className="card-title">{t.replyTitle}</h2>} className="block-gap">
          <ReplyForm messageId={d.id} html={html} onHtml={setHtml} onDone={() => (setHtml(''), reload())} />
        </Card>
      )}
      {d.replyHtml && (
        <Card title={<h2 className="card-title">{t.replyShown}</h2>} className="block-gap">
          {/* sanitised by the server when the reply was saved */}
          <div className="mailbox-reply-html" dangerouslySetInnerHTML={{ __html: d.replyHtml }} />
        </Card>
      )}
      {isOffice && ['replied', 'closed'].includes(d.status) && (
        <Card title={<h2 className="card-title">{t.publishTitle}</h2>} className="block-gap">
          <PublishPanel d={d} onDone={reload} />
        </Card>
      )}
      <Card title={<h2 className="card-title">{t.timeline}</h2>}>
        <MessageTimeline d={d} />
      </Card>
    </>
  );
}
