import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { listDocuments } from '../../catalog/api.ts';
import { t } from '../strings.ts';

/** Picks catalog documents by title (the caller's own and published ones the list shows). */
export function DocumentPicker({ id, value, onChange, multiple }: { id?: string; value?: string | string[] | null; onChange?: (v: string | string[] | null) => void; multiple?: boolean }) {
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    let live = true;
    setLoading(true);
    const timer = setTimeout(() => {
      listDocuments({ q: q || undefined, pageSize: 20 })
        .then((r) => live && setOptions(r.items.map((d) => ({ value: d.id, label: `${d.title}${d.status === 'published' ? '' : '（未发布）'}` }))))
        .catch(() => live && setOptions([]))
        .finally(() => live && setLoading(false));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);
  return (
    <Select
      id={id}
      mode={multiple ? 'multiple' : undefined}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={t.documentPick}
      loading={loading}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      style={{ width: '100%' }}
    />
  );
}
