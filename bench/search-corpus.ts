/**
 * A synthetic but realistic catalog for the search benchmark: titles and bodies built from the
 * phrases government documents use, random document numbers, years 2015–2026. Seeded, so every run
 * (and both back ends) get the same documents.
 */

export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const TOPICS = [
  '政务公开', '优化营商环境', '行政审批', '城市更新', '老旧小区改造', '生态环境保护', '大气污染防治', '垃圾分类', '河长制', '安全生产',
  '食品安全', '疫情防控', '义务教育', '学前教育', '医疗保障', '养老服务', '社会救助', '就业创业', '乡村振兴', '文化旅游',
  '消费促进', '招商引资', '科技创新', '数字经济', '财政预算', '政府采购', '国有资产', '审计整改', '行政执法', '法治政府建设',
  '信访工作', '应急管理', '防汛抗旱', '交通运输', '停车管理', '市容环境', '住房保障', '公租房', '不动产登记', '税收优惠',
  '减税降费', '稳岗补贴', '人才引进', '档案管理', '保密工作', '统计调查', '人口普查', '民族宗教', '退役军人服务', '残疾人保障',
  '妇女儿童发展', '志愿服务', '社区治理', '网格化管理', '基层政务公开', '政策解读', '政务服务', '一网通办', '12345热线', '互联网+监管',
];
const VERBS = ['印发', '做好', '加强', '推进', '开展', '进一步规范', '深化', '落实', '完善', '调整', '公布', '组织实施', '全面推行', '持续改进'];
const KINDS = ['通知', '实施意见', '工作方案', '管理办法', '实施细则', '工作要点', '公告', '公示', '决定', '批复', '函', '情况报告'];
const UNITS = ['区政府办公室', '区发展改革委', '区教委', '区财政局', '区民政局', '区司法局', '区人力社保局', '区生态环境局', '区住房城市建委', '区城管局', '区交通局', '区商务委', '区卫生健康委', '区应急局', '区市场监管局', '区统计局', '区医保局', '解放碑街道', '朝天门街道', '大溪沟街道'];
const ABBR = ['渝中府办发', '渝中府发', '渝中府办', '渝中发改', '渝中教委发', '渝中财发', '渝中民政发', '渝中人社发', '渝中环发', '渝中建委发', '渝中卫健发', '渝中商务发'];
const SENTENCES = [
  '为深入贯彻落实党中央、国务院关于{t}的决策部署，结合我区实际，制定本方案。',
  '各部门、各街道要高度重视{t}工作，切实加强组织领导，明确责任分工，确保各项任务落到实处。',
  '到{y}年底，全区{t}工作机制更加健全，群众满意度明显提升。',
  '区{u}负责牵头做好{t}的统筹协调、督促检查和考核评估工作。',
  '对{t}中发现的问题，要建立台账、限期整改，实行销号管理。',
  '按照“谁主管、谁负责”“谁发布、谁解读”的原则，同步做好政策解读和舆情回应。',
  '本办法自印发之日起施行，有效期{n}年。此前有关规定与本办法不一致的，以本办法为准。',
  '申请人可通过线上平台、窗口办理等方式提出申请，受理机关应当在{n}个工作日内予以答复。',
  '{y}年全区共完成{t}项目{n}个，完成投资{n}亿元，同比增长{n}%。',
  '进一步拓展APP、微信公众号、政务微博等新媒体渠道，推动5G、WiFi等信息基础设施建设。',
  '严格落实“三审三校”制度，坚持先审后发，严防泄密和发布错误信息。',
  '加大对{t}的宣传力度，通过新闻发布会、政策吹风会等形式及时回应社会关切。',
  '各单位于每季度末前报送工作进展情况，区政府办公室将适时开展督查并通报结果。',
  '对工作推进不力、造成不良影响的，依规依纪严肃追究相关人员责任。',
  '涉及群众切身利益的重大决策，应当通过听证座谈、网络征集等方式广泛听取意见。',
  '联系电话：023-6376{n}，联系地址：渝中区人民路{n}号。',
];

export interface CorpusDoc {
  title: string;
  body: string;
  docNumber: string | null;
  year: number;
  publishedAt: Date;
  status: string;
  validity: string;
  topic: string;
}

export function makeDoc(r: () => number, now: Date): CorpusDoc {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const year = 2015 + Math.floor(r() * 12);
  const t = pick(TOPICS);
  const u = pick(UNITS);
  const title = (() => {
    switch (Math.floor(r() * 5)) {
      case 0:
        return `${u}关于${pick(VERBS)}${t}工作的${pick(KINDS)}`;
      case 1:
        return `关于${pick(VERBS)}${year}年${t}的${pick(KINDS)}`;
      case 2:
        return `${u}${year}年${t}${pick(['工作要点', '工作总结', '情况公示', '实施方案'])}`;
      case 3:
        return `渝中区${t}${pick(KINDS)}（${year}年修订）`;
      default:
        return `关于${t}和${pick(TOPICS)}有关事项的${pick(KINDS)}`;
    }
  })();
  const n = () => String(1 + Math.floor(r() * 99));
  // Notices are short, plans and reports long: 10–30 sentences mostly, some up to 200 (about 1,400 characters on average).
  const u0 = r();
  const sentences = u0 < 0.7 ? 10 + Math.floor(r() * 21) : u0 < 0.95 ? 30 + Math.floor(r() * 51) : 80 + Math.floor(r() * 121);
  const body = Array.from({ length: sentences }, () =>
    pick(SENTENCES)
      .replace(/\{t\}/g, () => (r() < 0.6 ? t : pick(TOPICS)))
      .replace(/\{u\}/g, () => pick(UNITS).replace(/^区/, ''))
      .replace(/\{y\}/g, String(year))
      .replace(/\{n\}/g, n),
  )
    .map((s) => `<p>${s}</p>`)
    .join('');
  const start = Date.UTC(year, 0, 1) - 8 * 3600_000;
  const end = Math.min(Date.UTC(year + 1, 0, 1) - 8 * 3600_000, now.getTime() - 3600_000);
  const publishedAt = new Date(start + Math.floor(r() * Math.max(1, end - start)));
  const s = r();
  const status = s < 0.96 ? 'published' : s < 0.975 ? 'scheduled' : s < 0.99 ? 'withdrawn' : 'draft';
  const v = r();
  const validity = v < 0.9 ? 'valid' : v < 0.95 ? 'amended' : v < 0.98 ? 'repealed' : 'expired';
  return { title, body, docNumber: r() < 0.6 ? `${pick(ABBR)}〔${year}〕${1 + Math.floor(r() * 200)}号` : null, year, publishedAt, status, validity, topic: t };
}
