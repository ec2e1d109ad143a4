import { assignUnits } from './assign-units.ts';
import { ImportError } from './errors.ts';
import { cleanTitle, type Heading, isStrayNumbering, parseHeading } from './numbering.ts';
import { parseCover } from './parse-cover.ts';
import { readMeasure } from './read-measure.ts';
import { type ColumnMap, findHeaderRow, mapColumns } from './recognise-columns.ts';
import { UnitLookup } from './resolve-units.ts';
import type {
  ImportWarning,
  ParsedArea,
  ParsedMeasure,
  ParsedPlan,
  ParsedSubtask,
  ParseOptions,
  RawTable,
} from './types.ts';

/**
 * The one table interpreter: rows from any reader → areas → sub-tasks → measures.
 *
 * An empty cell continues the cell above (a merged cell in the original), within the same
 * sub-task. A heading repeated after a page break is the same area or sub-task, never a new one.
 */

/** Titles compare without spaces and punctuation: `完善政务公开平台` and `完善政务公开平台。` are one. */
const norm = (s: string) => s.replace(/[\s\p{P}]/gu, '');

function sameHeading(a: { label: string | null; title: string }, h: { label: string | null; title: string }): boolean {
  if (a.label !== null && h.label !== null) {
    if (a.label !== h.label) return false;
    const [x, y] = [norm(a.title), norm(h.title)];
    return !x || !y || x.startsWith(y) || y.startsWith(x);
  }
  return norm(a.title) !== '' && norm(a.title) === norm(h.title);
}

/** The header row again (Word and Excel repeat it on each page): same non-empty cells. */
function sameCells(a: string[], b: string[]): boolean {
  const key = (cells: string[]) => cells.map(norm).filter(Boolean).join('|');
  return key(a) === key(b);
}

const shown = (h: Heading) =>
  h.label === null ? h.title : h.kind === 'area' ? `${h.label}、${h.title}` : `（${h.label}）${h.title}`;

/** Heading lines of one cell; an unnumbered line continues the heading above it (a wrapped title). */
function headingsIn(cell: string, plainKind: Heading['kind'] | null): Heading[] {
  const out: Heading[] = [];
  for (const raw of cell.split('\n')) {
    const line = raw.trim();
    if (!line || isStrayNumbering(line)) continue;
    const h = parseHeading(line);
    if (h) out.push(h);
    else if (out.length > 0) out[out.length - 1].title = cleanTitle(out[out.length - 1].title + line);
    else if (plainKind) out.push({ kind: plainKind, label: null, title: cleanTitle(line) });
  }
  return out;
}

interface Carry {
  lead: string;
  units: string[];
  deadlines: string[];
}

class PlanBuilder {
  readonly areas: ParsedArea[] = [];
  area: ParsedArea | null = null;
  subtask: ParsedSubtask | null = null;
  measure: ParsedMeasure | null = null;
  carry: Carry;
  globalSeq = 0;

  constructor(
    readonly cols: ColumnMap,
    readonly warnings: ImportWarning[],
  ) {
    this.carry = this.emptyCarry();
  }

  emptyCarry(): Carry {
    return { lead: '', units: this.cols.units.map(() => ''), deadlines: this.cols.deadline.map(() => '') };
  }

  enterSubtask(subtask: ParsedSubtask): void {
    if (subtask === this.subtask) return;
    this.subtask = subtask;
    this.measure = subtask.measures[subtask.measures.length - 1] ?? null;
    // Merged cells never reach across a sub-task: what the rows above said stops here.
    this.carry = this.emptyCarry();
  }

  heading(h: Heading, row: number): void {
    if (h.kind === 'area') {
      if (this.area && sameHeading(this.area, h)) return this.noteMismatch(this.area, h, row);
      const earlier = this.areas.find((a) => sameHeading(a, h));
      if (earlier) {
        this.warnings.push({ code: 'heading_repeated', message: `“${shown(h)}”在前文已出现，已并入前面的同名部分`, row });
        this.area = earlier;
      } else {
        this.area = { seq: this.areas.length + 1, label: h.label, title: h.title, subtasks: [] };
        this.areas.push(this.area);
      }
      this.subtask = null;
      this.measure = null;
      this.carry = this.emptyCarry();
      return;
    }
    const area = this.ensureArea(row);
    if (this.subtask && area.subtasks.includes(this.subtask) && sameHeading(this.subtask, h))
      return this.noteMismatch(this.subtask, h, row);
    if (this.subtask && h.label !== null && this.subtask.label === h.label)
      this.warnings.push({ code: 'label_repeated', message: `第${row}行“${shown(h)}”与前一子任务编号相同但标题不同，按新的子任务处理`, row });
    const earlier = area.subtasks.find((s) => sameHeading(s, h));
    if (earlier) {
      this.warnings.push({ code: 'heading_repeated', message: `“${shown(h)}”在本部分前文已出现，已并入前面的同名子任务`, row });
      return this.enterSubtask(earlier);
    }
    this.enterSubtask({ seq: area.subtasks.length + 1, label: h.label, title: h.title, measures: [] });
    area.subtasks.push(this.subtask!);
  }

  noteMismatch(current: { title: string }, h: Heading, row: number): void {
    if (h.title && current.title && norm(current.title) !== norm(h.title))
      this.warnings.push({
        code: 'title_mismatch',
        message: `第${row}行标题“${h.title}”与前文“${current.title}”不一致，按同一项处理`,
        row,
      });
    if (!current.title) current.title = h.title;
  }

  ensureArea(row: number): ParsedArea {
    if (this.area) return this.area;
    this.warnings.push({ code: 'area_missing', message: '表格开头没有“一、”这样的一级标题，前面的举措归入未命名部分', row });
    this.area = { seq: this.areas.length + 1, label: null, title: '', subtasks: [] };
    this.areas.push(this.area);
    return this.area;
  }

  ensureSubtask(row: number): ParsedSubtask {
    if (this.subtask) return this.subtask;
    const area = this.ensureArea(row);
    if (area.label !== null || area.title)
      this.warnings.push({
        code: 'subtask_missing',
        message: `“${shown({ kind: 'area', ...area })}”下的举措前没有“（一）”这样的子任务标题，归入未命名子任务`,
        row,
      });
    this.enterSubtask({ seq: area.subtasks.length + 1, label: null, title: '', measures: [] });
    area.subtasks.push(this.subtask!);
    return this.subtask!;
  }
}

export function interpretTable(raw: RawTable, opts: ParseOptions): ParsedPlan {
  const headerAt = findHeaderRow(raw.rows);
  if (headerAt < 0)
    throw new ImportError(
      'columns_unrecognised',
      '无法识别表格的列：表头应包含“工作任务/具体举措”和“牵头单位/责任单位”等列名',
    );
  const header = raw.rows[headerAt];
  const body = raw.rows.slice(headerAt + 1);
  const width = Math.max(header.length, ...body.map((r) => r.length));
  const cols = mapColumns(header, width)!;

  const cover = parseCover(
    [raw.coverText, ...raw.rows.slice(0, headerAt).map((r) => r.filter((c) => c.trim()).join(' '))].join('\n'),
  );
  const warnings: ImportWarning[] = [];
  const year = opts.year ?? cover.titleYear ?? (cover.issueDate ? Number(cover.issueDate.slice(0, 4)) : null);
  if (year === null)
    warnings.push({ code: 'year_unknown', message: '标题中未找到年份，“12月底前”“次年”等期限无法推算日期，请指定计划年度' });

  const lookup = new UnitLookup(opts.resolver, warnings);
  const b = new PlanBuilder(cols, warnings);
  const unitCols = new Set([cols.lead, ...cols.units.map((u) => u.index)].filter((i) => i !== null));

  body.forEach((cells, i) => {
    const row = headerAt + i + 2;
    const cell = (index: number) => (cells[index] ?? '').trim();
    if (cells.every((c) => !c.trim()) || sameCells(cells, header)) return; // blank, or the header repeated on a new page

    const measureText = cell(cols.measure);
    const hasUnits = [...unitCols].some((c) => cell(c) !== '');

    // Headings sit in the task columns (area, then sub-task)…
    cols.task.forEach((c, k) => {
      const plainKind = cols.task.length === 2 && k === 0 ? 'area' : 'subtask';
      for (const h of headingsIn(cell(c), plainKind)) b.heading(h, row);
    });
    // …or fill a row of their own (a full-width merged cell, or the measure column of a layout without task columns).
    if (!measureText || (!hasUnits && !measureText.includes('\n') && parseHeading(measureText))) {
      const filled = cells.map((_, c) => c).filter((c) => !cols.task.includes(c) && cell(c));
      if (filled.length > 0 && filled.every((c) => parseHeading(cell(c)))) {
        for (const c of filled) for (const h of headingsIn(cell(c), null)) b.heading(h, row);
        return;
      }
    }

    const leadCell = cols.lead === null ? null : cell(cols.lead);
    const unitTexts = cols.units.map((u) => cell(u.index));
    const deadlineTexts = cols.deadline.map((c) => cell(c));

    if (!measureText) {
      if (!hasUnits) return;
      // A measure cell merged over several rows: these rows add units to it.
      if (!b.measure || !b.subtask?.measures.includes(b.measure)) {
        warnings.push({ code: 'measure_missing', message: `第${row}行有责任单位但没有举措内容，已跳过`, row });
        return;
      }
      const more = assignUnits(
        { lead: leadCell, leadInherited: false, units: cols.units.map((u, k) => ({ text: unitTexts[k], role: u.role })) },
        lookup,
        row,
      );
      const m = b.measure;
      for (const l of more.lead) if (!m.lead.some((x) => x.written === l.written)) m.lead.push(l);
      for (const r of more.responsible)
        if (!m.responsible.some((x) => x.written === r.written && x.role === r.role)) m.responsible.push(r);
      return;
    }

    const subtask = b.ensureSubtask(row);
    // Empty unit and time-limit cells continue the cell above within the sub-task (merged cells).
    let leadInherited = false;
    let lead = leadCell;
    if (leadCell === '') {
      if (b.carry.lead) {
        lead = b.carry.lead;
        leadInherited = true;
      } else warnings.push({ code: 'lead_missing', message: `第${row}行没有牵头单位`, row });
    } else if (leadCell !== null) b.carry.lead = leadCell;

    let responsibleInherited = false;
    let units = unitTexts;
    if (unitTexts.length > 0 && unitTexts.every((t) => !t)) {
      if (b.carry.units.some((t) => t)) {
        units = b.carry.units;
        responsibleInherited = true;
      } else warnings.push({ code: 'responsible_missing', message: `第${row}行没有责任单位`, row });
    } else b.carry.units = unitTexts;

    const deadlines = deadlineTexts.map((t, k) => t || b.carry.deadlines[k]);
    b.carry.deadlines = deadlines;

    const assigned = assignUnits(
      { lead, leadInherited, units: cols.units.map((u, k) => ({ text: units[k], role: u.role })) },
      lookup,
      row,
    );
    const label = cols.seq === null ? null : cell(cols.seq).replace(/[、.．\s]+$/u, '') || null;
    const measure: ParsedMeasure = {
      seq: subtask.measures.length + 1,
      globalSeq: ++b.globalSeq,
      label,
      row,
      ...readMeasure(measureText, deadlines, year, warnings, row),
      lead: assigned.lead,
      leadSource: assigned.leadSource,
      responsible: assigned.responsible,
      responsibleInherited,
    };
    subtask.measures.push(measure);
    b.measure = measure;
  });

  for (const area of b.areas)
    for (const s of area.subtasks)
      if (s.measures.length === 0)
        warnings.push({ code: 'subtask_empty', message: `子任务“${s.title}”下没有举措` });

  return {
    title: cover.title,
    year,
    issuer: cover.issuer,
    issueDate: cover.issueDate,
    docNumber: cover.docNumber,
    areas: b.areas,
    warnings,
  };
}
