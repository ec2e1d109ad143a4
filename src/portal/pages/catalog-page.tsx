import type { SiteTree } from '../../modules/catalog/public/get-site-tree.ts';
import type { TreeColumn } from '../../modules/catalog/public/columns.ts';
import { Breadcrumb, columnUrl, type Crumb } from '../components.tsx';
import { Layout, type SiteInfo } from '../layout.tsx';

type Col = TreeColumn & { count: number };

function Tree({ columns, parentId }: { columns: Col[]; parentId: string | null }) {
  const level = columns.filter((c) => c.parentId === parentId);
  if (!level.length) return null;
  return (
    <ul className={parentId ? 'tree' : 'tree tree-root'}>
      {level.map((c) => (
        <li key={c.id}>
          <a href={columnUrl(c.slug)}>{c.name}</a>
          <span className="count">{c.count ? `${c.count} 条` : c.note ? '有备注说明' : '暂无信息'}</span>
          <Tree columns={columns} parentId={c.id} />
        </li>
      ))}
    </ul>
  );
}

/** A site's whole column tree: the district portal's (/xxgk) with the list of unit sub-sites, or one unit's (/bm/:id). */
export function CatalogPage(props: { site: SiteInfo; tree: SiteTree; unitSites?: { unitId: string; name: string; columns: number }[] }) {
  const { tree } = props;
  const district = tree.site.isDistrict;
  const title = district ? '信息公开栏目' : `${tree.site.name}部门网页`;
  const crumbs: Crumb[] = district ? [{ label: '首页', href: '/' }, { label: title }] : [{ label: '首页', href: '/' }, { label: '部门网页', href: '/xxgk#bm' }, { label: tree.site.name }];
  return (
    <Layout site={props.site} title={title} current="">
      <Breadcrumb items={crumbs} />
      <div className="page-head">
        <h1>{title}</h1>
      </div>
      <div className={district ? 'grid' : undefined}>
        <section className="panel" aria-labelledby="tree-h">
          <h2 id="tree-h">{district ? '区政府门户网站栏目' : '栏目'}</h2>
          <div className="body">
            <Tree columns={tree.columns} parentId={null} />
          </div>
        </section>
        {district ? (
          <section className="panel" id="bm" aria-labelledby="bm-h">
            <h2 id="bm-h">部门网页</h2>
            <div className="body">
              {props.unitSites?.length ? (
                <ul className="list unit-sites">
                  {props.unitSites.map((u) => (
                    <li key={u.unitId}>
                      <a href={`/bm/${u.unitId}`}>{u.name}</a>
                      <span className="muted">{u.columns} 个栏目</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="empty">暂无部门网页</p>
              )}
            </div>
          </section>
        ) : null}
      </div>
    </Layout>
  );
}
