/**
 * Recognises a table's columns by their header text, so that one interpreter serves every layout:
 * 工作任务 | 贯彻举措 | 牵头单位 | 责任单位, or 序号 | 工作任务 | 具体举措 | 责任单位 | 完成时限, and so on.
 */

export type ColumnRole = 'seq' | 'task' | 'measure' | 'lead' | 'responsible' | 'cooperate' | 'deadline' | 'remark';

export interface ColumnMap {
  seq: number | null;
  /** One or two columns: area then sub-task (a header 工作任务 spanning both). */
  task: number[];
  measure: number;
  lead: number | null;
  units: { index: number; role: 'responsible' | 'cooperate' }[];
  deadline: number[];
  width: number;
}

// Order matters: 牵头单位 before 单位, 具体任务 (a measure) before 任务.
const ROLE_PATTERNS: [RegExp, ColumnRole][] = [
  [/^(?:序号|编号|序|No\.?)$/iu, 'seq'],
  [/牵头/u, 'lead'],
  [/配合|协办|协同|参与/u, 'cooperate'],
  [/责任|承办|主办|落实单位|实施单位|负责单位|负责部门|^单位$|^部门$/u, 'responsible'],
  [/时限|时间|期限|进度|节点/u, 'deadline'],
  [/备注|说明/u, 'remark'],
  [/举措|措施|具体任务|具体工作|任务内容|工作内容|主要内容|具体内容|工作要求|具体要求|贯彻|内容/u, 'measure'],
  [/任务|要点|事项|项目|类别|领域|重点工作|^工作$/u, 'task'],
];

export function classifyHeader(cell: string): ColumnRole | null {
  const text = cell.replace(/[\s\u3000\u00a0]+/gu, '');
  if (!text || text.length > 12) return null;
  for (const [re, role] of ROLE_PATTERNS) if (re.test(text)) return role;
  return null;
}

/**
 * Maps a header row onto data rows `dataWidth` cells wide. A header cell spanning several data
 * columns (工作任务 over area and sub-task) arrives either followed by empty cells (docx gridSpan,
 * xlsx merge) or simply short (Word's text export): both widen the task column.
 */
export function mapColumns(header: string[], dataWidth = header.length): ColumnMap | null {
  const roles = header.map(classifyHeader);
  const empty = header.map((h) => !h.trim());
  const missing = dataWidth - roles.length;
  if (missing > 0) {
    const lastTask = roles.lastIndexOf('task');
    const at = lastTask >= 0 ? lastTask + 1 : roles.length;
    roles.splice(at, 0, ...Array<ColumnRole | null>(missing).fill(null));
    empty.splice(at, 0, ...Array<boolean>(missing).fill(true));
  }
  for (let i = 1; i < roles.length; i++) if (roles[i] === null && empty[i] && roles[i - 1] === 'task') roles[i] = 'task';

  const task = roles.flatMap((r, i) => (r === 'task' ? [i] : []));
  let measure = roles.indexOf('measure');
  // 序号 | 工作任务 | 责任单位: the task column is itself the measure.
  if (measure < 0 && task.length === 1) measure = task.pop() as number;
  const lead = roles.indexOf('lead');
  const units = roles.flatMap((r, i) =>
    r === 'responsible' || r === 'cooperate' ? [{ index: i, role: r as 'responsible' | 'cooperate' }] : [],
  );
  if (measure < 0 || (lead < 0 && units.length === 0)) return null;
  const seq = roles.indexOf('seq');
  return {
    seq: seq >= 0 ? seq : null,
    task: task.slice(0, 2),
    measure,
    lead: lead >= 0 ? lead : null,
    units,
    deadline: roles.flatMap((r, i) => (r === 'deadline' ? [i] : [])),
    width: roles.length,
  };
}

export function looksLikeHeader(cells: string[]): boolean {
  return mapColumns(cells) !== null;
}

export function findHeaderRow(rows: string[][]): number {
  return rows.findIndex(looksLikeHeader);
}
