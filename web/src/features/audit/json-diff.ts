export interface DiffLine {
  key: string;
  before: string | undefined;
  after: string | undefined;
  change: 'added' | 'removed' | 'changed' | 'same';
}

const show = (v: unknown) => (v === undefined ? undefined : typeof v === 'string' ? v : JSON.stringify(v));
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Field-by-field comparison of an audit row's before and after; non-objects compare as one value. */
export function diffJson(before: unknown, after: unknown): DiffLine[] {
  if (!isObject(before) && !isObject(after)) {
    if (before === null && after === null) return [];
    const b = show(before ?? undefined);
    const a = show(after ?? undefined);
    return [{ key: '', before: b, after: a, change: b === a ? 'same' : b === undefined ? 'added' : a === undefined ? 'removed' : 'changed' }];
  }
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.map((key) => {
    const bv = key in b ? show(b[key]) : undefined;
    const av = key in a ? show(a[key]) : undefined;
    const change = !(key in b) ? 'added' : !(key in a) ? 'removed' : bv === av ? 'same' : 'changed';
    return { key, before: bv, after: av, change };
  });
}
