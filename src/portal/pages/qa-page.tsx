import type { FormChallenge } from '../../platform/public-intake/form-challenge.ts';
import { ChallengeFields, ChallengeScript } from '../challenge-fields.tsx';
import { docUrl, ProvisionalNote } from '../components.tsx';
import { Layout, type SiteInfo } from '../layout.tsx';

/** The registration form's anti-abuse fields (public-intake kernel): the challenge (null when off) and the submission token. */
export interface RegisterFormGuard {
  challenge: FormChallenge | null;
  submissionToken: string;
}

/** What the 一网答 page shows: the form, and after a question one of answer / suggestions / register. */
export type QaView =
  | { kind: 'ask'; error?: string; question?: string }
  | {
      kind: 'answer';
      consultationId: string;
      question: string;
      entryQuestion: string;
      answerHtml: string;
      policies: { id: string; title: string; docNumber: string | null; validity: string }[];
      feedback?: 'thanks';
    }
  | { kind: 'suggest'; consultationId: string; question: string; suggestions: { entryId: string; question: string }[]; elsewhere?: string | null; form: RegisterFormGuard }
  | { kind: 'register'; consultationId: string; question: string; elsewhere?: string | null; error?: string; values?: { askerName?: string; askerContact?: string; askerEmail?: string }; form: RegisterFormGuard }
  | { kind: 'registered'; queryCode: string; dueOn: string; dueProvisional: boolean; question: string }
  | { kind: 'lookup'; code?: string; error?: string; result?: { queryCode: string | null; question: string; status: string; receivedOn: string | null; dueOn: string | null; dueProvisional: boolean; replyHtml: string | null; unitName: string | null } }
  | { kind: 'limited'; message: string };

const STATUS: Record<string, string> = { registered: '办理中', replied: '已答复', answered: '已解答', open: '未登记' };
const VALIDITY: Record<string, string> = { valid: '现行有效', amended: '已修改', repealed: '已废止', expired: '已失效' };

function AskForm({ question, error }: { question?: string; error?: string }) {
  return (
    <form className="qa-ask" action="/yiwangda" method="post">
      <label htmlFor="qa-q">请输入您要咨询的政策问题</label>
      <textarea id="qa-q" name="question" rows={3} maxLength={500} required defaultValue={question} aria-describedby={error ? 'qa-q-err' : 'qa-q-hint'} aria-invalid={error ? true : undefined} />
      <p id="qa-q-hint" className="muted">例如：公租房怎么申请？申请政府信息公开要收费吗？（不超过 500 字，请勿填写身份证号等个人信息）</p>
      {error ? (
        <p id="qa-q-err" className="qa-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit">提问</button>
    </form>
  );
}

function FeedbackForm({ consultationId }: { consultationId: string }) {
  return (
    <form className="qa-feedback" action="/yiwangda/feedback" method="post">
      <input type="hidden" name="consultationId" value={consultationId} />
      <span id="fb-label">这个回答对您有帮助吗？</span>
      <button type="submit" name="useful" value="true" aria-describedby="fb-label">
        有用
      </button>
      <button type="submit" name="useful" value="false" aria-describedby="fb-label">
        没用
      </button>
    </form>
  );
}

/** Why a question naming another place is not answered from this district's library. */
function Elsewhere({ place, district, suggested }: { place?: string | null; district: string; suggested: boolean }) {
  if (!place) return null;
  return (
    <p className="qa-elsewhere">
      您的问题提到“{place}”。本问答库答复的是{district}的政策，其他地方的规定可能不同{suggested ? '，下列问题仅供参考' : ''}；需要答复的，请登记问题。
    </p>
  );
}

export function QaPage({ site, view }: { site: SiteInfo; view: QaView }) {
  return (
    <Layout site={site} title={view.kind === 'lookup' ? '一网答 · 查询答复' : '一网答 · 政策咨询'} current="/yiwangda" head={
        <>
          <meta name="robots" content="noindex" />
          {view.kind === 'suggest' || view.kind === 'register' ? <ChallengeScript /> : null}
        </>
      }
    >
      <div className="page-head">
        <h1>一网答 · 政策咨询</h1>
        <a href="/yiwangda/chaxun">凭查询码查看答复</a>
      </div>
      {view.kind === 'ask' ? (
        <section className="panel" aria-labelledby="ask-h">
          <h2 id="ask-h">我要提问</h2>
          <div className="body">
            <AskForm question={view.question} error={view.error} />
          </div>
        </section>
      ) : null}
      {view.kind === 'limited' ? (
        <section className="panel" aria-labelledby="lim-h">
          <h2 id="lim-h">请稍后再试</h2>
          <div className="body">
            <p className="qa-error" role="alert">
              {view.message}
            </p>
            <p>
              <a href="/yiwangda">返回一网答</a>
            </p>
          </div>
        </section>
      ) : null}
      {view.kind === 'answer' ? (
        <section className="panel qa-answer" aria-labelledby="ans-h">
          <h2 id="ans-h">答复</h2>
          <div className="body">
            <p className="muted">您的问题：{view.question}</p>
            <h3>{view.entryQuestion}</h3>
            <div className="qa-answer-body" dangerouslySetInnerHTML={{ __html: view.answerHtml }} />
            {view.policies.length ? (
              <div className="qa-policies">
                <h4>政策依据</h4>
                <ul>
                  {view.policies.map((p) => (
                    <li key={p.id}>
                      <a href={docUrl(p.id)}>{p.title}</a>
                      {p.docNumber ? <span className="muted">（{p.docNumber}）</span> : null}
                      {p.validity !== 'valid' ? <span className={`tag tag-${p.validity}`}>{VALIDITY[p.validity] ?? p.validity}</span> : null}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {view.feedback === 'thanks' ? (
              <p role="status">感谢您的评价。</p>
            ) : (
              <FeedbackForm consultationId={view.consultationId} />
            )}
            <p>
              <a href="/yiwangda">继续提问</a>
            </p>
          </div>
        </section>
      ) : null}
      {view.kind === 'suggest' ? (
        <section className="panel" aria-labelledby="sug-h">
          <h2 id="sug-h">您是否想问</h2>
          <div className="body">
            <p className="muted">您的问题：{view.question}</p>
            <Elsewhere place={view.elsewhere} district={site.district} suggested />
            <ul className="qa-suggestions">
              {view.suggestions.map((s) => (
                <li key={s.entryId}>
                  <form action="/yiwangda/take" method="post">
                    <input type="hidden" name="consultationId" value={view.consultationId} />
                    <input type="hidden" name="entryId" value={s.entryId} />
                    <button type="submit" className="linklike">
                      {s.question}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
            <p>都不是？请留下联系方式登记您的问题，我们将在 5 个工作日内答复。</p>
            <RegisterForm consultationId={view.consultationId} guard={view.form} />
          </div>
        </section>
      ) : null}
      {view.kind === 'register' ? (
        <section className="panel" aria-labelledby="reg-h">
          <h2 id="reg-h">登记您的问题</h2>
          <div className="body">
            <p className="muted">您的问题：{view.question}</p>
            <Elsewhere place={view.elsewhere} district={site.district} suggested={false} />
            <p>问答库中暂时没有找到这个问题的答案。请留下联系方式登记，我们将交由制定政策的部门在 5 个工作日内答复。</p>
            <RegisterForm consultationId={view.consultationId} guard={view.form} error={view.error} values={view.values} />
          </div>
        </section>
      ) : null}
      {view.kind === 'registered' ? (
        <section className="panel" aria-labelledby="done-h">
          <h2 id="done-h">已登记</h2>
          <div className="body">
            <p>您的问题已登记：{view.question}</p>
            <p className="qa-code">
              查询码：<strong>{view.queryCode}</strong>
            </p>
            <p>
              答复期限：<strong>{view.dueOn}</strong> 前<ProvisionalNote date={view.dueOn} provisional={view.dueProvisional} />。请记下查询码，凭它在 <a href={`/yiwangda/chaxun?code=${view.queryCode}`}>查询页面</a> 查看办理情况和答复。
            </p>
          </div>
        </section>
      ) : null}
      {view.kind === 'lookup' ? (
        <section className="panel" aria-labelledby="look-h">
          <h2 id="look-h">凭查询码查看答复</h2>
          <div className="body">
            <form className="qa-lookup" action="/yiwangda/chaxun" method="get">
              <label htmlFor="qa-code">查询码</label>
              <input id="qa-code" name="code" maxLength={40} required defaultValue={view.code} autoComplete="off" aria-invalid={view.error ? true : undefined} aria-describedby={view.error ? 'code-err' : undefined} />
              <button type="submit">查询</button>
            </form>
            {view.error ? (
              <p id="code-err" className="qa-error" role="alert">
                {view.error}
              </p>
            ) : null}
            {view.result ? (
              <dl className="qa-result">
                <dt>问题</dt>
                <dd>{view.result.question}</dd>
                <dt>状态</dt>
                <dd>{STATUS[view.result.status] ?? view.result.status}</dd>
                <dt>登记日期</dt>
                <dd>{view.result.receivedOn ?? '—'}</dd>
                <dt>答复期限</dt>
                <dd>
                  {view.result.dueOn ?? '—'}
                  <ProvisionalNote date={view.result.dueOn} provisional={view.result.dueProvisional} />
                </dd>
                {view.result.replyHtml ? (
                  <>
                    <dt>答复单位</dt>
                    <dd>{view.result.unitName ?? '—'}</dd>
                    <dt>答复内容</dt>
                    <dd className="qa-answer-body" dangerouslySetInnerHTML={{ __html: view.result.replyHtml }} />
                  </>
                ) : null}
              </dl>
            ) : null}
          </div>
        </section>
      ) : null}
    </Layout>
  );
}

function RegisterForm({ consultationId, guard, error, values }: { consultationId: string; guard: RegisterFormGuard; error?: string; values?: { askerName?: string; askerContact?: string; askerEmail?: string } }) {
  return (
    <form className="qa-register" action="/yiwangda/register" method="post">
      <input type="hidden" name="consultationId" value={consultationId} />
      <p className="muted" id="reg-note">
        联系方式仅用于答复您，不会公开。手机号码和电子邮箱至少填写一项。
      </p>
      <label htmlFor="reg-name">称呼（选填）</label>
      <input id="reg-name" name="askerName" maxLength={50} autoComplete="name" defaultValue={values?.askerName} />
      <label htmlFor="reg-phone">手机号码</label>
      <input id="reg-phone" name="askerContact" type="tel" maxLength={20} autoComplete="tel" inputMode="tel" defaultValue={values?.askerContact} aria-describedby="reg-note" />
      <label htmlFor="reg-email">电子邮箱</label>
      <input id="reg-email" name="askerEmail" type="email" maxLength={200} autoComplete="email" defaultValue={values?.askerEmail} aria-describedby="reg-note" />
      <ChallengeFields challenge={guard.challenge} submissionToken={guard.submissionToken} />
      {error ? (
        <p className="qa-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit">登记问题</button>
    </form>
  );
}
