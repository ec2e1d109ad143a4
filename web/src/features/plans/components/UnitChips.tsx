import { Tag, Tooltip } from 'antd';
import { t } from '../strings.ts';

/** One written unit name and what it resolved to. */
export interface UnitChip {
  written: string;
  state: 'unit' | 'group' | 'perUse' | 'unknown';
  /** Names of a group's members, when known. */
  members?: string[];
  /** How many units a group stands for. */
  count?: number;
  cooperate?: boolean;
}

/**
 * Unit names as the notice writes them. Unknown ones are marked (colour and the word 未识别), per-use
 * groups say that the office chooses their members when issuing.
 */
export function UnitChips({ chips, issued }: { chips: UnitChip[]; issued?: boolean }) {
  if (!chips.length) return <span className="text-muted">—</span>;
  return (
    <span className="unit-chips">
      {chips.map((c, i) => (
        <span key={`${i}-${c.written}`} className={`unit-chip unit-chip-${c.state}`} data-unit-state={c.state}>
          {c.state === 'unknown' ? (
            <>
              <mark>{c.written}</mark>
              <Tag color="#a8071a" className="unit-chip-tag">
                {t.unknownTag}
              </Tag>
            </>
          ) : c.state === 'group' && c.members?.length ? (
            <Tooltip title={c.members.join('、')}>
              <span tabIndex={0}>
                {c.written}
                <span className="unit-chip-note">（{t.groupTag(c.members.length)}）</span>
              </span>
            </Tooltip>
          ) : c.state === 'group' ? (
            <>
              {c.written}
              {c.count !== undefined && <span className="unit-chip-note">（{t.groupTag(c.count)}）</span>}
            </>
          ) : c.state === 'perUse' && issued && c.members?.length ? (
            <Tooltip title={c.members.join('、')}>
              <span tabIndex={0}>
                {c.written}
                <span className="unit-chip-note">（{t.perUseChosenCount(c.members.length)}）</span>
              </span>
            </Tooltip>
          ) : c.state === 'perUse' ? (
            <>
              {c.written}
              <span className="unit-chip-note">（{issued ? t.perUseChosenTag : t.perUseTag}）</span>
            </>
          ) : (
            c.written
          )}
          {c.cooperate && <span className="unit-chip-note">（配合）</span>}
          {i < chips.length - 1 && <span aria-hidden="true">、</span>}
        </span>
      ))}
    </span>
  );
}
