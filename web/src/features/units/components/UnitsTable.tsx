import { Badge, Button, Grid, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import { common } from '../../../lib/strings.ts';
import type { Unit, UnitCatalog } from '../api.ts';
import { BROWN } from '../../catalog/colors.ts';
import { t } from '../strings.ts';

interface Props {
  rows: Unit[];
  catalog: UnitCatalog;
  loading: boolean;
  canManage: boolean;
  onEdit: (unit: Unit) => void;
  onToggleActive: (unit: Unit) => void;
}

export function UnitsTable({ rows, catalog, loading, canManage, onEdit, onToggleActive }: Props) {
  const byId = new Map(catalog.items.map((u) => [u.id, u]));
  // On a phone the table keeps two columns; short name, kind and aliases move under the name.
  const wide = Grid.useBreakpoint().md ?? true;
  const kindLabel = (k: string) => (catalog.kinds[k] ?? k).replace(/（.*）/, '');
  const aliasTags = (aliases: string[]) => (
    <span className="tag-wrap">
      {aliases.map((a) => (
        <Tag key={a}>{a}</Tag>
      ))}
    </span>
  );
  const columns: TableColumnsType<Unit> = [
    {
      title: t.colName,
      dataIndex: 'name',
      render: (name: string, u) => (
        <>
          <span className={u.active ? undefined : 'text-inactive'}>{name}</span>
          {!wide && (
            <div className="cell-note">
              {[u.shortName, kindLabel(u.kind), u.active ? null : t.inactive].filter(Boolean).join(' · ')}
              {u.aliases.length > 0 && <div>{aliasTags(u.aliases)}</div>}
            </div>
          )}
        </>
      ),
    },
    { title: t.colShort, dataIndex: 'shortName', width: 150, responsive: ['md'], render: (s: string | null) => s ?? '—' },
    { title: t.colKind, dataIndex: 'kind', width: 90, responsive: ['md'], render: kindLabel },
    {
      title: t.colAliases,
      dataIndex: 'aliases',
      responsive: ['md'],
      render: (aliases: string[]) =>
        aliases.length ? aliasTags(aliases) : '—',
    },
    {
      title: t.colCode,
      dataIndex: 'code',
      width: 190,
      responsive: ['lg'],
      // An agency without its code cannot publish (its 索引号 needs it): the office sees which are missing.
      render: (code: string | null, u) => (code || (u.isAgency ? <Tag color={BROWN}>{t.codeMissing}</Tag> : '—')),
    },
    {
      title: t.colParent,
      dataIndex: 'parentId',
      width: 150,
      responsive: ['lg'],
      render: (id: string | null) => {
        const p = id ? byId.get(id) : undefined;
        return p ? p.shortName || p.name : '—';
      },
    },
    {
      title: t.colStatus,
      dataIndex: 'active',
      width: 90,
      responsive: ['md'],
      render: (active: boolean) => <Badge status={active ? 'success' : 'default'} text={active ? t.active : t.inactive} />,
    },
  ];
  if (canManage)
    columns.push({
      title: common.actions,
      key: 'actions',
      width: wide ? 130 : 64,
      render: (_: unknown, u) => (
        <Space size={4} orientation={wide ? 'horizontal' : 'vertical'}>
          <Button type="link" size="small" onClick={() => onEdit(u)} aria-label={`${common.edit} ${u.name}`}>
            {common.edit}
          </Button>
          {u.active ? (
            <Popconfirm title={t.deactivateConfirm(u.shortName || u.name)} onConfirm={() => onToggleActive(u)}>
              <Button type="link" size="small" danger aria-label={`${t.deactivate} ${u.name}`}>
                {t.deactivate}
              </Button>
            </Popconfirm>
          ) : (
            <Button type="link" size="small" onClick={() => onToggleActive(u)} aria-label={`${t.activate} ${u.name}`}>
              {t.activate}
            </Button>
          )}
        </Space>
      ),
    });

  return (
    <Table<Unit>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={wide ? { x: 800 } : undefined}
      locale={{ emptyText: t.empty }}
    />
  );
}
