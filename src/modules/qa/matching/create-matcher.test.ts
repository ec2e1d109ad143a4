import { describe, expect, it } from 'vitest';
import { createMatcher } from './create-matcher.js';
import type { MatchEntry } from './types.js';

const entry = (id: string, question: string, answer: string, variants: string[] = [], autoAnswer = true): MatchEntry => ({
  id,
  question,
  variants,
  answer,
  autoAnswer,
});

const BANK: MatchEntry[] = [
  entry('info', '如何向区政府申请公开政府信息', '可通过渝中区人民政府门户网站在线申请，也可当面或邮寄提交申请表。', ['怎样提出政府信息公开申请']),
  entry('pf-rent', '怎么提取住房公积金用于租房', '无房职工租房自住的，可在渝中区公积金中心申请租房提取，每年一次。'),
  entry('pf-retire', '退休后怎么提取住房公积金', '职工办理退休手续后，凭身份证申请销户提取住房公积金全部余额。'),
  entry('subsidy-2023', '2023年一次性扩岗补助怎么申领', '2023年的扩岗补助按每人1500元发放，已截止。'),
  entry('subsidy-2024', '2024年一次性扩岗补助怎么申领', '2024年的扩岗补助按每人1000元发放，网上申领。'),
  entry('pension-flex', '灵活就业人员怎么缴纳养老保险', '灵活就业人员到渝中区社保窗口登记后自行缴费。'),
  entry('pension-staff', '企业职工养老保险由谁缴纳', '企业职工养老保险由单位和个人共同缴纳，单位代扣代缴。'),
  entry('school-yz', '渝中区小学一年级入学怎么报名', '渝中区小学一年级新生每年5月在区教委平台网上报名。'),
  entry('school-jb', '江北区小学一年级入学怎么报名', '江北区小学一年级新生每年5月中旬在江北区入学平台报名。'),
  entry('dibao', '最低生活保障申请条件', '渝中区户籍家庭人均收入低于低保标准的可申请。'),
  entry('id-card', '身份证过期了怎么换领', '持原证到渝中区任一派出所申请换领。'),
];

describe('createMatcher', () => {
  const m = createMatcher(BANK);

  it('answers a moderate paraphrase automatically', () => {
    const r = m.match('最低生活保障要什么条件才能申请');
    expect(r.ranked[0].entryId).toBe('dibao');
    expect(r.decision).toBe('answer');
    expect(r.answerId).toBe('dibao');
    expect(r.score).toBeGreaterThan(0);
    expect(r.margin).toBeGreaterThan(0);
  });

  it('answers a question typed as an entry has it — or with only punctuation, spaces, full-width or traditional characters changed — although a neighbour shares most of its words', () => {
    // Both score near 1, so their scores differ by little; their evidence (log-odds) differs clearly.
    const bank = [
      entry('budget', '区级部门预算在哪里公开', '部门预算在批复后20日内于门户网站“财政预决算”栏目公开。', ['部门预算去哪里看']),
      entry('final', '区级部门决算在哪里公开', '部门决算在批复后20日内于门户网站“财政预决算”栏目公开，附三公经费说明。', ['部门决算去哪里看']),
      entry('jobless', '失业保险金怎么申领', '非因本人意愿中断就业、已办理失业登记的，可申领失业保险金。', ['被辞退了怎么领失业保险金']),
    ];
    const exact = createMatcher(bank);
    for (const [q, id] of [
      ['区级部门预算在哪里公开', 'budget'],
      ['区级部门决算在哪里公开？', 'final'],
      [' 区级 部门 决算 在哪里 公开 ', 'final'],
      ['區級部門預算在哪裡公開！', 'budget'],
      ['被辞退了怎么领失业保险金', 'jobless'],
    ]) {
      const r = exact.match(q);
      expect([q, r.decision, r.answerId]).toEqual([q, 'answer', id]);
    }
    // Another place or year is still not answered at once.
    expect(exact.match('江北区区级部门预算在哪里公开').decision).not.toBe('answer');
  });

  it('does not answer a question about a thing the library never names (二手车 against 二手房, 船舶驾驶证)', () => {
    const bank = [
      entry('house', '二手房过户需要哪些材料', '买卖双方持身份证明、不动产权证书、买卖合同、完税凭证到不动产登记中心申请转移登记。'),
      entry('licence', '驾驶证到期怎么换证', '有效期满前90日内，持身份证、体检证明到车管所或通过交管12123申请换证。'),
      entry('info', '怎样提出政府信息公开申请', '可通过门户网站在线申请，也可当面或邮寄提交申请表。'),
    ];
    const m2 = createMatcher(bank);
    for (const q of ['二手车过户需要哪些材料', '船舶驾驶证到期怎么换证']) {
      const r = m2.match(q);
      expect([q, r.decision]).not.toEqual([q, 'answer']);
      expect(r.ranked[0].conflicts.map((c) => c.slot)).toContain('term');
    }
    // A noun the library does not use whole but whose head it does (提出申请 → 申请) is no such thing.
    expect(m2.match('政府信息公开怎么提出申请').ranked[0].conflicts).toEqual([]);
  });

  it('does not answer a question that qualifies the entry\'s thing another way (护士执业注册 against 医师执业注册)', () => {
    const m4 = createMatcher([
      entry('doctor', '医师执业注册怎么办理', '医师通过资格考试取得资格证书后，向卫生健康委申请执业注册；护士执业注册另有规定。'),
      entry('clinic', '开办个体诊所需要办理什么手续', '向区卫生健康委申请设置审批和执业登记。'),
      entry('info', '怎样提出政府信息公开申请', '可通过门户网站在线申请，也可当面或邮寄提交申请表。'),
    ]);
    const r = m4.match('护士执业注册怎么办理');
    expect(r.decision).not.toBe('answer');
    expect(r.ranked[0].conflicts).toContainEqual({ slot: 'term', question: '护士', candidate: '医师' });
    expect(m4.match('医师执业注册怎么办理').decision).toBe('answer');
  });

  it('does not block an answer on a noun of the asker\'s circumstances (在餐馆上班), only on one that narrows the thing asked', () => {
    const bank = [
      entry('health', '办健康证在哪里体检', '食品、公共场所从业人员到区疾控中心或指定医院体检，合格后发放健康证明。'),
      entry('licence', '驾驶证到期怎么换证', '有效期满前90日内，持身份证、体检证明到车管所或通过交管12123申请换证。'),
      entry('info', '怎样提出政府信息公开申请', '可通过门户网站在线申请，也可当面或邮寄提交申请表。'),
    ];
    const m3 = createMatcher(bank);
    const context = m3.match('在餐馆上班要办健康证在哪里体检');
    expect([context.ranked[0].entryId, context.ranked[0].conflicts]).toEqual(['health', []]);
    // 船舶 written before 驾驶证 narrows it: still a conflict.
    expect(m3.match('船舶驾驶证到期怎么换证').ranked[0].conflicts).toContainEqual({ slot: 'term', question: '船舶', candidate: null });
  });

  it('repairs pinyin-input typos (公鸡金 → 公积金, 退修 → 退休)', () => {
    expect(m.match('退修了公鸡金怎么提取').ranked[0].entryId).toBe('pf-retire');
  });

  it('matches traditional characters and full-width input', () => {
    expect(m.match('退休後怎麼提取住房公積金？').ranked[0].entryId).toBe('pf-retire');
  });

  it('blocks an automatic answer when the year of the question contradicts every candidate', () => {
    const r = m.match('2025年一次性扩岗补助怎么申领');
    expect(r.decision).not.toBe('answer');
    expect(r.ranked[0].conflicts.some((c) => c.slot === 'year' && c.question === '2025')).toBe(true);
  });

  it('picks the entry of the asked year, and the other year conflicts', () => {
    const r = m.match('2024年的一次性扩岗补助在哪里申领');
    expect(r.ranked[0].entryId).toBe('subsidy-2024');
    const other = r.ranked.find((c) => c.entryId === 'subsidy-2023');
    expect(other?.conflicts.map((c) => c.slot)).toContain('year');
  });

  it('blocks an automatic answer when the place differs (沙坪坝区 is neither 渝中区 nor 江北区)', () => {
    const r = m.match('沙坪坝区小学一年级入学怎么报名');
    expect(r.decision).not.toBe('answer');
    expect(r.ranked[0].conflicts[0]).toMatchObject({ slot: 'place', question: '沙坪坝' });
  });

  it('tells two places apart', () => {
    expect(m.match('江北区的小学一年级在哪里报名').ranked[0].entryId).toBe('school-jb');
  });

  it('blocks an automatic answer when the population group is absent from the candidate', () => {
    const r = m.match('退役军人最低生活保障申请条件');
    expect(r.ranked[0].entryId).toBe('dibao');
    expect(r.ranked[0].conflicts.map((c) => c.slot)).toContain('group');
    expect(r.decision).not.toBe('answer');
  });

  it('blocks an automatic answer on another document (驾驶证 is not 身份证)', () => {
    const r = m.match('驾驶证过期了怎么换领');
    expect(r.decision).not.toBe('answer');
  });

  it('ranks first the entry whose text the question is, even when a neighbour\'s answer repeats the question\'s words', () => {
    const fees = createMatcher([
      entry('piece', '信息处理费按件怎么计算', '每月超过10件的，超出部分每件100元。'),
      entry('volume', '信息处理费按量怎么计算', '信息处理费按量计算：政府信息公开申请的信息处理费怎么计算，按页数或文件量计算，信息处理费按量收取。'),
      entry('info', '怎样提出政府信息公开申请', '可通过门户网站在线申请，也可当面或邮寄提交申请表。'),
    ]);
    for (const q of ['信息处理费按件怎么计算', '信息处理费按件怎么计算？']) expect(fees.match(q).ranked[0].entryId).toBe('piece');
  });

  it('measures the margin against the best candidate with a DIFFERENT answer', () => {
    const twins = createMatcher([
      entry('a', '怎么提取住房公积金用于租房', '可申请租房提取。'),
      entry('b', '租房能不能提取住房公积金', '可申请租房提取。'),
      entry('c', '退休后怎么提取住房公积金', '可申请销户提取。'),
    ]);
    const r = twins.match('怎么提取住房公积金用于租房');
    expect(r.ranked.map((c) => c.entryId).slice(0, 2).sort()).toEqual(['a', 'b']);
    const c = r.ranked.find((x) => x.entryId === 'c')!;
    expect(r.margin).toBeCloseTo(r.ranked[0].score - c.score, 3);
  });

  it('never answers an entry that may not be answered automatically, but suggests it', () => {
    const flagged = createMatcher([entry('x', '怎么提取住房公积金用于租房', '可申请租房提取。', [], false)]);
    const r = flagged.match('怎么提取住房公积金用于租房');
    expect(r.ranked[0].entryId).toBe('x');
    expect(r.decision).toBe('suggest');
    expect(r.answerId).toBeNull();
  });

  it('registers a question the bank does not answer', () => {
    const r = m.match('我家猫咪不吃东西怎么办');
    expect(r.decision).toBe('register');
    expect(r.answerId).toBeNull();
  });

  it('never answers a question that shares only its frame with an entry (燃气费怎么在网上缴纳 against …怎么缴纳养老保险)', () => {
    // In a bank this small the best hit's relative BM25 features are 1 whatever it shares, so the
    // question may reach the suggestion band (您是否想问, with the form to register beside it).
    const r = m.match('燃气费怎么在网上缴纳');
    expect(r.decision).not.toBe('answer');
    expect(r.answerId).toBeNull();
    expect(r.score).toBeLessThan(0.9);
  });

  it('handles empty, emoji-only, HTML and 10,000-character input within bounds', () => {
    for (const q of ['', '   ', '😀😀', '<script>alert(1)</script>']) {
      const r = m.match(q);
      expect(r.decision).toBe('register');
      expect(r.ranked).toEqual([]);
    }
    const long = '公积金怎么提取'.repeat(1500);
    const t = performance.now();
    const r = m.match(long);
    expect(performance.now() - t).toBeLessThan(2000);
    expect(r.ranked.length).toBeGreaterThan(0);
  });

  it('is deterministic: the same bank and question give the same ranking, limited as asked', () => {
    const a = m.match('养老保险怎么交', { limit: 3 });
    expect(m.match('养老保险怎么交', { limit: 3 })).toEqual(a);
    const b = createMatcher(BANK).match('养老保险怎么交', { limit: 3 });
    expect(a.ranked.length).toBeLessThanOrEqual(3);
    expect(b.ranked.map((c) => [c.entryId, c.score])).toEqual(a.ranked.map((c) => [c.entryId, c.score]));
  });

  it('upserts and removes entries', () => {
    const u = createMatcher(BANK.slice(0, 2));
    expect(u.size.entries).toBe(2);
    u.upsert(entry('dog', '犬只登记怎么办理', '到派出所办理养犬登记。'));
    expect(u.size).toEqual({ entries: 3, variants: 4 });
    expect(u.match('养狗怎么办理犬只登记').ranked[0].entryId).toBe('dog');
    u.upsert(entry('dog', '犬只年检怎么办理', '到派出所办理犬只年检。', ['狗证年检']));
    expect(u.size).toEqual({ entries: 3, variants: 5 });
    expect(u.match('犬只年检在哪里办').ranked[0].matchedText).toBe('犬只年检怎么办理');
    u.remove('dog');
    expect(u.size).toEqual({ entries: 2, variants: 3 });
    expect(u.match('犬只年检在哪里办').ranked.some((c) => c.entryId === 'dog')).toBe(false);
    u.remove('missing');
  });

  it('uses the synonym table the office sets', () => {
    const s = createMatcher([entry('defer', '社会保险费可以延期缴纳吗', '困难企业可申请缓缴。')], { synonyms: [] });
    const before = s.match('医保费能不能暂缓缴交').ranked[0]?.score ?? 0;
    s.setSynonyms([['延期缴纳', '暂缓缴交'], ['社会保险', '医保']]);
    const after = s.match('医保费能不能暂缓缴交').ranked[0];
    expect(after.entryId).toBe('defer');
    expect(after.score).toBeGreaterThan(before);
  });

  it('knows how citizens say it (built-in lexicon: 老汉 → 父母, 咋个 → 怎么, 退休金 → 养老金), beneath the office table', () => {
    const lex = createMatcher([
      entry('family', '职工医保个人账户可以给父母用吗', '可以，办理家庭共济绑定后可支付配偶、父母、子女的医药费用。'),
      entry('pension', '养老金每月什么时候发放', '基本养老金每月15日前发放到社会保障卡。'),
      entry('dibao', '最低生活保障申请条件', '人均收入低于低保标准的家庭可申请。'),
    ]);
    expect(lex.match('我医保卡里的钱能不能给我老汉买药').ranked[0].entryId).toBe('family');
    expect(lex.match('退休金一般每个月啥时候发').ranked[0].entryId).toBe('pension');
    // The office's table wins over the lexicon for a term it maps itself.
    const office = createMatcher([entry('x', '双亲可以用我的医保个人账户吗', '可以。')], { synonyms: [['双亲', '父母']] });
    expect(office.match('老汉能用我的医保个人账户吗').ranked[0].matchedText).toBe('双亲可以用我的医保个人账户吗');
  });

  it('does not "repair" a window that cuts a word of the question (交职 in 想交职工… is not 教资)', () => {
    const t = createMatcher([
      entry('teacher', '教师资格证怎么认定', '笔试面试合格后网上申报认定。', ['考了教资怎么认定']),
      entry('flex', '灵活就业人员怎么参加职工养老保险', '到社保经办机构办理参保登记。'),
    ]);
    const top = t.match('自己干活没有雇主，想交职工养老保险该怎么办理').ranked[0];
    // Repaired, the question would read 想教资供养老保险 and lose 职工 and 养老保险 to conflicts.
    expect([top.entryId, top.conflicts]).toEqual(['flex', []]);
  });

  it('does not answer when the question names a rare thing the candidate never mentions (律师资格证 against 教师资格证)', () => {
    const r = createMatcher([
      entry('teacher', '教师资格证怎么认定', '笔试面试合格并取得合格证明的，在认定时间内网上申报。'),
      entry('legal-aid', '法律援助怎么申请', '经济困难的公民可向法律援助中心申请，由律师代理。'),
      entry('notary', '公证可以网上办吗', '部分公证事项可在网上申请。'),
    ]).match('律师资格证怎么认定');
    expect(r.decision).not.toBe('answer');
    expect(r.ranked[0].conflicts).toContainEqual({ slot: 'term', question: '律师', candidate: null });
  });

  it('reads the whole of a long answer for the rare-noun term (a thing named past its lead is mentioned)', () => {
    const long = `二手房买卖双方持身份证、不动产权证书和买卖合同到不动产登记中心申请。${'登记机构受理后依法审核，符合条件的予以登记。'.repeat(6)}过户同时办理产权转移，缴纳契税。`;
    const r = createMatcher([
      entry('resale', '二手房过户需要哪些材料', long),
      entry('legal-aid', '法律援助怎么申请', '经济困难的公民可向法律援助中心申请，由律师代理，涉及产权纠纷的也可申请。'),
      entry('notary', '公证可以网上办吗', '部分公证事项可在网上申请。'),
    ]).match('二手房产权过户要带哪些材料');
    expect(r.ranked[0].entryId).toBe('resale');
    expect(r.ranked[0].conflicts.filter((c) => c.slot === 'term')).toEqual([]);
  });

  it('answers one of several entries that differ only in place: a contradicted neighbour is no rival', () => {
    const places = createMatcher([
      entry('yz', '渝中区小学一年级入学怎么报名', '渝中区小学一年级新生每年5月在区教委平台网上报名。'),
      entry('jb', '江北区小学一年级入学怎么报名', '江北区小学一年级新生每年5月中旬在江北区入学平台报名。'),
      entry('nn', '南岸区小学一年级入学怎么报名', '南岸区新生6月初现场报名。'),
    ]);
    const r = places.match('江北区小学一年级入学如何报名？');
    expect([r.decision, r.answerId]).toEqual(['answer', 'jb']);
    expect(r.ranked.find((c) => c.entryId === 'yz')?.conflicts.map((c) => c.slot)).toContain('place');
    // Naming no place, the question fits all three: not answered at once.
    expect(places.match('小学一年级入学如何报名').decision).not.toBe('answer');
  });
});
