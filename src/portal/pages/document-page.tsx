import type { PublicDocumentPage } from '../../modules/catalog/public/get-public-document.ts';
import { ceasedValidity } from '../../modules/catalog/normative-kind.ts';
import { shanghaiDateTime, shanghaiDay } from '../../modules/catalog/public/sql.ts';
import { Breadcrumb, columnCrumbs, columnUrl, docUrl, navOf, VALIDITY_LABEL } from '../components.tsx';
import { Layout, type SiteInfo } from '../layout.tsx';

const CEASED_ON_LABEL: Record<string, string> = { repealed: '废止日期', expired: '失效日期' };

const FORM_LABEL: Record<string, string> = { text: '文字解读', image: '图片解读', video: '视频解读' };

function size(bytes: number) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The metadata block government sites show above a document, two fields to a row. */
function MetaTable({ data }: { data: PublicDocumentPage }) {
  const { doc } = data;
  const dash = (v: string | null | undefined) => (v && v.trim() ? v : '—');
  const fields: [string, string][] = [
    ['索引号', doc.indexNo],
    ['发布机构', doc.publisher],
    ['成文日期', dash(doc.writtenOn)],
    ['发布日期', shanghaiDay(doc.publishedAt)],
    ['发文字号', dash(doc.docNumber)],
    ['主题分类', dash(doc.topic)],
    // 规章 and 行政规范性文件 say so, with the day a repealed or expired one stopped being in force.
    ...(doc.normativeKind ? [['文件类别', doc.normativeKind] as [string, string]] : []),
    ['有效性', VALIDITY_LABEL[doc.validity] ?? doc.validity],
    ...(ceasedValidity(doc.validity) && doc.validityOn ? [[CEASED_ON_LABEL[doc.validity], doc.validityOn] as [string, string]] : []),
    ['所属栏目', data.column.name],
  ];
  const rows: [string, string][][] = [];
  for (let i = 0; i < fields.length; i += 2) rows.push(fields.slice(i, i + 2));
  return (
    <table className="meta">
      <caption className="sr-only">文件信息</caption>
      <tbody>
        {rows.map((r) => (
          <tr key={r[0][0]}>
            {r.map(([k, v]) => [
              <th scope="row" key={`${k}-h`}>
                {k}
              </th>,
              <td key={`${k}-v`}>{k === '所属栏目' ? <a href={columnUrl(data.column.slug)}>{v}</a> : v}</td>,
            ])}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A document: metadata, validity notices, body, attachments, and the interpretations linked to it. */
export function DocumentPage({ site, data }: { site: SiteInfo; data: PublicDocumentPage }) {
  const { doc } = data;
  const notValid = doc.validity !== 'valid';
  return (
    <Layout
      site={site}
      title={doc.title}
      current={data.site.isDistrict ? navOf(data.path) : ''}
      description={doc.withdrawn ? undefined : `${doc.publisher} ${shanghaiDay(doc.publishedAt)} ${doc.docNumber ?? ''}`.trim()}
      head={doc.withdrawn ? <meta name="robots" content="noindex" /> : null}
    >
      <Breadcrumb items={[...columnCrumbs(data.site, data.path, { linkLast: true }), { label: '正文' }]} />
      <article className="doc panel" aria-labelledby="doc-title">
        <div className="body">
          <MetaTable data={data} />
          <h1 id="doc-title" className="doc-title-h">
            {doc.title}
          </h1>
          {doc.docNumber ? <p className="doc-number">{doc.docNumber}</p> : null}
          {doc.withdrawn ? (
            <div className="notice notice-withdrawn" role="note">
              <strong>该信息已撤回</strong>
              <p>
                本信息已于 {doc.withdrawn.at ? shanghaiDay(doc.withdrawn.at) : '近期'} 撤回，不再公开正文。
                {doc.withdrawn.reason ? `撤回原因：${doc.withdrawn.reason}` : null}
              </p>
            </div>
          ) : null}
          {!doc.withdrawn && notValid ? (
            <div className={`notice notice-${doc.validity}`} role="note">
              <strong>本文件{VALIDITY_LABEL[doc.validity]}</strong>
              <p>
                {doc.validity === 'amended'
                  ? '本文件已被修改，以修改后的文件为准。'
                  : `本文件${doc.validityOn ? `自 ${doc.validityOn} 起` : '已'}${doc.validity === 'repealed' ? '废止' : '失效'}，不再执行。`}
                {data.replacedBy ? (
                  <>
                    {' '}
                    {doc.validity === 'amended' ? '修改后的文件' : '现行文件'}：<a href={docUrl(data.replacedBy.id)}>{data.replacedBy.title}</a>
                  </>
                ) : null}
              </p>
            </div>
          ) : null}
          {!doc.withdrawn ? <div className="doc-body" dangerouslySetInnerHTML={{ __html: doc.bodyHtml }} /> : null}
          {data.attachments.length ? (
            <section className="doc-section" aria-labelledby="att-h">
              <h2 id="att-h">附件</h2>
              <ul className="attachments">
                {data.attachments.map((a) => (
                  <li key={a.fileId}>
                    <a href={`${docUrl(doc.id)}/files/${a.fileId}`} download={a.name}>
                      {a.name}
                    </a>
                    <span className="muted">（{size(a.size)}）</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {data.interpretations.length ? (
            <section className="doc-section" aria-labelledby="interp-h">
              <h2 id="interp-h">政策解读</h2>
              <ul className="list">
                {data.interpretations.map((d) => (
                  <li key={d.id}>
                    <a href={docUrl(d.id)}>{d.title}</a>
                    <span className="muted">{FORM_LABEL[d.form] ?? d.form}</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {data.interprets.length ? (
            <section className="doc-section" aria-labelledby="policy-h">
              <h2 id="policy-h">解读的政策文件</h2>
              <ul className="list">
                {data.interprets.map((d) => (
                  <li key={d.id}>
                    <a href={docUrl(d.id)}>{d.title}</a>
                    <time dateTime={d.publishedAt.toISOString()}>{shanghaiDay(d.publishedAt)}</time>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <p className="doc-foot muted">
            发布时间：{shanghaiDateTime(doc.publishedAt)}　　<a href={columnUrl(data.column.slug)}>返回“{data.column.name}”</a>
          </p>
        </div>
      </article>
    </Layout>
  );
}
