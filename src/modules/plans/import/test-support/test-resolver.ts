import type { UnitResolver } from '../types.ts';

/**
 * A resolver over a small in-memory map, standing in for the unit registry in tests and the
 * benchmark: exact names, aliases, and group names (a group answers with its members, or with no
 * one when its members are chosen per measure).
 */

const UNITS: Record<string, string> = {
  区政府办公室: 'u-gov-office',
  区发展改革委: 'u-ndrc',
  区经济信息委: 'u-econ-info',
  区教委: 'u-edu',
  区民政局: 'u-civil',
  区司法局: 'u-justice',
  区财政局: 'u-finance',
  区人力社保局: 'u-hr',
  区规划自然资源局: 'u-planning',
  区生态环境局: 'u-eco',
  区住房城市建委: 'u-housing',
  区城管局: 'u-urban',
  区交通局: 'u-transport',
  区商务委: 'u-commerce',
  区文化旅游委: 'u-culture',
  区卫生健康委: 'u-health',
  区应急局: 'u-emergency',
  区市场监管局: 'u-market',
  区金融办: 'u-finance-office',
  区政府新闻办: 'u-press',
  区网信办: 'u-cyber',
  区党政信息中心: 'u-info-center',
  区行政学校: 'u-school',
  解放碑CBD管委会: 'u-cbd',
  七星岗街道: 'u-qxg',
  解放碑街道: 'u-jfb',
  // Municipal units, for layouts copied from the city's notice.
  市发展改革委: 'u-city-ndrc',
  市住建局: 'u-city-housing',
};

const ALIASES: Record<string, string> = {
  区发改委: '区发展改革委',
  区卫健委: '区卫生健康委',
  区新闻办: '区政府新闻办',
  区委党校: '区行政学校',
};

const DEPARTMENTS = ['区政府办公室', '区发展改革委', '区财政局'];
const GROUPS: Record<string, string[]> = {
  区政府各部门: DEPARTMENTS,
  区级各部门: DEPARTMENTS,
  管委会: ['解放碑CBD管委会'],
  街道办事处: ['七星岗街道', '解放碑街道'],
  // Chosen per measure: a known group with no fixed members.
  区政府有关部门: [],
  政府各有关部门: [],
};

export function makeTestResolver(extraUnknown: string[] = []): UnitResolver & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    resolve(written) {
      calls.push(written);
      if (extraUnknown.includes(written)) return null;
      const name = ALIASES[written] ?? written;
      if (UNITS[name]) return [{ unitId: UNITS[name], name }];
      const members = GROUPS[written];
      if (members) return members.map((m) => ({ unitId: UNITS[m], name: m, group: written }));
      return null;
    },
  };
}
