import { Button, Table, Tag, type TableColumnsType } from 'antd';
import { common } from '../../../lib/strings.ts';
import type { UnitCatalog } from '../../units/api.ts';
import type { GroupList, UnitGroup } from '../api.ts';
import { t } from '../strings.ts';

interface Props {
  groups: GroupList;
  catalog: UnitCatalog;
  loading: boolean;
  canManage: boolean;
  onEdit: (g: UnitGroup) => void;
}

const SHOWN_MEMBERS = 8;

export function GroupsTable({ groups, catalog, loading, canManage, onEdit }: Props) {
  const unitName = new Map(catalog.items.map((u) => [u.id, u.shortName || u.name]));

  const members = (g: UnitGroup) => {
    if (g.membership === 'per_use') return <span className="text-muted">{t.perUse}</span>;
    if (g.membership === 'kinds') {
      const n = catalog.items.filter((u) => u.active && g.memberKinds.includes(u.kind)).length;
      return (
        <span className="tag-wrap">
          {g.memberKinds.map((k) => (
            <Tag key={k} color="blue">
              {t.kindsMembers(catalog.kinds[k] ?? k)}
            </Tag>
          ))}
          <span className="text-muted">{t.membersCount(n)}</span>
        </span>
      );
    }
    const names = g.memberIds.map((id) => unitName.get(id) ?? id);
    return (
      <span className="tag-wrap">
        {names.slice(0, SHOWN_MEMBERS).map((n) => (
          <Tag key={n}>{n}</Tag>
        ))}
        {names.length > SHOWN_MEMBERS && <span className="text-muted">{t.more(names.length)}</span>}
      </span>
    );
  };

  const columns: TableColumnsType<UnitGroup> = [
    {
      title: t.colName,
      dataIndex: 'name',
      width: 200,
      render: (name: string, g) => (
        <>
          <div>{name}</div>
          {g.description && <div className="cell-note">{g.description}</div>}
        </>
      ),
    },
    {
      title: t.colMembership,
      dataIndex: 'membership',
      width: 160,
      render: (m: string) => groups.memberships[m] ?? m,
    },
    { title: t.colMembers, key: 'members', render: (_: unknown, g) => members(g) },
    {
      title: t.colAliases,
      dataIndex: 'aliases',
      width: 260,
      render: (aliases: string[]) =>
        aliases.length ? (
          <span className="tag-wrap">
            {aliases.map((a) => (
              <Tag key={a}>{a}</Tag>
            ))}
          </span>
        ) : (
          '—'
        ),
    },
  ];
  if (canManage)
    columns.push({
      title: common.actions,
      key: 'actions',
      width: 80,
      render: (_: unknown, g) => (
        <Button type="link" size="small" onClick={() => onEdit(g)} aria-label={`${common.edit} ${g.name}`}>
          {common.edit}
        </Button>
      ),
    });

  return (
    <Table<UnitGroup>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={groups.items}
      loading={loading}
      pagination={false}
      scroll={{ x: 860 }}
      locale={{ emptyText: t.empty }}
    />
  );
}
