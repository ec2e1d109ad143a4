import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { useMe, usePermission } from '../../../lib/session.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { useUnitCatalog } from '../../units/api.ts';
import { listUsers, loadRoles, resetPassword, updateUser, type OneTimePassword, type User } from '../api.ts';
import { OneTimePasswordModal } from '../components/OneTimePasswordModal.tsx';
import { UserFormModal } from '../components/UserFormModal.tsx';
import { UsersTable } from '../components/UsersTable.tsx';
import { t } from '../strings.ts';

/** Waits for typing to pause before searching. */
function useDebounced<T>(value: T, ms = 300): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setV(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return v;
}

export function UsersPage() {
  const { message } = App.useApp();
  const me = useMe();
  const canManage = usePermission('users.manage');
  const catalog = useUnitCatalog();
  const roles = useLoad(loadRoles, []);
  const [q, setQ] = useState('');
  const [unitId, setUnitId] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const query = useDebounced(q.trim());
  const users = useLoad(() => listUsers({ q: query || undefined, unitId: unitId || undefined, page, pageSize }), [query, unitId, page, pageSize]);

  const [editing, setEditing] = useState<User | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [otp, setOtp] = useState<{ value: OneTimePassword; reason: 'created' | 'reset' } | null>(null);

  useEffect(() => setPage(1), [query, unitId]);

  const act = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      message.success(done);
      await users.reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const reset = async (u: User) => {
    try {
      setOtp({ value: await resetPassword(u.id), reason: 'reset' });
      await users.reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const error = users.error || catalog.error || roles.error;
  return (
    <>
      <PageHeader
        title={t.title}
        intro={t.intro}
        extra={
          canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={!catalog.data || !roles.data}
              onClick={() => {
                setEditing(null);
                setFormOpen(true);
              }}
            >
              {t.add}
            </Button>
          )
        }
      />
      {error && <LoadError error={error} onRetry={() => void users.reload()} />}
      <Card>
        <div className="toolbar" role="search">
          <div className="toolbar-field">
            <label htmlFor="user-search">{t.searchLabel}</label>
            <Input
              id="user-search"
              allowClear
              prefix={<SearchOutlined aria-hidden />}
              placeholder={t.searchPlaceholder}
              value={q}
              onChange={(e) => setQ(e.target.value)}
              style={{ width: 220 }}
            />
          </div>
          <div className="toolbar-field">
            <label htmlFor="user-unit">{t.unitFilter}</label>
            <Select
              id="user-unit"
              value={unitId}
              onChange={setUnitId}
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 220 }}
              options={[
                { value: '', label: t.allUnits },
                ...(catalog.data?.items ?? []).map((u) => ({ value: u.id, label: u.shortName || u.name })),
              ]}
            />
          </div>
        </div>
        <UsersTable
          rows={users.data?.items ?? []}
          total={users.data?.total ?? 0}
          page={page}
          pageSize={pageSize}
          loading={users.loading}
          catalog={catalog.data ?? { kinds: {}, items: [] }}
          roles={roles.data ?? {}}
          canManage={canManage}
          currentUserId={me.user.id}
          onPage={(p, size) => {
            setPage(size !== pageSize ? 1 : p);
            setPageSize(size);
          }}
          onEdit={(u) => {
            setEditing(u);
            setFormOpen(true);
          }}
          onReset={(u) => void reset(u)}
          onUnlock={(u) => void act(() => updateUser(u.id, { unlock: true }), t.unlocked)}
          onToggleDisabled={(u) => void act(() => updateUser(u.id, { disabled: !u.disabled }), u.disabled ? t.enabled : t.disabled)}
        />
      </Card>
      {catalog.data && roles.data && (
        <UserFormModal
          open={formOpen}
          user={editing}
          catalog={catalog.data}
          roles={roles.data}
          canGrantSysAdmin={me.user.roles.includes('sys_admin')}
          onClose={() => setFormOpen(false)}
          onSaved={(created) => {
            setFormOpen(false);
            if (created) setOtp({ value: created, reason: 'created' });
            void users.reload();
          }}
        />
      )}
      <OneTimePasswordModal value={otp?.value ?? null} reason={otp?.reason ?? 'created'} onClose={() => setOtp(null)} />
    </>
  );
}
