import { SearchOutlined } from '@ant-design/icons';
import { Button, Input, Select } from 'antd';
import { useState } from 'react';
import { useAuditLabels } from '../api.ts';
import { t } from '../strings.ts';

export interface AuditFilterValues {
  q: string;
  entity: string;
  action: string;
  from: string;
  to: string;
}

export const EMPTY_FILTERS: AuditFilterValues = { q: '', entity: '', action: '', from: '', to: '' };

/** Filters are applied on 查询 (or Enter), so typing does not fire a query per keystroke. */
export function AuditFilters({ value, onApply }: { value: AuditFilterValues; onApply: (v: AuditFilterValues) => void }) {
  const labels = useAuditLabels();
  const [draft, setDraft] = useState(value);
  const set = (patch: Partial<AuditFilterValues>) => setDraft((d) => ({ ...d, ...patch }));

  return (
    <form
      className="toolbar"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(draft);
      }}
    >
      <div className="toolbar-field">
        <label htmlFor="audit-q">{t.filterQ}</label>
        <Input id="audit-q" allowClear value={draft.q} placeholder={t.filterQPlaceholder} onChange={(e) => set({ q: e.target.value })} style={{ width: 200 }} />
      </div>
      <div className="toolbar-field">
        <label htmlFor="audit-entity">{t.filterEntity}</label>
        <Select
          id="audit-entity"
          value={draft.entity}
          onChange={(entity) => set({ entity })}
          style={{ width: 120 }}
          options={[{ value: '', label: t.all }, ...Object.entries(labels.entities).map(([value, label]) => ({ value, label }))]}
        />
      </div>
      <div className="toolbar-field">
        <label htmlFor="audit-action">{t.filterAction}</label>
        <Select
          id="audit-action"
          value={draft.action}
          onChange={(action) => set({ action })}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 170 }}
          options={[{ value: '', label: t.all }, ...Object.entries(labels.actions).map(([value, label]) => ({ value, label: `${label}（${value}）` }))]}
        />
      </div>
      <div className="toolbar-field">
        <label htmlFor="audit-from">{t.filterFrom}</label>
        <Input id="audit-from" type="date" value={draft.from} onChange={(e) => set({ from: e.target.value })} style={{ width: 150 }} />
      </div>
      <div className="toolbar-field">
        <label htmlFor="audit-to">{t.filterTo}</label>
        <Input id="audit-to" type="date" value={draft.to} onChange={(e) => set({ to: e.target.value })} style={{ width: 150 }} />
      </div>
      <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
        {t.search}
      </Button>
      <Button
        onClick={() => {
          setDraft(EMPTY_FILTERS);
          onApply(EMPTY_FILTERS);
        }}
      >
        {t.reset}
      </Button>
    </form>
  );
}
