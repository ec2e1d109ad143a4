import type { ReviewStep } from '../../db/schema/index.ts';

/** 三审: 初审 and 复审 by reviewers of the owning unit, 终审 by its approver (签发人). */
export const DEFAULT_REVIEW_STEPS: ReviewStep[] = [
  { name: '初审', role: 'reviewer' },
  { name: '复审', role: 'reviewer' },
  { name: '终审', role: 'approver' },
];

/**
 * The national standard column (国办公开办函〔2019〕61号) and the 政府信息公开目录 under 政务公开, as the
 * district portal's root columns. Slugs are the portal's fixed URLs (/xxgk/zn …).
 */
export const STANDARD_COLUMNS: { path: string[]; slug: string; category: ColumnCategory }[] = [
  { path: ['政府信息公开'], slug: 'xxgk', category: 'other' },
  { path: ['政府信息公开', '政府信息公开指南'], slug: 'zn', category: 'other' },
  { path: ['政府信息公开', '政府信息公开制度'], slug: 'zd', category: 'policy' },
  { path: ['政府信息公开', '法定主动公开内容'], slug: 'fdzdgknr', category: 'other' },
  { path: ['政府信息公开', '政府信息公开年报'], slug: 'nb', category: 'other' },
  { path: ['政务公开'], slug: 'zwgk', category: 'other' },
  { path: ['政务公开', '政府信息公开目录'], slug: 'ml', category: 'other' },
  { path: ['政务公开', '政府信息公开目录', '通知公告'], slug: 'tzgg', category: 'notice' },
  { path: ['政务公开', '政府信息公开目录', '工作动态'], slug: 'gzdt', category: 'news' },
];

/** The notice writes the same place three ways; these land them on one tree. Stored as data, editable. */
export const DEFAULT_PATH_MAPPINGS = [
  { fromPrefix: ['政府信息公开目录'], toPrefix: ['政务公开', '政府信息公开目录'], note: '“政府信息公开目录>…”指政务公开下的目录' },
  {
    fromPrefix: ['政府信息公开', '法定主动公开内容', '履职依据', '本部门、本单位规范性文件'],
    toPrefix: ['部门网页', '政府信息公开', '法定主动公开内容', '履职依据', '本部门、本单位规范性文件'],
    note: '“本部门、本单位”的规范性文件库建在各责任单位的部门网页',
  },
];

export type ColumnCategory = 'news' | 'notice' | 'policy' | 'other';

/** Website inspection rules (国办秘函〔2019〕19号): news-type 2 weeks; 通知公告 / 政策文件 6 months. */
export const UPDATE_INTERVAL_DAYS: Record<ColumnCategory, number | null> = { news: 14, notice: 180, policy: 180, other: null };

export function guessCategory(name: string): ColumnCategory {
  if (/通知公告|公告公示/.test(name)) return 'notice';
  // 政策解读 explains policies; it is not one (nor a normative-document library).
  if (/解读/.test(name)) return 'other';
  if (/政策|文件|规章|规范性|法规|制度/.test(name)) return 'policy';
  if (/动态|要闻|新闻|工作信息/.test(name)) return 'news';
  return 'other';
}
