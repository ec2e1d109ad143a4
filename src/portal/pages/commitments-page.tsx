import { COMMITMENT_STATES, type CommitmentState } from '../../modules/opinion/kinds.ts';
import type { PublicCommitments } from '../../modules/opinion/public/list-public-commitments.ts';
import { Breadcrumb, Pagination } from '../components.tsx';
import { Layout, type SiteInfo } from '../layout.tsx';

export const COMMITMENTS_URL = '/chengnuo';

const STATE_CLASS: Record<CommitmentState, string> = { 未到期: 'st-open', 按期完成: 'st-ok', 逾期完成: 'st-late', 逾期未完成: 'st-bad' };

/** 回应承诺办理情况: every commitment made when responding to opinion, and whether it was kept. */
export function CommitmentsPage({ site, data, state }: { site: SiteInfo; data: PublicCommitments; state: CommitmentState | null }) {
  const href = (n: number, s: CommitmentState | null = state) => {
    const q = [s ? `state=${encodeURIComponent(s)}` : '', n > 1 ? `page=${n}` : ''].filter(Boolean).join('&');
    return q ? `${COMMITMENTS_URL}?${q}` : COMMITMENTS_URL;
  };
  const all = COMMITMENT_STATES.reduce((s, k) => s + data.counts[k], 0);
  return (
    <Layout site={site} title={`回应承诺办理情况${state ? ` · ${state}` : ''}`} current="/chengnuo" description="政务舆情回应中作出的承诺及其办理、公开情况">
      <Breadcrumb items={[{ label: '首页', href: '/' }, { label: '回应承诺办理情况' }]} />
      <div className="page-head">
        <h1>回应承诺办理情况</h1>
      </div>
      <section className="panel" aria-labelledby="cn-h">
        <h2 id="cn-h">承诺清单</h2>
        <div className="body">
          <p className="site-note">回应政务舆情时作出的承诺，逐项登记、跟踪办理，办理结果在此公开。</p>
          <nav className="validity-tabs" aria-label="按办理状态查看">
            <ul>
              {([null, ...COMMITMENT_STATES] as const).map((s) => (
                <li key={s ?? 'all'}>
                  <a href={href(1, s)} aria-current={s === state ? 'page' : undefined}>
                    {s ?? '全部'}
                    <span className="count">{s ? data.counts[s] : all}</span>
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {data.items.length ? (
            <>
              <p className="summary">
                共 {data.total} 项{data.pages > 1 ? `，第 ${data.page} / ${data.pages} 页` : ''}
              </p>
              <ul className="commitments">
                {data.items.map((c) => (
                  <li key={c.id}>
                    <p className="cn-text">
                      {c.isSample ? <span className="cn-sample">示例</span> : null}
                      {c.text}
                    </p>
                    <dl className="cn-facts">
                      <div>
                        <dt>承诺单位</dt>
                        <dd>{c.unitName}</dd>
                      </div>
                      <div>
                        <dt>承诺完成时间</dt>
                        <dd>{c.promisedOn}</dd>
                      </div>
                      <div>
                        <dt>实际完成时间</dt>
                        <dd>{c.fulfilledOn ?? '—'}</dd>
                      </div>
                      <div>
                        <dt>办理状态</dt>
                        <dd>
                          <span className={`cn-state ${STATE_CLASS[c.state]}`}>{c.state}</span>
                        </dd>
                      </div>
                      {c.published ? (
                        <div>
                          <dt>办理结果</dt>
                          <dd>
                            <a href={c.published.href}>{c.published.title}</a>
                          </dd>
                        </div>
                      ) : null}
                    </dl>
                  </li>
                ))}
              </ul>
              <Pagination page={data.page} pages={data.pages} href={(n) => href(n)} />
            </>
          ) : (
            <p>{state ? `暂无“${state}”的承诺。` : '暂无回应承诺。'}</p>
          )}
        </div>
      </section>
    </Layout>
  );
}
