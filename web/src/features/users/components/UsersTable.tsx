import { Badge, Button, Popconfirm, Space, Table, Tag, type TableColumnsType, type TablePaginationConfig } from 'antd';
import { formatDateTime } from '../../../lib/format.ts';
import { common } from '../../../lib/strings.ts';
import type { UnitCatalog } from '../../units/api.ts';
import type { User } from '../api.ts';
import { t } from '../strings.ts';

interface Props {
  rows: User[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  catalog: UnitCatalog;
  roles: Record<string, string>;
  canManage: boolean;
  currentUserId: string;
  onPage: (page: number, pageSize: number) => void;
  onEdit: (u: User) => void;
  onReset: (u: User) => void;
  onUnlock: (u: User) => void;
  onToggleDisabled: (u: User) => void;
}

/** Status as coloured dots with dark text: antd's pale green and orange tags fall below 4.5:1 contrast. */
function Status({ u }: { u: User }) {
  if (u.disabled) return <Badge status="default" text={t.statusDisabled} />;
  return (
    <span className="status-stack">
      {u.locked ? <Badge status="error" text={t.statusLocked} /> : <Badge status="success" text={t.statusActive} />}
      {u.mustChangePassword && <Badge status="warning" text={t.statusMustChange} />}
    </span>
  );
}

export function UsersTable(p: Props) {
  const unitName = new Map(p.catalog.items.map((u) => [u.id, u.shortName || u.name]));
  const columns: TableColumnsType<User> = [
    { title: t.colUsername, dataIndex: 'username', width: 140 },
    { title: t.colName, dataIndex: 'displayName', width: 120 },
    { title: t.colUnit, dataIndex: 'unitId', width: 160, render: (id: string) => unitName.get(id) ?? '—' },
    {
      title: t.colRoles,
      dataIndex: 'roles',
      render: (roles: string[]) => (
        <span className="tag-wrap">
          {roles.map((r) => (
            <Tag key={r} color={r === 'sys_admin' ? 'red' : undefined}>
              {p.roles[r] ?? r}
            </Tag>
          ))}
        </span>
      ),
    },
    { title: t.colStatus, key: 'status', width: 140, render: (_: unknown, u) => <Status u={u} /> },
    { title: t.colLastLogin, dataIndex: 'lastLoginAt', width: 170, render: (v: string | null) => formatDateTime(v) },
  ];
  if (p.canManage)
    columns.push({
      title: common.actions,
      key: 'actions',
      width: 220,
      render: (_: unknown, u) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => p.onEdit(u)} aria-label={`${t.edit} ${u.username}`}>
            {t.edit}
          </Button>
          <Popconfirm title={t.resetConfirm(u.displayName)} onConfirm={() => p.onReset(u)}>
            <Button type="link" size="small" aria-label={`${t.resetPassword} ${u.username}`}>
              {t.resetPassword}
            </Button>
          </Popconfirm>
          {u.locked && (
            <Button type="link" size="small" onClick={() => p.onUnlock(u)} aria-label={`${t.unlock} ${u.username}`}>
              {t.unlock}
            </Button>
          )}
          {u.id !== p.currentUserId &&
            (u.disabled ? (
              <Button type="link" size="small" onClick={() => p.onToggleDisabled(u)} aria-label={`${t.enable} ${u.username}`}>
                {t.enable}
              </Button>
            ) : (
              <Popconfirm title={t.disableConfirm(u.displayName)} onConfirm={() => p.onToggleDisabled(u)}>
                <Button type="link" size="small" danger aria-label={`${t.disable} ${u.username}`}>
                  {t.disable}
                </Button>
              </Popconfirm>
            ))}
        </Space>
      ),
    });

  const pagination: TablePaginationConfig = {
    current: p.page,
    pageSize: p.pageSize,
    total: p.total,
    showSizeChanger: true,
    pageSizeOptions: [20, 50, 100],
    showTotal: (n) => t.pageTotal(n),
    onChange: p.onPage,
  };

  return (
    <Table<User>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={p.rows}
      loading={p.loading}
      pagination={pagination}
      scroll={{ x: 1050 }}
      locale={{ emptyText: t.empty }}
    />
  );
}
