/**
 * Shapes of the notice importer. Everything here is plain data (JSON-serialisable): the parser
 * knows nothing of the database, so the caller stores or shows the result as it likes.
 */

/** Looks up a unit name as the notice writes it. `null` means the name is unknown. */
export interface UnitResolver {
  resolve(written: string): { unitId: string; name: string; group?: string }[] | null;
}

export interface ParseOptions {
  resolver: UnitResolver;
  /** The plan's year when the title does not say it (or says it wrongly). */
  year?: number;
}

/** What every reader (text, docx, xlsx) hands to the one table interpreter. */
export interface RawTable {
  /** Cells as text; paragraphs inside a cell joined by `\n`. An empty cell continues the cell above. */
  rows: string[][];
  /** Text before the table (the cover notice and the table's caption). */
  coverText: string;
}

export interface UnitRef {
  /** The name as the notice writes it (trimmed, trailing `、` and role words like 牵头 removed). */
  written: string;
  unitId: string | null;
  name: string | null;
  group?: string;
}

export interface ResponsibleRef extends UnitRef {
  /** 配合 (cooperating) units are kept apart from those that carry the work (负责落实). */
  role: 'responsible' | 'cooperate';
}

export type DeadlineKind =
  | 'absolute' // a calendar date, e.g. 2021年6月底前, or 12月底前 in the plan's year
  | 'year_relative' // 次年1月底前, 全年, 三季度前, 年底前
  | 'recurring' // 每年 / 每季度 …: `date` is the plan year's end for yearly duties, else null
  | 'event' // N months after something that has not happened yet: dated later from `event` + `offset`
  | 'service_clock' // a reply clock (5个工作日内), not a plan deadline
  | 'statutory' // 法定期限内: the legal clock lives elsewhere
  | 'ongoing' // 持续推进 / 长期 in a time-limit column
  | 'other'; // a time-limit cell not understood: its text is kept, undated

export interface Deadline {
  date: string | null;
  text: string;
  kind: DeadlineKind;
  /** Where it was found: the measure's text or the time-limit column. */
  source: 'text' | 'column';
  recurrence?: 'year' | 'halfyear' | 'quarter' | 'month' | 'week';
  /** For kind 'event': the event still to happen, e.g. 市政府有关部门印发基层政务公开标准指引. */
  event?: string;
  offset?: { months?: number; days?: number; weeks?: number };
  /** For kind 'service_clock'. */
  workingDays?: number;
  days?: number;
}

export interface NumericTarget {
  text: string;
  min?: number;
  max?: number;
  unit: string;
  period?: 'year' | 'halfyear' | 'quarter' | 'month' | 'week';
  /** The clause the target sits in, so a reader sees what is counted. */
  context: string;
}

export interface ColumnInstruction {
  /** Catalog path of the parent column (政府网站 dropped; 部门网页 kept for unit sub-sites). */
  parentPath: string[];
  names: string[];
  text: string;
}

export interface OutlineEntry {
  /** The numbering as written (`1`, `（1）`), null when Word's auto-numbering was lost. */
  label: string | null;
  level: number;
  /** Index into `items` of the enclosing item, for `（1）` under `1．`. */
  parent: number | null;
}

export interface ParsedMeasure {
  seq: number;
  /** 1-based position over the whole plan ("measure 1" … "measure 46"). */
  globalSeq: number;
  /** The 序号 cell when the table has one. */
  label: string | null;
  /** Source row: table row for text/docx (header = 1), sheet row for xlsx. */
  row: number;
  text: string;
  items: string[];
  /** outline[i] describes items[i]: its numbering, level and parent item. */
  outline: OutlineEntry[];
  lead: UnitRef[];
  /** How the lead was found: its own column, a 牵头 marker, first name listed, or the row above (merged cell). */
  leadSource: 'column' | 'marker' | 'first_listed' | 'inherited' | 'none';
  responsible: ResponsibleRef[];
  responsibleInherited: boolean;
  deadlines: Deadline[];
  disclosurePaths: string[][];
  otherChannels: string[];
  columnInstructions: ColumnInstruction[];
  targets: NumericTarget[];
}

export interface ParsedSubtask {
  seq: number;
  label: string | null;
  title: string;
  measures: ParsedMeasure[];
}

export interface ParsedArea {
  seq: number;
  label: string | null;
  title: string;
  subtasks: ParsedSubtask[];
}

export interface ImportWarning {
  code: string;
  message: string;
  row?: number;
}

export interface ParsedPlan {
  title: string | null;
  year: number | null;
  issuer: string | null;
  issueDate: string | null;
  docNumber: string | null;
  areas: ParsedArea[];
  warnings: ImportWarning[];
}
