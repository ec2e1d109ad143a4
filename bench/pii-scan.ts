/**
 * Speed of the personal-information scanner on a large government text.
 * Run: npx tsx bench/pii-scan.ts
 *
 * Builds about 1 MB (UTF-8) of realistic 政务公开 prose — notices, request replies, penalty
 * decisions, tables — with personal information scattered through it (IDs, mobiles, cards,
 * e-mails, addresses, names, passports, plates, some disguised with full-width digits or
 * zero-width spaces) and values that must stay (document and index numbers, credit codes,
 * landlines, agency addresses, dates, amounts). Prints median and p95 of 20 runs; the target
 * is a median under 200 ms.
 */
import { scanText } from '../src/modules/catalog/pii/index.ts';

const RUNS = 20;
const TARGET_BYTES = 1024 * 1024;

// Deterministic pseudo-random numbers, so every run of the bench scans the same text.
let seed = 20210604;
function rand(n: number): number {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
}
function digits(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rand(10));
  return s;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function idNumber(): string {
  const birth = `${1950 + rand(55)}${String(1 + rand(12)).padStart(2, '0')}${String(1 + rand(28)).padStart(2, '0')}`;
  const s17 = `500103${birth}${digits(3)}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s17[i]) * ID_WEIGHTS[i];
  return s17 + '10X98765432'[sum % 11];
}
function cardNumber(): string {
  const body = `622202${digits(12)}`;
  for (let d = 0; d < 10; d++) {
    const s = body + d;
    let sum = 0;
    for (let i = 0; i < s.length; i++) {
      let v = Number(s[s.length - 1 - i]);
      if (i % 2 === 1) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
      sum += v;
    }
    if (sum % 10 === 0) return s;
  }
  return body + '0';
}
const mobile = () => `1${3 + rand(7)}${digits(9)}`;
const pick = <T>(xs: readonly T[]): T => xs[rand(xs.length)];

const SURNAMES = ['张', '李', '王', '刘', '陈', '杨', '赵', '黄', '周', '吴', '欧阳', '徐', '孙'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '小明', '建国', '秀英', '志强'];
const name = () => pick(SURNAMES) + pick(GIVEN);
const ROADS = ['中山一路', '民族路', '解放东路', '大坪正街', '人民路', '和平路', '长江一路', '嘉陵江滨江路'];
const STREETS = ['七星岗街道', '解放碑街道', '大溪沟街道', '上清寺街道', '化龙桥街道', '石油路街道'];

const PROSE = [
  '为深入贯彻落实《中华人民共和国政府信息公开条例》，进一步提升政务公开质量，区政府办公室（地址：渝中区人民路252号，联系电话：023-63767000）现将有关事项通知如下。',
  '各部门、单位要严格落实“三审三校”制度，依法保护个人隐私，除惩戒公示、强制性信息披露外，对于涉及个人隐私的政府信息，公开时要去标识化处理。',
  '索引号：11500103009359347P/2021-00012，发布机构：重庆市渝中区人民政府办公室，成文日期：2021年6月4日，发文字号：渝中府办发〔2021〕50号。',
  '根据《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》（国办函〔2020〕109号）要求，本年度收取信息处理费0.00元，行政事业性收费金额1234567890.00元。',
  '区政务服务中心位于渝中区人民路252号，工作日受理咨询，政务服务热线12345，政府信息公开咨询电话（023）63767000，电子邮箱xxgk@cqyz.gov.cn。',
  '统一社会信用代码：91500103MA5U123458，法定代表人由该公司依法登记，登记日期20210604。',
  '区长 张三 出席会议并讲话，要求各街道、各部门抓好贯彻落实，经研究，任命李四同志为区政府办公室主任。',
  '各牵头单位要通过政府网站等公开平台采集相关数据，对责任单位《任务分工》完成情况进行检查，检查结果与本部门年度考核挂钩。',
  '已脱敏示例：申请人张某，身份证号500103********1234，手机138****1234，住址渝中区****。',
];

function personalParagraph(): string {
  const n = name();
  const id = idNumber();
  const variants = [
    () => `申请人${n}（身份证号：${id}，联系电话：${mobile()}）于2021年5月20日通过网上申请平台向本机关提出政府信息公开申请，要求公开渝中区2021年城市更新项目的有关文件。`,
    () => `当事人${n}，住址：重庆市渝中区${pick(STREETS)}${pick(ROADS)}${1 + rand(300)}号${1 + rand(9)}单元${1 + rand(30)}-${1 + rand(6)}，因违法搭建被处以罚款2000元。`,
    () => `投诉人${n}反映，其银行卡号${cardNumber()}被误扣款项，请退还至该卡，联系邮箱${['zhang', 'li', 'wang', 'liu'][rand(4)]}${digits(4)}@163.com。`,
    () => `举报人${n}称，车牌号为渝A${digits(5)}的小型轿车长期占用消防通道，请交巡警支队依法处理。`,
    () => `患者${n}，护照号码E${digits(8)}，家住渝中区${pick(ROADS)}${1 + rand(200)}号${1 + rand(20)}栋${100 + rand(900)}室，已按规定办理异地就医备案。`,
    // Disguised values: full-width digits and a zero-width space inside the numbers.
    () => `户主${n}，身份证号${id.slice(0, 4)}０${id.slice(5)}，手机${mobile().replace(/^(\d{3})/, '$1\u200B')}，申请廉租住房补贴。`,
  ];
  return pick(variants)();
}

function buildText(): { text: string; planted: number } {
  const parts: string[] = [];
  let bytes = 0;
  let planted = 0;
  let row = 0;
  while (bytes < TARGET_BYTES) {
    let para: string;
    const r = rand(10);
    if (r < 3) {
      para = personalParagraph();
      planted++;
    } else if (r < 4) {
      // A roster as extracted from a Word table: header row, then tab-separated rows.
      const rows = ['序号\t姓名\t身份证号\t联系电话\t所在街道'];
      for (let i = 0, n = 3 + rand(6); i < n; i++) {
        rows.push(`${++row}\t${name()}\t${idNumber()}\t${mobile()}\t${pick(STREETS)}`);
      }
      para = rows.join('\n');
      planted += rows.length - 1;
    } else {
      para = pick(PROSE);
    }
    parts.push(para);
    bytes += Buffer.byteLength(para, 'utf8') + 1;
  }
  return { text: parts.join('\n'), planted };
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)];
}

const { text, planted } = buildText();
const t0 = performance.now();
const first = scanText(text);
const firstMs = performance.now() - t0;

const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const t = performance.now();
  scanText(text);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);

const byType = new Map<string, number>();
for (const f of first) byType.set(f.type, (byType.get(f.type) ?? 0) + 1);
const median = percentile(times, 50);

console.log(`text: ${(Buffer.byteLength(text, 'utf8') / 1024 / 1024).toFixed(2)} MB UTF-8, ${text.length} UTF-16 units, ${planted} paragraphs with personal data`);
console.log(`findings: ${first.length} (${[...byType].map(([t, n]) => `${t} ${n}`).join(', ')})`);
console.log(`first run (loads the word list): ${firstMs.toFixed(1)} ms`);
console.log(`${RUNS} runs: median ${median.toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, min ${times[0].toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms`);
console.log(median < 200 ? 'OK: median under 200 ms' : 'SLOW: median over 200 ms');

// Hostile 1 MB inputs: long runs that could make a careless regex backtrack.
const N = 1_000_000;
const hostile: [string, string][] = [
  ['1 MB of digits', '1'.repeat(N)],
  ['1 MB of "@"', '@'.repeat(N)],
  ['local parts without domains', ('a'.repeat(60) + '@').repeat(N / 61)],
  ['house-number chain 1号1号…', '1号'.repeat(N / 2)],
  ['full-width digits', '１'.repeat(N)],
  ['zero-width space between digits', '1\u200B'.repeat(N / 2)],
  ['200k role words 申请人', '申请人'.repeat(N / 5)],
];
for (const [label, input] of hostile) {
  const t = performance.now();
  scanText(input);
  console.log(`hostile: ${label}: ${(performance.now() - t).toFixed(1)} ms`);
}
