import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Input, Select } from 'antd';
import { useMemo, useState } from 'react';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { usePermission } from '../../../lib/session.tsx';
import { invalidateUnits, updateUnit, useUnitCatalog, type Unit } from '../api.ts';
import { UnitFormDrawer } from '../components/UnitFormDrawer.tsx';
import { UnitsTable } from '../components/UnitsTable.tsx';
import { t } from '../strings.ts';

/** Matches a search against every name a unit is known by. */
function matches(u: Unit, q: string): boolean {
  if (!q) return true;
  return [u.name, u.shortName ?? '', ...u.aliases].some((n) => n.includes(q));
}

export function UnitsPage() {
  const { message } = App.useApp();
  const canManage = usePermission('units.manage');
  const catalog = useUnitCatalog();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<string>('');
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<Unit | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);

  const all = catalog.data?.items ?? [];
  const rows = useMemo(
    () => all.filter((u) => (showInactive || u.active) && (!kind || u.kind === kind) && matches(u, q.trim())),
    [all, q, kind, showInactive],
  );

  const openDrawer = (unit: Unit | null) => {
    setEditing(unit);
    setDrawerOpen(true);
  };

  const toggleActive = async (u: Unit) => {
    try {
      await updateUnit(u.id, { active: !u.active });
      message.success(u.active ? t.deactivated : t.activated);
      invalidateUnits();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <>
      <PageHeader
        title={t.title}
        intro={t.intro}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => openDrawer(null)} disabled={!catalog.data}>
              {t.add}
            </Button>
          )
        }
      />
      {catalog.error && <LoadError error={catalog.error} onRetry={() => void catalog.reload()} />}
      <Card>
        <div className="toolbar" role="search">
          <div className="toolbar-field">
            <label htmlFor="unit-search">{t.searchLabel}</label>
            <Input
              id="unit-search"
              allowClear
              prefix={<SearchOutlined aria-hidden />}
              placeholder={t.searchPlaceholder}
              value={q}
              onChange={(e) => setQ(e.target.value)}
              style={{ width: 260 }}
            />
          </div>
          <div className="toolbar-field">
            <label htmlFor="unit-kind">{t.kindFilter}</label>
            <Select
              id="unit-kind"
              value={kind}
              onChange={setKind}
              style={{ width: 160 }}
              options={[{ value: '', label: t.allKinds }, ...Object.entries(catalog.data?.kinds ?? {}).map(([value, label]) => ({ value, label }))]}
            />
          </div>
          <Checkbox checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)}>
            {t.showInactive}
          </Checkbox>
          <span className="toolbar-count" aria-live="polite">
            {catalog.data && t.count(rows.length, all.length)}
          </span>
        </div>
        {catalog.data ? (
          <UnitsTable
            rows={rows}
            catalog={catalog.data}
            loading={catalog.loading}
            canManage={canManage}
            onEdit={openDrawer}
            onToggleActive={(u) => void toggleActive(u)}
          />
        ) : (
          <UnitsTable rows={[]} catalog={{ kinds: {}, items: [] }} loading={catalog.loading} canManage={false} onEdit={() => {}} onToggleActive={() => {}} />
        )}
      </Card>
      {catalog.data && (
        <UnitFormDrawer
          open={drawerOpen}
          unit={editing}
          catalog={catalog.data}
          onClose={() => setDrawerOpen(false)}
          onSaved={() => {
            setDrawerOpen(false);
            invalidateUnits();
          }}
        />
      )}
    </>
  );
}
