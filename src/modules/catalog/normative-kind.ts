/** The normative documents the annual report's section 二 counts (第二十条第（一）项). */
export const NORMATIVE_KINDS = ['规章', '行政规范性文件'] as const;
export type NormativeKind = (typeof NORMATIVE_KINDS)[number];

/** A document saved without a kind takes its column's: a 规章 library, a 规范性文件 library, or neither. */
export function normativeKindOfColumn(columnName: string): NormativeKind | null {
  if (/规章/.test(columnName)) return '规章';
  if (/规范性文件/.test(columnName)) return '行政规范性文件';
  return null;
}

/** 已废止 and 已失效 end a document's force; 已修改 does not (the amended text stays in force). */
export const ceasedValidity = (validity: string) => validity === 'repealed' || validity === 'expired';
