import { PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useState } from 'react';
import { LoadError } from '../../../components/LoadError.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { usePermission } from '../../../lib/session.tsx';
import { useLoad } from '../../../lib/use-load.ts';
import { useUnitCatalog } from '../../units/api.ts';
import { listGroups, type UnitGroup } from '../api.ts';
import { GroupFormDrawer } from '../components/GroupFormDrawer.tsx';
import { GroupsTable } from '../components/GroupsTable.tsx';
import { ResolveTester } from '../components/ResolveTester.tsx';
import { t } from '../strings.ts';

export function GroupsPage() {
  const canManage = usePermission('units.manage');
  const groups = useLoad(listGroups, []);
  const catalog = useUnitCatalog();
  const [editing, setEditing] = useState<UnitGroup | null>(null);
  const [open, setOpen] = useState(false);

  const openDrawer = (g: UnitGroup | null) => {
    setEditing(g);
    setOpen(true);
  };
  const ready = groups.data && catalog.data;

  return (
    <>
      <PageHeader
        title={t.title}
        intro={t.intro}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => openDrawer(null)} disabled={!ready}>
              {t.add}
            </Button>
          )
        }
      />
      {(groups.error || catalog.error) && (
        <LoadError
          error={(groups.error || catalog.error)!}
          onRetry={() => {
            void groups.reload();
            void catalog.reload();
          }}
        />
      )}
      <div className="stacked">
        <Card>
          <GroupsTable
            groups={groups.data ?? { memberships: {}, items: [] }}
            catalog={catalog.data ?? { kinds: {}, items: [] }}
            loading={groups.loading || catalog.loading}
            canManage={canManage}
            onEdit={openDrawer}
          />
        </Card>
        <ResolveTester />
      </div>
      {ready && (
        <GroupFormDrawer
          open={open}
          group={editing}
          memberships={groups.data!.memberships}
          catalog={catalog.data!}
          onClose={() => setOpen(false)}
          onSaved={() => {
            setOpen(false);
            void groups.reload();
          }}
        />
      )}
    </>
  );
}
