import { SubTabs } from '../components.tsx';
import type { FormChallenge } from '../../platform/public-intake/form-challenge.ts';
import { APPLICANT_KINDS } from '../../modules/requests/outcomes.ts';
import { DELIVERY_METHODS, ID_KINDS, PREFERRED_FORMS } from '../../modules/requests/statuses.ts';
import { ChallengeFields, ChallengeScript } from '../challenge-fields.tsx';
import { Layout, type SiteInfo } from '../layout.tsx';

const ORG_KINDS = APPLICANT_KINDS.filter((k) => k !== '自然人');

function RequestTabs({ current }: { current: string }) {
  const tabs = [
    { href: '/ysqgk', label: '提交申请' },
    { href: '/ysqgk/cx', label: '办理查询' },
    { href: '/xxgk/zn', label: '政府信息公开指南' },
  ];
  return <SubTabs label="依申请公开" tabs={tabs} current={current} />;
}

export interface RequestFormProps {
  site: SiteInfo;
  agencies: { id: string; name: string }[];
  challenge: FormChallenge | null;
  submissionToken: string;
  error?: string;
  values?: Record<string, string>;
}

const Radios = ({ name, legend, values, checked }: { name: string; legend: string; values: readonly string[]; checked?: string }) => (
  <fieldset>
    <legend>{legend}</legend>
    {values.map((t) => (
      <label key={t} className="choice">
        <input type="radio" name={name} value={t} defaultChecked={checked === t} required /> {t}
      </label>
    ))}
  </fieldset>
);

/** 提交政府信息公开申请: a plain multipart form (the proof of identity is a file) that works without JavaScript. */
export function RequestFormPage(p: RequestFormProps) {
  const v = p.values ?? {};
  return (
    <Layout site={p.site} title="依申请公开" current="/ysqgk" head={<ChallengeScript />}>
      <h1>政府信息公开申请</h1>
      <RequestTabs current="/ysqgk" />
      <p>
        依据《中华人民共和国政府信息公开条例》第二十七条至第二十九条，公民、法人或者其他组织可以向行政机关申请获取相关政府信息。已经主动公开的信息，可先在
        <a href="/search">站内搜索</a>或<a href="/xxgk/ml">政府信息公开目录</a>中查找。
      </p>
      <p>提交后请记下查询码。受理机关将与您确认收到申请，自收到申请之日起 20 个工作日内答复（需要补正、征求意见或延期的，按条例规定计算）。身份证明材料仅用于办理本申请，不予公开。</p>
      {p.error ? (
        <p className="error" role="alert">
          {p.error}
        </p>
      ) : null}
      <form className="mail-form" method="post" action="/ysqgk" encType="multipart/form-data">
        <p>
          <label htmlFor="agencyUnitId">受理机关（必填）</label>
          <select id="agencyUnitId" name="agencyUnitId" required defaultValue={v.agencyUnitId ?? ''}>
            <option value="">请选择</option>
            {p.agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </p>
        <fieldset>
          <legend>申请人类型（必填）</legend>
          <label className="choice">
            <input type="radio" name="applicantKind" value="自然人" defaultChecked={(v.applicantKind ?? '自然人') === '自然人'} required /> 自然人
          </label>
          <span className="choice-group">法人或其他组织：</span>
          {ORG_KINDS.map((k) => (
            <label key={k} className="choice">
              <input type="radio" name="applicantKind" value={k} defaultChecked={v.applicantKind === k} required /> {k}
            </label>
          ))}
        </fieldset>
        <p>
          <label htmlFor="applicantName">姓名或名称（必填）</label>
          <input id="applicantName" name="applicantName" required maxLength={100} autoComplete="name" defaultValue={v.applicantName} />
        </p>
        <p>
          <label htmlFor="applicantIdKind">证件类型（必填）</label>
          <select id="applicantIdKind" name="applicantIdKind" required defaultValue={v.applicantIdKind ?? ''}>
            <option value="">请选择</option>
            {ID_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label htmlFor="applicantIdNumber">证件号码或统一社会信用代码（必填）</label>
          <input id="applicantIdNumber" name="applicantIdNumber" required maxLength={40} autoComplete="off" defaultValue={v.applicantIdNumber} />
        </p>
        <p>
          <label htmlFor="idProof">身份证明材料（必填，1–3 个，JPG、PNG 或 PDF；不公开）</label>
          <input id="idProof" name="idProof" type="file" multiple required accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf" />
        </p>
        <p>
          <label htmlFor="applicantPhone">联系电话（电话、邮箱至少填一项）</label>
          <input id="applicantPhone" name="applicantPhone" type="tel" maxLength={30} autoComplete="tel" defaultValue={v.applicantPhone} />
        </p>
        <p>
          <label htmlFor="applicantEmail">电子邮箱</label>
          <input id="applicantEmail" name="applicantEmail" type="email" maxLength={254} autoComplete="email" defaultValue={v.applicantEmail} />
        </p>
        <p>
          <label htmlFor="applicantAddress">通信地址（选择邮寄的必填）</label>
          <input id="applicantAddress" name="applicantAddress" maxLength={300} autoComplete="street-address" defaultValue={v.applicantAddress} />
        </p>
        <p>
          <label htmlFor="description">所需政府信息的名称或内容描述（必填，5000 字以内）</label>
          <textarea id="description" name="description" required minLength={5} maxLength={5000} rows={6} defaultValue={v.description} />
        </p>
        <p>
          <label htmlFor="docNumber">文件名称、文号（知道的请填写）</label>
          <input id="docNumber" name="docNumber" maxLength={200} defaultValue={v.docNumber} />
        </p>
        <p>
          <label htmlFor="purpose">用途（选填）</label>
          <textarea id="purpose" name="purpose" maxLength={1000} rows={2} defaultValue={v.purpose} />
        </p>
        <Radios name="preferredForm" legend="获取信息的形式（必填）" values={PREFERRED_FORMS} checked={v.preferredForm} />
        <Radios name="deliveryMethod" legend="获取信息的方式（必填）" values={DELIVERY_METHODS} checked={v.deliveryMethod} />
        <ChallengeFields challenge={p.challenge} submissionToken={p.submissionToken} />
        <p>
          <button type="submit">提交申请</button>
        </p>
      </form>
    </Layout>
  );
}

/** After filing: the query code and what happens next. */
export function RequestReceiptPage(p: { site: SiteInfo; code: string; agencyName: string }) {
  return (
    <Layout site={p.site} title="申请已提交" current="/ysqgk">
      <h1>申请已提交</h1>
      <RequestTabs current="/ysqgk" />
      <p>
        您的查询码：<strong className="code">{p.code}</strong>
      </p>
      <p>请妥善保存查询码，凭码查看办理情况。</p>
      <section className="panel" aria-labelledby="next-h">
        <h2 id="next-h">接下来</h2>
        <div className="body">
          <ol>
            <li>{p.agencyName}将与您联系，确认收到申请。通过互联网提交的申请，以双方确认之日为收到申请之日（条例第三十一条）。</li>
            <li>申请内容不明确的，受理机关在收到申请之日起 7 个工作日内一次性告知需要补正的事项；答复期限自收到补正材料之日起计算。</li>
            <li>能够当场答复的当场答复；不能当场答复的，自收到申请之日起 20 个工作日内答复。需要延长的，经批准可延长不超过 20 个工作日，并告知您。</li>
            <li>一般不收费；申请数量、频次明显超过合理范围的，可能按国办函〔2020〕109号收取信息处理费，届时会书面通知。</li>
          </ol>
        </div>
      </section>
      <p>
        <a href={`/ysqgk/cx?code=${encodeURIComponent(p.code)}`}>查看办理情况</a>
      </p>
    </Layout>
  );
}

export interface RequestStatusView {
  code: string;
  statusText: string;
  next: string;
  agencyName: string;
  submittedOn: string;
  receivedOn: string | null;
  dueOn: string | null;
  dueNote: string | null;
  closedOn: string | null;
  outcome: string | null;
  complaint: boolean;
}

/** 办理查询: the state of a request by its code — no personal data, no request text. */
export function RequestStatusPage(p: { site: SiteInfo; code?: string; error?: string; view?: RequestStatusView }) {
  const v = p.view;
  return (
    <Layout site={p.site} title="申请办理查询" current="/ysqgk">
      <h1>申请办理查询</h1>
      <RequestTabs current="/ysqgk/cx" />
      <form className="inline-search" method="get" action="/ysqgk/cx">
        <label htmlFor="code">查询码</label>
        <input id="code" name="code" required maxLength={64} placeholder="如 YS2026-7K4MQ-9XDR2" defaultValue={p.code} autoComplete="off" />
        <button type="submit">查询</button>
      </form>
      {p.error ? (
        <p className="error" role="alert">
          {p.error}
        </p>
      ) : null}
      {v ? (
        <section aria-labelledby="st-h" className="panel">
          <h2 id="st-h">{v.statusText}</h2>
          <div className="body">
            <dl className="meta">
              <dt>查询码</dt>
              <dd>{v.code}</dd>
              <dt>受理机关</dt>
              <dd>{v.agencyName}</dd>
              <dt>提交日期</dt>
              <dd>{v.submittedOn}</dd>
              <dt>收到申请日期</dt>
              <dd>{v.receivedOn ?? '待确认'}</dd>
              <dt>答复期限</dt>
              <dd>{v.dueOn ?? v.dueNote ?? (v.receivedOn ? '暂停计算' : '确认收到后计算')}</dd>
              {v.outcome ? (
                <>
                  <dt>办理结果</dt>
                  <dd>{v.outcome}</dd>
                </>
              ) : null}
              {v.closedOn ? (
                <>
                  <dt>办结日期</dt>
                  <dd>{v.closedOn}</dd>
                </>
              ) : null}
            </dl>
            <p>{v.next}</p>
            {v.complaint ? <p className="notice">您的申请属于信访、投诉、举报事项，不作为政府信息公开申请处理（条例第三十九条），已转入公开信箱按投诉办理。</p> : null}
          </div>
        </section>
      ) : null}
    </Layout>
  );
}
