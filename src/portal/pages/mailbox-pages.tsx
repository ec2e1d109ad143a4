import { ProvisionalNote, SubTabs } from '../components.tsx';
import type { FormChallenge } from '../../platform/public-intake/form-challenge.ts';
import { ChallengeFields, ChallengeScript } from '../challenge-fields.tsx';
import { Layout, type SiteInfo } from '../layout.tsx';
import { MESSAGE_TYPES, PETITION_NOTICE, RATINGS, STATUS_LABELS, type MessageStatus } from '../../modules/mailbox/strings.ts';

export interface WriteFormProps {
  site: SiteInfo;
  units: { id: string; name: string }[];
  challenge: FormChallenge | null;
  submissionToken: string;
  error?: string;
  values?: Record<string, string>;
}

function MailboxTabs({ current }: { current: string }) {
  const tabs = [
    { href: '/hdjl/xx', label: '我要写信' },
    { href: '/hdjl/xx/cx', label: '办理查询' },
    { href: '/hdjl/wyly', label: '网民留言选登' },
  ];
  return <SubTabs label="公开信箱" tabs={tabs} current={current} />;
}

/** 我要写信: a plain HTML form (multipart, for attachments) that works without JavaScript. */
export function WritePage(p: WriteFormProps) {
  const v = p.values ?? {};
  return (
    <Layout site={p.site} title="公开信箱" current="/hdjl/xx" head={<ChallengeScript />}>
      <h1>公开信箱</h1>
      <MailboxTabs current="/hdjl/xx" />
      <p>咨询类留言一般在 5 个工作日内答复，建议、投诉、求助等在 15 个工作日内答复。提交后请记下查询码，凭查询码查看办理情况和答复。</p>
      {p.error ? (
        <p className="error" role="alert">
          {p.error}
        </p>
      ) : null}
      <form className="mail-form" method="post" action="/hdjl/xx" encType="multipart/form-data">
        <fieldset>
          <legend>留言类型</legend>
          {MESSAGE_TYPES.map((t) => (
            <label key={t} className="choice">
              <input type="radio" name="type" value={t} defaultChecked={(v.type ?? '咨询') === t} required /> {t}
            </label>
          ))}
        </fieldset>
        <p>
          <label htmlFor="unit">写给（可不选，由区政府办公室转交）</label>
          <select id="unit" name="unit" defaultValue={v.unit ?? ''}>
            <option value="">不指定单位</option>
            {p.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label htmlFor="title">标题（必填）</label>
          <input id="title" name="title" required maxLength={100} defaultValue={v.title} />
        </p>
        <p>
          <label htmlFor="body">留言内容（必填，5000 字以内）</label>
          <textarea id="body" name="body" required minLength={5} maxLength={5000} rows={8} defaultValue={v.body} />
        </p>
        <p>
          <label htmlFor="name">姓名（必填，不公开）</label>
          <input id="name" name="name" required maxLength={50} autoComplete="name" defaultValue={v.name} />
        </p>
        <p>
          <label htmlFor="phone">联系电话（电话、邮箱至少填一项，不公开）</label>
          <input id="phone" name="phone" type="tel" maxLength={30} autoComplete="tel" defaultValue={v.phone} />
        </p>
        <p>
          <label htmlFor="email">电子邮箱</label>
          <input id="email" name="email" type="email" maxLength={254} autoComplete="email" defaultValue={v.email} />
        </p>
        <p>
          <label htmlFor="attachments">附件（最多 3 个：PDF、Word、Excel、图片或文本）</label>
          <input id="attachments" name="attachments" type="file" multiple accept=".pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg,.gif,.webp,.txt" />
        </p>
        <p>
          <label className="choice">
            <input type="checkbox" name="consent" value="on" defaultChecked={v.consent === 'on'} /> 同意在去除个人信息后公开我的留言和答复
          </label>
        </p>
        <ChallengeFields challenge={p.challenge} submissionToken={p.submissionToken} />
        <p>
          <button type="submit">提交留言</button>
        </p>
      </form>
    </Layout>
  );
}

/** After submitting: the query code and the expected reply date. */
export function ReceiptPage(p: { site: SiteInfo; code: string; dueDate: string; dueProvisional: boolean; petition: boolean }) {
  return (
    <Layout site={p.site} title="留言已提交" current="/hdjl/xx">
      <h1>留言已提交</h1>
      <MailboxTabs current="/hdjl/xx" />
      <p>
        您的查询码：<strong className="code">{p.code}</strong>
      </p>
      <p>
        预计答复日期：{p.dueDate} 前{p.dueProvisional ? <ProvisionalNote date={p.dueDate} provisional /> : '（遇法定节假日顺延）'}。请妥善保存查询码，凭码查看办理情况和答复。
      </p>
      {p.petition ? <p className="notice">{PETITION_NOTICE}</p> : null}
      <p>
        <a href={`/hdjl/xx/cx?code=${encodeURIComponent(p.code)}`}>查看办理情况</a>
      </p>
    </Layout>
  );
}

export interface StatusView {
  code: string;
  status: MessageStatus;
  dueDate: string;
  dueProvisional: boolean;
  receivedAt: Date | string;
  title: string;
  petition: boolean;
  reply: { text: string; html: string | null; unit: string | null; repliedOn: string | null; rating: string | null; canRate: boolean } | null;
}

/** 办理查询: enter the code; see the status, the reply, and rate it. */
export function QueryPage(p: { site: SiteInfo; code?: string; error?: string; view?: StatusView; rated?: boolean }) {
  const v = p.view;
  return (
    <Layout site={p.site} title="办理查询" current="/hdjl/xx">
      <h1>办理查询</h1>
      <MailboxTabs current="/hdjl/xx/cx" />
      <form className="inline-search" method="get" action="/hdjl/xx/cx">
        <label htmlFor="code">查询码</label>
        <input id="code" name="code" required maxLength={64} placeholder="如 XX2026-7K4MQ-9XDR2" defaultValue={p.code} autoComplete="off" />
        <button type="submit">查询</button>
      </form>
      {p.error ? (
        <p className="error" role="alert">
          {p.error}
        </p>
      ) : null}
      {p.rated ? <p role="status">感谢您的评价。</p> : null}
      {v ? (
        <section aria-labelledby="st-h" className="panel">
          <h2 id="st-h">{v.title}</h2>
          <div className="body">
            <dl className="meta">
              <dt>查询码</dt>
              <dd>{v.code}</dd>
              <dt>办理状态</dt>
              <dd>{STATUS_LABELS[v.status]}</dd>
              <dt>答复期限</dt>
              <dd>
                {v.dueDate}
                <ProvisionalNote date={v.dueDate} provisional={v.dueProvisional} />
              </dd>
            </dl>
            {v.petition ? <p className="notice">{PETITION_NOTICE}</p> : null}
            {v.reply ? (
              <>
                <h3>答复{v.reply.unit ? `（${v.reply.unit}，${v.reply.repliedOn ?? ''}）` : ''}</h3>
                {v.reply.html ? <div className="reply" dangerouslySetInnerHTML={{ __html: v.reply.html }} /> : <p>{v.reply.text}</p>}
                {v.reply.rating ? <p>您的评价：{v.reply.rating}</p> : null}
                {v.reply.canRate ? (
                  <form method="post" action="/hdjl/xx/pj">
                    <input type="hidden" name="code" value={v.code} />
                    <fieldset>
                      <legend>请评价本次答复</legend>
                      {RATINGS.map((r) => (
                        <label key={r} className="choice">
                          <input type="radio" name="rating" value={r} required /> {r}
                        </label>
                      ))}
                    </fieldset>
                    <button type="submit">提交评价</button>
                  </form>
                ) : null}
              </>
            ) : null}
          </div>
        </section>
      ) : null}
    </Layout>
  );
}

export interface PublishedView {
  items: { summary: string; acceptedOn: string; repliedOn: string; replyUnit: string; reply: string }[];
  total: number;
  page: number;
  pages: number;
  stats: { month: string; received: number; replied: number; repliedOnTime: number; averageDays: number; satisfaction: number | null }[];
}

/** 网民留言选登: exactly 留言摘要, 受理日期, 答复日期, 答复部门, 答复内容; and the monthly figures. */
export function PublishedPage(p: { site: SiteInfo } & PublishedView) {
  return (
    <Layout site={p.site} title="网民留言选登" current="/hdjl/xx">
      <h1>网民留言选登</h1>
      <MailboxTabs current="/hdjl/wyly" />
      {p.items.length === 0 ? <p className="empty">暂无公开的留言</p> : null}
      {p.items.map((m, i) => (
        <article className="panel published-message" key={i}>
          <dl className="meta">
            <dt>留言摘要</dt>
            <dd>{m.summary}</dd>
            <dt>受理日期</dt>
            <dd>{m.acceptedOn}</dd>
            <dt>答复日期</dt>
            <dd>{m.repliedOn}</dd>
            <dt>答复部门</dt>
            <dd>{m.replyUnit}</dd>
            <dt>答复内容</dt>
            <dd className="reply-text">{m.reply}</dd>
          </dl>
        </article>
      ))}
      {p.pages > 1 ? (
        <nav className="pager" aria-label="分页">
          {p.page > 1 ? <a href={`/hdjl/wyly?page=${p.page - 1}`}>上一页</a> : null}
          <span>
            第 {p.page} / {p.pages} 页
          </span>
          {p.page < p.pages ? <a href={`/hdjl/wyly?page=${p.page + 1}`}>下一页</a> : null}
        </nav>
      ) : null}
      <section aria-labelledby="stats-h">
        <h2 id="stats-h">月度办理情况</h2>
        <table className="stats">
          <thead>
            <tr>
              <th scope="col">月份</th>
              <th scope="col">收到</th>
              <th scope="col">已答复</th>
              <th scope="col">按期答复</th>
              <th scope="col">平均工作日</th>
              <th scope="col">满意率</th>
            </tr>
          </thead>
          <tbody>
            {p.stats.map((s) => (
              <tr key={s.month}>
                <td>{s.month}</td>
                <td>{s.received}</td>
                <td>{s.replied}</td>
                <td>{s.repliedOnTime}</td>
                <td>{s.averageDays}</td>
                <td>{s.satisfaction === null ? '—' : `${s.satisfaction}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </Layout>
  );
}
