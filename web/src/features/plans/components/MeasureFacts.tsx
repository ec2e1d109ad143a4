import type { ReactNode } from 'react';
import type { ColumnInstruction, Deadline, NumericTarget, ParsedUnitRef, ResponsibleEntry } from '../api.ts';
import { t } from '../strings.ts';
import { UnitChips, type UnitChip } from './UnitChips.tsx';

export interface Facts {
  items?: string[];
  lead: UnitChip[];
  responsible: UnitChip[];
  deadlines: Deadline[];
  disclosurePaths: string[][];
  otherChannels: string[];
  targets: NumericTarget[];
  columnInstructions: ColumnInstruction[];
  dueDate?: string;
}

/** Parser refs (one per member for a group) → one chip per written name. */
export function chipsFromParsed(refs: ParsedUnitRef[]): UnitChip[] {
  const out = new Map<string, UnitChip>();
  for (const r of refs) {
    const chip = out.get(r.written) ?? {
      written: r.written,
      state: r.unitId ? (r.group ? 'group' : 'unit') : r.group ? 'perUse' : 'unknown',
      members: [],
      cooperate: r.role === 'cooperate',
    };
    if (r.name) chip.members!.push(r.name);
    out.set(r.written, chip);
  }
  return [...out.values()];
}

/**
 * Stored responsible entries → chips. Member names come with the tree's entries, or from `nameOf`
 * (the unit catalogue) where the API gives ids only.
 */
export function chipsFromEntries(entries: (Omit<ResponsibleEntry, 'units'> & { units?: { name: string }[] })[], nameOf?: (id: string) => string | undefined): UnitChip[] {
  return entries.map((e) => ({
    written: e.written,
    state: e.kind === 'unknown' ? 'unknown' : e.perUse ? 'perUse' : e.kind === 'group' ? 'group' : 'unit',
    members: e.units?.map((u) => u.name) ?? (nameOf ? e.unitIds.map((id) => nameOf(id) ?? '').filter(Boolean) : undefined),
    count: e.unitIds.length,
    cooperate: e.role === 'cooperate',
  }));
}

export function deadlineText(d: Deadline): string {
  return d.date && !d.text.includes(d.date) ? `${d.text}（${d.date}）` : d.text;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fact-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** What a measure asks for, as the importer understood it: units, deadlines, paths and targets. */
export function MeasureFacts({ facts, issued }: { facts: Facts; issued?: boolean }) {
  const responsible = facts.responsible.filter((c) => !c.cooperate);
  const cooperate = facts.responsible.filter((c) => c.cooperate);
  return (
    <dl className="measure-facts">
      {facts.items && facts.items.length > 1 && (
        <Row label={t.fieldItems}>
          <ol className="fact-list">
            {facts.items.map((it, i) => (
              <li key={i}>{it}</li>
            ))}
          </ol>
        </Row>
      )}
      <Row label={t.fieldLead}>
        <UnitChips chips={facts.lead} />
      </Row>
      <Row label={t.fieldResponsible}>
        <UnitChips chips={responsible} issued={issued} />
      </Row>
      {cooperate.length > 0 && (
        <Row label={t.fieldCooperate}>
          <UnitChips chips={cooperate.map((c) => ({ ...c, cooperate: false }))} issued={issued} />
        </Row>
      )}
      <Row label={t.fieldDeadlines}>
        {facts.deadlines.length ? (
          <ul className="fact-list plain">
            {facts.deadlines.map((d, i) => (
              <li key={i}>{deadlineText(d)}</li>
            ))}
          </ul>
        ) : (
          <span className="text-muted">{t.noDeadline}</span>
        )}
        {facts.dueDate && <div className="cell-note">{`${t.fieldDue}：${facts.dueDate}`}</div>}
      </Row>
      {facts.disclosurePaths.length > 0 && (
        <Row label={t.fieldPaths}>
          <ul className="fact-list plain">
            {facts.disclosurePaths.map((p, i) => (
              <li key={i} className="disclosure-path">
                {p.join(' > ')}
              </li>
            ))}
          </ul>
        </Row>
      )}
      {facts.otherChannels.length > 0 && <Row label={t.fieldChannels}>{facts.otherChannels.join('、')}</Row>}
      {facts.targets.length > 0 && (
        <Row label={t.fieldTargets}>
          <ul className="fact-list plain">
            {facts.targets.map((x, i) => (
              <li key={i}>
                <strong>{x.text}</strong>
                {x.context && x.context !== x.text && <span className="cell-note"> {x.context}</span>}
              </li>
            ))}
          </ul>
        </Row>
      )}
      {facts.columnInstructions.length > 0 && (
        <Row label={t.fieldColumns}>
          <ul className="fact-list plain">
            {facts.columnInstructions.map((c, i) => (
              <li key={i}>{c.text}</li>
            ))}
          </ul>
        </Row>
      )}
    </dl>
  );
}
