import { CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, type InputRef } from 'antd';
import { useEffect, useRef } from 'react';
import { t } from '../strings.ts';

/** The separators the plan importer splits on; typing or pasting one splits the level in place. */
const SEP = /[>＞]/u;

/**
 * A column path edited level by level (政务公开 › 政府信息公开目录 › …): one box per level. Pasting
 * `政务公开>政府信息公开目录` into a box splits it into levels, as the notice writes paths.
 */
export function PathSegmentsInput({ id, value, onChange, label }: { id?: string; value?: string[]; onChange?: (v: string[]) => void; label: string }) {
  const segments = value?.length ? value : [''];
  const inputs = useRef<(InputRef | null)[]>([]);
  const focusNext = useRef<number | null>(null);
  useEffect(() => {
    if (focusNext.current === null) return;
    inputs.current[focusNext.current]?.focus();
    focusNext.current = null;
  });
  const set = (i: number, text: string) => {
    if (!SEP.test(text)) return onChange?.(segments.map((s, j) => (j === i ? text : s)));
    const parts = text.split(SEP).map((s) => s.trim());
    // A trailing separator opens a new empty level to type into; empty levels elsewhere are dropped.
    const cleaned = parts.filter((p, j) => p !== '' || j === parts.length - 1);
    focusNext.current = i + cleaned.length - 1;
    onChange?.([...segments.slice(0, i), ...cleaned, ...segments.slice(i + 1)]);
  };
  const add = () => {
    focusNext.current = segments.length;
    onChange?.([...segments, '']);
  };
  return (
    <div className="path-segments">
      <ol className="path-segment-list">
        {segments.map((s, i) => (
          <li key={i} className="path-segment">
            {i > 0 && (
              <span className="path-sep" aria-hidden>
                ›
              </span>
            )}
            <Input
              ref={(el) => {
                inputs.current[i] = el;
              }}
              id={i === 0 ? id : undefined}
              aria-label={t.mappingSegment(label, i + 1)}
              value={s}
              maxLength={60}
              onChange={(e) => set(i, e.target.value)}
              className="path-segment-input"
              suffix={
                segments.length > 1 ? (
                  <Button
                    type="text"
                    size="small"
                    icon={<CloseOutlined />}
                    aria-label={t.mappingRemoveSegment(label, i + 1)}
                    onClick={() => onChange?.(segments.filter((_, j) => j !== i))}
                    className="path-segment-remove"
                  />
                ) : undefined
              }
            />
          </li>
        ))}
      </ol>
      <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={add} disabled={segments.length >= 10}>
        {t.mappingAddSegment}
      </Button>
    </div>
  );
}

/** Checks a path as the server will: one to ten levels, none empty, none with a separator. */
export function pathProblem(v: string[] | undefined, label: string): string | null {
  const segs = v ?? [];
  if (!segs.length || segs.every((s) => !s.trim())) return t.mappingPrefixRequired(label);
  if (segs.some((s) => !s.trim())) return t.mappingSegmentRequired;
  if (segs.some((s) => SEP.test(s))) return t.mappingSegmentNoGt;
  return null;
}

/** A path shown as the notice writes it, levels joined by “>”. */
export function PathText({ path, className }: { path: string[]; className?: string }) {
  return (
    <span className={className ? `path-text ${className}` : 'path-text'}>
      {path.map((s, i) => (
        <span key={i}>
          {i > 0 && <span className="path-sep"> &gt; </span>}
          <span className="path-seg">{s}</span>
        </span>
      ))}
    </span>
  );
}
