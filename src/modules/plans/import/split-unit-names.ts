import { splitOutsideBrackets } from './split-outside-brackets.ts';

/**
 * Splits a written unit cell into names, keeping the role words some notices put in the cell
 * itself: `市发展改革委牵头，市住建局等政府各有关部门负责落实`.
 */

export type WrittenRole = 'lead' | 'responsible' | 'cooperate';

export interface WrittenUnit {
  written: string;
  /** Set only when the cell says it (牵头 / 负责 / 配合); otherwise the column decides. */
  role?: WrittenRole;
}

const ROLE_SUFFIXES: [RegExp, WrittenRole][] = [
  [/[（(]?牵头(?:单位|部门)?[）)]?$/u, 'lead'],
  [/[（(]?(?:配合|协助|协同|参与)(?:单位|部门)?[）)]?$/u, 'cooperate'],
  [/(?:按职责分工|按职责|分别|共同)?(?:负责落实|负责|落实)$/u, 'responsible'],
];

const ROLE_PREFIXES: [RegExp, WrittenRole][] = [
  [/^牵头(?:单位|部门)?[:：]/u, 'lead'],
  [/^(?:配合|协助|参与)(?:单位|部门)?[:：]/u, 'cooperate'],
  [/^(?:责任|承办)(?:单位|部门)?[:：]/u, 'responsible'],
];

function cleanName(s: string): string {
  return s.replace(/[\s\u3000\u00a0]+/g, '').replace(/^[、，,;；。.：:]+|[、，,;；。.：:]+$/gu, '');
}

/**
 * `市住建局等政府各有关部门` names a unit and then the group it stands for; both are kept.
 * 等 inside words (高等, 平等, 中等, 初等, 同等) is not a separator.
 */
function splitEtc(name: string): string[] {
  return name
    .split(/(?<![高平中初同对均])等(?!级)/u)
    .map(cleanName)
    .filter((s) => s.length > 0);
}

export function splitUnitNames(cell: string): WrittenUnit[] {
  const out: WrittenUnit[] = [];
  // Major separators end a clause (a role word applies to its whole clause); 、 only lists names.
  for (const rawClause of splitOutsideBrackets(cell, /[，,;；\n\r。]/u)) {
    let clause = cleanName(rawClause);
    if (!clause) continue;
    let role: WrittenRole | undefined;
    for (const [re, r] of ROLE_PREFIXES) {
      if (re.test(clause)) {
        role = r;
        clause = clause.replace(re, '');
        break;
      }
    }
    for (const [re, r] of ROLE_SUFFIXES) {
      const stripped = clause.replace(re, '');
      // The whole clause being a role word (a cell reading just 负责) names nobody.
      if (stripped !== clause && stripped.length > 0) {
        role = r;
        clause = stripped;
        break;
      }
    }
    for (const piece of splitOutsideBrackets(clause, /[、]/u)) {
      for (const written of splitEtc(piece)) out.push(role ? { written, role } : { written });
    }
  }
  return out;
}
