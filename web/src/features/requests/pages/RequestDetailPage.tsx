import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { NotFound } from '../../../components/Forbidden.tsx';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ApiError, errorMessage } from '../../../lib/api.ts';
import { formatDateTime, todayInShanghai } from '../../../lib/format.ts';
import { Link, type PageProps } from '../../../lib/router.tsx';
import { saveBlob } from '../../../lib/save-blob.ts';
import { usePermission } from '../../../lib/session.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { fileUrl, getRequest, loadOptions, makeLetter, viewIdentity, type LetterKind, type RequestDetail, type RequestOptions } from '../api.ts';
import { DueCell, outcomeLabel, StatusTag } from '../components/CaseTags.tsx';
import { availableSteps, StepActions } from '../components/StepActions.tsx';
import { t } from '../strings.ts';

const load = (id: string) => getRequest(id).catch((err) => (err instanceof ApiError && err.status === 404 ? null : Promise.reject(err)));

/** Which letters the case's timeline allows (the server checks again). */
function lettersFor(d: RequestDetail): LetterKind[] {
  const has = (k: string) => d.events.some((e) => e.kind === k && !e.voided);
  const out: LetterKind[] = [];
  if (d.items.length && d.items.every((i) => i.outcome)) out.push('reply');
  if (has('correction_sent')) out.push('correction');
  if (has('consultation_started')) out.push('consultation');
  if (has('extended')) out.push('extension');
  if (has('fee_notice_received')) out.push('fee');
  if (has('transferred')) out.push('transfer');
  return out;
}

/** What an event says on the timeline, beyond its name. */
function eventDetail(e: RequestDetail['events'][number], outcomes: RequestOptions['outcomes']): string {
  const d = (e.data ?? {}) as Record<string, unknown>;
  const s = (k: string) => (d[k] === undefined || d[k] === null ? '' : String(d[k]));
  switch (e.kind) {
    case 'entered':
      return s('channel');
    case 'received':
      return s('rule');
    case 'correction_sent':
      return [s('needed'), d.applicantDueOn ? `申请人 ${s('applicantDueOn')} 前补正` : '', d.restartsClock === false ? '超过 7 个工作日告知，不重新计算期限' : ''].filter(Boolean).join('；');
    case 'consultation_started':
      return [s('consultKind'), s('party'), d.answerDue ? `${s('answerDue')} 前答复` : ''].filter(Boolean).join('；');
    case 'consultation_ended':
      return s('answer');
    case 'extended':
      return `延长 ${s('days')} 个工作日；${s('reason')}；${s('notice')}`;
    case 'fee_notice_received':
      return `${s('standard')}，${s('yuan')} 元，${s('applicantDueOn')} 前缴纳`;
    case 'decided':
      return outcomeLabel(s('outcome'), outcomes);
    case 'delivered':
      return `${s('method')}；${s('proof')}${d.late ? '；逾期' : ''}`;
    case 'reopened':
      return s('reason');
    case 'letter':
      return `${s('name')} ${s('docNumber')}`;
    case 'file_viewed':
      return `${s('kind')} ${s('name')}`;
    case 'identity_viewed':
      return s('what');
    default:
      return '';
  }
}

/** One case: facts, the computed clock, applicant (ID only through the audited view), items and decisions, the next step, letters, the timeline. */
export function RequestDetailPage({ params }: PageProps) {
  const { message } = App.useApp();
  const canHandle = usePermission('requests.handle');
  const canExtend = usePermission('requests.extend');
  const canReopen = usePermission('requests.reopen');
  const detail = useLoad(() => load(params.id), [params.id]);
  const options = useLoad(loadOptions, []);
  const [identity, setIdentity] = useState<string | null>(null);
  const [busyLetter, setBusyLetter] = useState<string | null>(null);
  if (detail.data === null) return <NotFound />;
  if (detail.error && !detail.data) return <LoadError error={detail.error} onRetry={() => void detail.reload()} />;
  if (options.error) return <LoadError error={options.error} onRetry={() => void options.reload()} />;
  const d = detail.data;
  const o = options.data;
  if (!d || !o) return <Card loading />;
  const today = todayInShanghai();
  const reload = () => void detail.reload();
  const kinds = availableSteps(d, { handle: canHandle, extend: canExtend, reopen: canReopen });
  const letters = lettersFor(d);
  const letterName = (k: LetterKind) => o.letters.find((l) => l.kind === k)?.name ?? k;

  const showIdentity = async () => {
    try {
      const r = await viewIdentity(d.id);
      setIdentity(`${r.applicantIdKind ?? ''} ${r.applicantIdNumber ?? t.none}`.trim());
      reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const letter = async (k: LetterKind) => {
    setBusyLetter(k);
    try {
      const f = await makeLetter(d.id, k);
      saveBlob(f.blob, f.filename);
      message.success(t.letterDone(f.docNumber));
      reload();
    } catch (err) {
      message.error(errorMessage(err), 6);
    } finally {
      setBusyLetter(null);
    }
  };

  const clockNote = d.clockNote?.startsWith('calendar_not_published:') ? t.clockCalendar(d.clockNote.split(':')[1]) : null;
  return (
    <>
      <PageHeader
        title={`${t.code} ${d.code}`}
        intro={<Link to="/requests">{t.back}</Link>}
        extra={
          <Space>
            <StatusTag status={d.status} />
            {d.demo && <Tag>{t.sample}</Tag>}
          </Space>
        }
      />
      <div className="request-grid">
        <div className="request-side">
          <Card title={<h2 className="card-title">{t.clock}</h2>} className="block-gap">
            {!d.receivedOn ? (
              <Typography.Paragraph>{t.clockNotReceived}</Typography.Paragraph>
            ) : (
              <>
                <div className="request-due" aria-live="polite">
                  <DueCell item={d} asOf={today} />
                </div>
                {d.status === '待补正' && <Typography.Paragraph type="secondary">{t.clockWaiting}</Typography.Paragraph>}
                {clockNote && <Alert type="warning" showIcon title={clockNote} className="block-gap" />}
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 'from', label: t.countFrom, children: d.countFrom ?? '—' },
                    { key: 'paused', label: t.pausedDays, children: d.pausedDays },
                    { key: 'ext', label: t.extendedDays, children: d.extendedDays },
                    ...(d.correctionWindowEnds && ['办理中', '待补正'].includes(d.status) ? [{ key: 'cw', label: t.correctionWindow, children: d.correctionWindowEnds }] : []),
                    ...(d.applicantDueOn ? [{ key: 'ad', label: t.applicantDueOn, children: d.applicantDueOn }] : []),
                    ...(d.feeBasis ? [{ key: 'fee', label: t.fee, children: t.feeLine(d.feeBasis, d.feeYuan ?? 0, d.feePaidOn) }] : []),
                  ]}
                />
              </>
            )}
          </Card>
          <Card title={<h2 className="card-title">{t.actions}</h2>} className="block-gap">
            {kinds.length ? (
              <StepActions key={`${d.status}-${d.events.length}`} detail={d} kinds={kinds} options={o} onDone={reload} />
            ) : (
              <Typography.Paragraph type="secondary">{canHandle ? t.noActions : t.readOnly}</Typography.Paragraph>
            )}
          </Card>
          {canHandle && (
            <Card title={<h2 className="card-title">{t.letters}</h2>} className="block-gap">
              {letters.length ? (
                <>
                  <Typography.Paragraph type="secondary">{t.lettersHint}</Typography.Paragraph>
                  <Space wrap>
                    {letters.map((k) => (
                      <Button key={k} icon={<DownloadOutlined />} loading={busyLetter === k} onClick={() => void letter(k)}>
                        {t.download(letterName(k))}
                      </Button>
                    ))}
                  </Space>
                </>
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="办理到相应环节后可生成文书" />
              )}
            </Card>
          )}
        </div>
        <div className="request-main">
          <Card title={<h2 className="card-title">{t.facts}</h2>} className="block-gap">
            <Descriptions
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'agency', label: t.agency, children: d.agencyName },
                { key: 'channel', label: t.channelLabel, children: d.channel },
                { key: 'recv', label: t.receivedLabel, children: d.receivedOn ?? t.notReceived },
                { key: 'closed', label: t.closedLabel, children: d.closedOn ?? '—' },
                { key: 'outcome', label: t.colOutcome, children: d.outcome ? outcomeLabel(d.outcome, o.outcomes) : '—' },
                { key: 'form', label: t.preferredLabel, children: `${d.preferredForm ?? '—'} / ${d.deliveryMethod ?? '—'}` },
                ...(d.docNumber ? [{ key: 'doc', label: t.docNumberLabel, children: d.docNumber }] : []),
                ...(d.purpose ? [{ key: 'purpose', label: t.purposeLabel, children: d.purpose }] : []),
              ]}
            />
          </Card>
          {d.duplicates.length > 0 && (
            <Alert
              type="warning"
              showIcon
              className="block-gap"
              title={t.duplicates}
              description={
                <>
                  <div>{t.duplicatesHint}</div>
                  <ul className="request-list">
                    {d.duplicates.map((x) => (
                      <li key={x.id}>
                        <Link to={`/requests/${x.id}`}>{x.code}</Link> {x.receivedOn ?? ''} {x.status} · {t.similarity(x.similarity)}：{x.description.slice(0, 60)}
                      </li>
                    ))}
                  </ul>
                </>
              }
            />
          )}
          <Card title={<h2 className="card-title">{t.applicant}</h2>} className="block-gap">
            <Descriptions
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'name', label: t.applicantName, children: `${d.applicantName}（${d.applicantKind}）` },
                {
                  key: 'id',
                  label: t.idMasked,
                  children: (
                    <>
                      <span aria-live="polite">{identity ?? (d.applicantIdMasked ? `${d.applicantIdKind ?? ''} ${d.applicantIdMasked}` : '—')}</span>
                      {d.mayViewIdentity && d.applicantIdMasked && !identity && (
                        <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => void showIdentity()} title={t.viewIdNote}>
                          {t.viewId}
                        </Button>
                      )}
                    </>
                  ),
                },
                { key: 'contact', label: t.contact, children: [d.applicantPhone, d.applicantEmail].filter(Boolean).join('，') || '—' },
                { key: 'addr', label: t.address, children: d.applicantAddress ?? '—' },
                {
                  key: 'volume',
                  label: t.volume,
                  children: d.volume ? (
                    <>
                      {t.volumeLine(d.volume.month, d.volume.count, d.volume.position)}
                      {d.volume.watch && <Tag color="#ad4e00" className="tag-gap">{t.volumeWatch}</Tag>}
                    </>
                  ) : (
                    '—'
                  ),
                },
              ]}
            />
            <h3 className="request-subtitle">{t.files}</h3>
            {d.files.length === 0 ? (
              <Typography.Text type="secondary">{t.noFiles}</Typography.Text>
            ) : (
              <ul className="request-list">
                {d.files.map((f) => (
                  <li key={f.fileId}>
                    {f.restricted && !d.mayViewIdentity ? (
                      <span>{`${f.kind}：${f.name}`}</span>
                    ) : (
                      <a href={fileUrl(d.id, f.fileId)} onClick={() => setTimeout(reload, 800)}>
                        {t.openFile(`${f.kind}：${f.name}`)}
                      </a>
                    )}
                    {f.restricted && <Tag className="tag-gap">{t.restricted}</Tag>}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title={<h2 className="card-title">{t.items}</h2>} className="block-gap">
            <ol className="request-items">
              {d.items.map((i) => (
                <li key={i.id}>
                  <div className="request-item-desc">{i.description}</div>
                  <div className={i.outcome ? '' : 'text-muted'}>
                    {i.outcome ? `${outcomeLabel(i.outcome, o.outcomes)}（${t.basis(o.outcomes.find((x) => x.code === i.outcome)?.basis ?? '')}）` : t.undecided}
                  </div>
                  {i.reason && <div className="cell-note">{i.reason}</div>}
                </li>
              ))}
            </ol>
          </Card>
          <Card title={<h2 className="card-title">{t.timeline}</h2>} className="block-gap">
            {d.events.length === 0 ? (
              <Empty description={t.noEvents} />
            ) : (
              <Timeline
                items={d.events.map((e) => ({
                  key: e.id,
                  color: e.kind === 'delivered' ? 'green' : e.kind === 'reopened' ? 'red' : e.voided ? 'gray' : 'blue',
                  content: (
                    <div className="step-entry">
                      <Typography.Text strong delete={e.voided}>
                        {e.on} {t.event[e.kind] ?? e.kind}
                      </Typography.Text>
                      <span className="text-muted">
                        {' '}
                        {formatDateTime(String(e.createdAt))} · {e.by ?? '系统'}
                      </span>
                      {eventDetail(e, o.outcomes) && <div>{eventDetail(e, o.outcomes)}</div>}
                      {e.note && <div className="cell-note">{e.note}</div>}
                    </div>
                  ),
                }))}
              />
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
