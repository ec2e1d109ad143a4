/** Kinds of unit, with the Chinese the UI shows. */
export const UNIT_KINDS = {
  region: '区（行政区域）',
  department: '部门',
  committee: '管委会',
  street: '街道',
  town: '镇',
  center: '中心',
  school: '学校',
  other: '其他',
} as const;
export type UnitKind = keyof typeof UNIT_KINDS;
export const UNIT_KIND_CODES = Object.keys(UNIT_KINDS) as [UnitKind, ...UnitKind[]];

export const GROUP_MEMBERSHIPS = {
  kinds: '按单位类型自动包含',
  list: '固定名单',
  per_use: '每次使用时选定',
} as const;
export type GroupMembership = keyof typeof GROUP_MEMBERSHIPS;
export const GROUP_MEMBERSHIP_CODES = Object.keys(GROUP_MEMBERSHIPS) as [GroupMembership, ...GroupMembership[]];
