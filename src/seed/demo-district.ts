import type { UnitKind } from '../platform/units/unit-kinds.ts';
import type { GroupMembership } from '../platform/units/unit-kinds.ts';
import { orgCodeCheck, usccCheck } from '../platform/units/agency-code.ts';

/**
 * The demo district: 渝中区 with every unit its 2021 task-division notice names, and its 11 街道.
 * `short` is the form notices write; `aliases` are other forms met in practice.
 */
export const REGION = { name: '重庆市渝中区人民政府', short: '渝中区', kind: 'region' as const };

export const DEMO_UNITS: { name: string; short: string; kind: UnitKind; aliases?: string[]; isAgency?: boolean }[] = [
  { name: '重庆市渝中区人民政府办公室', short: '区政府办公室', kind: 'department', aliases: ['区府办', '渝中区政府办公室'] },
  { name: '重庆市渝中区发展和改革委员会', short: '区发展改革委', kind: 'department', aliases: ['区发改委'] },
  { name: '重庆市渝中区经济和信息化委员会', short: '区经济信息委', kind: 'department', aliases: ['区经信委'] },
  { name: '重庆市渝中区教育委员会', short: '区教委', kind: 'department' },
  { name: '重庆市渝中区民政局', short: '区民政局', kind: 'department' },
  { name: '重庆市渝中区司法局', short: '区司法局', kind: 'department' },
  { name: '重庆市渝中区财政局', short: '区财政局', kind: 'department' },
  { name: '重庆市渝中区人力资源和社会保障局', short: '区人力社保局', kind: 'department', aliases: ['区人社局'] },
  { name: '重庆市规划和自然资源局渝中区分局', short: '区规划自然资源局', kind: 'department', aliases: ['区规划资源局'] },
  { name: '重庆市渝中区生态环境局', short: '区生态环境局', kind: 'department' },
  { name: '重庆市渝中区住房和城乡建设委员会', short: '区住房城市建委', kind: 'department', aliases: ['区住建委'] },
  { name: '重庆市渝中区城市管理局', short: '区城管局', kind: 'department' },
  { name: '重庆市渝中区交通局', short: '区交通局', kind: 'department' },
  { name: '重庆市渝中区商务委员会', short: '区商务委', kind: 'department' },
  { name: '重庆市渝中区文化和旅游发展委员会', short: '区文化旅游委', kind: 'department', aliases: ['区文旅委'] },
  { name: '重庆市渝中区卫生健康委员会', short: '区卫生健康委', kind: 'department', aliases: ['区卫健委'] },
  { name: '重庆市渝中区应急管理局', short: '区应急局', kind: 'department', aliases: ['区应急管理局'] },
  { name: '重庆市渝中区市场监督管理局', short: '区市场监管局', kind: 'department' },
  { name: '重庆市渝中区金融工作办公室', short: '区金融办', kind: 'department' },
  { name: '重庆市渝中区人民政府新闻办公室', short: '区政府新闻办', kind: 'department', aliases: ['区新闻办'] },
  { name: '中共重庆市渝中区委网络安全和信息化委员会办公室', short: '区网信办', kind: 'department' },
  { name: '重庆市渝中区党政信息中心', short: '区党政信息中心', kind: 'center', isAgency: false },
  { name: '中共重庆市渝中区委党校（重庆市渝中区行政学校）', short: '区行政学校', kind: 'school', isAgency: false, aliases: ['区委党校'] },
  // 管委会 of the district (demo entries).
  { name: '重庆市渝中区解放碑中央商务区管理委员会', short: '解放碑CBD管委会', kind: 'committee', aliases: ['解放碑管委会'] },
  { name: '重庆市渝中区化龙桥片区管理委员会', short: '化龙桥片区管委会', kind: 'committee' },
  // The 11 街道 of 渝中区.
  ...['七星岗', '解放碑', '两路口', '上清寺', '菜园坝', '南纪门', '朝天门', '大坪', '化龙桥', '石油路', '大溪沟'].map((n) => ({
    name: `重庆市渝中区人民政府${n}街道办事处`,
    short: `${n}街道`,
    kind: 'street' as const,
    aliases: [`${n}街道办事处`],
  })),
];

export const DEMO_GROUPS: { name: string; membership: GroupMembership; memberKinds?: UnitKind[]; aliases?: string[]; description: string }[] = [
  { name: '区政府各部门', membership: 'kinds', memberKinds: ['department'], aliases: ['区政府部门', '区级各部门', '区级国家机关各部门'], description: '区政府所有工作部门' },
  { name: '管委会', membership: 'kinds', memberKinds: ['committee'], aliases: ['各管委会'], description: '全部管委会' },
  { name: '街道办事处', membership: 'kinds', memberKinds: ['street'], aliases: ['各街道办事处', '各街道'], description: '全部街道办事处' },
  { name: '区政府有关部门', membership: 'per_use', aliases: ['政府有关部门', '区级有关部门'], description: '每项举措由区政府办公室确定具体部门' },
  { name: '区级其他有关部门', membership: 'per_use', description: '每次使用时确定具体部门' },
  { name: '各镇人民政府', membership: 'kinds', memberKinds: ['town'], aliases: ['镇人民政府'], description: '全部镇人民政府（渝中区无镇）' },
];

/**
 * The demo units' 机构代码 (their 索引号 start with it): 统一社会信用代码 of 渝中区 (division 500103),
 * 11 for 机关, 12 for 事业单位, with a made-up 组织机构代码 body 99xxxxxx — valid check characters, but
 * not any real agency's code. `n` is the unit's place in the demo (0: the region).
 */
export function demoAgencyCode(n: number, isAgency = true): string {
  const body = `99${String(n + 1).padStart(6, '0')}`;
  const head = `${isAgency ? '11' : '12'}500103${body}${orgCodeCheck(body)}`;
  return head + usccCheck(head);
}
