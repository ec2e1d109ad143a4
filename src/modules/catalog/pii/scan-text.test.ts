import { describe, expect, it } from 'vitest';
import { idCardCheckChar } from './check-digits.ts';
import { maskText, PiiScanError, scanText, type PiiFinding } from './index.ts';

/** The one finding of a text, for tests that plant exactly one value. */
function only(text: string): PiiFinding {
  const found = scanText(text);
  expect(found).toHaveLength(1);
  return found[0];
}

describe('id_card', () => {
  it('finds an 18-digit ID with its exact offsets and masks all but 6 + 4', () => {
    expect(scanText('申请人身份证号：500103199001011232。')).toEqual([
      { start: 8, end: 26, type: 'id_card', value: '500103199001011232', masked: '500103********1232' },
    ]);
  });

  it('accepts X and x as the check character', () => {
    expect(only('证件号码11010519491231002X').masked).toBe('110105********002X');
    const lower = only('身份证号：11010519491231002x');
    expect([lower.start, lower.end, lower.masked]).toEqual([5, 23, '110105********002x']);
  });

  it('finds an old 15-digit ID with a valid date of birth', () => {
    expect(only('旧身份证号：500103900101123')).toEqual({
      start: 6,
      end: 21,
      type: 'id_card',
      value: '500103900101123',
      masked: '500103*****1123',
    });
  });

  it('does not flag an 18-digit number whose check digit is wrong', () => {
    expect(scanText('身份证号：500103199001011233')).toEqual([]);
  });

  it('does not flag a number with a correct check digit but an impossible birth date', () => {
    const first17 = '50010319901301123'; // month 13
    expect(scanText(`身份证号：${first17}${idCardCheckChar(first17)}`)).toEqual([]);
  });

  it('does not flag a 15-digit number without a valid date, or one under a code label', () => {
    expect(scanText('旧证号码：500103901301123')).toEqual([]);
    expect(scanText('编号：500103900101123')).toEqual([]);
  });
});

describe('mobile', () => {
  it('finds an 11-digit mobile and keeps 3 + 4', () => {
    expect(scanText('联系电话：13812345678')).toEqual([
      { start: 5, end: 16, type: 'mobile', value: '13812345678', masked: '138****5678' },
    ]);
  });

  it('finds numbers written with spaces or dashes, keeping the separators in the mask', () => {
    expect(only('手机 138 1234 5678。')).toMatchObject({ start: 3, end: 16, value: '138 1234 5678', masked: '138 **** 5678' });
    expect(only('手机138-1234-5678')).toMatchObject({ start: 2, end: 15, value: '138-1234-5678', masked: '138-****-5678' });
  });

  it('leaves the +86 prefix outside the finding', () => {
    expect(only('电话+8613912345678')).toMatchObject({ start: 5, end: 16, value: '13912345678', masked: '139****5678' });
    expect(only('Tel: +86 139 1234 5678')).toMatchObject({ start: 9, end: 22, value: '139 1234 5678' });
    expect(maskText('电话+86-13912345678', scanText('电话+86-13912345678'))).toBe('电话+86-139****5678');
  });

  it('does not flag 12-digit runs or numbers starting 10/11/12', () => {
    expect(scanText('编码138123456789，号码12812345678，11012345678')).toEqual([]);
  });
});

describe('bank_card', () => {
  it('finds a Luhn-valid 16-digit card and keeps the last 4', () => {
    expect(scanText('退款至银行卡6217000012345670。')).toEqual([
      { start: 6, end: 22, type: 'bank_card', value: '6217000012345670', masked: '************5670' },
    ]);
  });

  it('finds a 19-digit card written in groups of four', () => {
    const f = only('卡号：6222 0212 3456 7890 128');
    expect(f).toMatchObject({ start: 3, end: 26, type: 'bank_card', value: '6222 0212 3456 7890 128' });
    expect(f.masked).toBe('**** **** **** ***0 128');
  });

  it('does not flag a Luhn-invalid card number', () => {
    expect(scanText('卡号：6217000012345671')).toEqual([]);
    expect(scanText('卡号：6222 0212 3456 7890 129')).toEqual([]);
  });

  it('does not flag an agency collection account published in a fee notice', () => {
    expect(scanText('收款单位：重庆市渝中区财政局，账号：6217000012345670')).toEqual([]);
  });
});

describe('email', () => {
  it('finds a personal address and keeps the first character and the domain', () => {
    expect(scanText('邮箱：zhangsan.88@163.com。')).toEqual([
      { start: 3, end: 22, type: 'email', value: 'zhangsan.88@163.com', masked: 'z***@163.com' },
    ]);
  });

  it('skips government mailboxes and functional mailboxes next to an agency', () => {
    expect(scanText('咨询邮箱：xxgk@cqyz.gov.cn，bgs@cq.gov.cn，zhang@yz.gov.cn')).toEqual([]);
    expect(scanText('电子邮箱：zfxxgk@163.com（区政府办公室）')).toEqual([]);
  });

  it('prefers the e-mail over the mobile number inside it', () => {
    expect(scanText('13812345678@qq.com')).toEqual([
      { start: 0, end: 18, type: 'email', value: '13812345678@qq.com', masked: '1***@qq.com' },
    ]);
  });
});

describe('address', () => {
  it('finds a home address after 住址 and keeps it down to the 街道', () => {
    const text = '住址：重庆市渝中区七星岗街道中山一路123号2单元3-1。';
    expect(scanText(text)).toEqual([
      {
        start: 3,
        end: 28,
        type: 'address',
        value: '重庆市渝中区七星岗街道中山一路123号2单元3-1',
        masked: '重庆市渝中区七星岗街道****',
      },
    ]);
  });

  it('keeps the 区 when there is no 街道 or 镇, and the 镇 for a rural address', () => {
    expect(only('申请人家住渝中区民族路18号2栋501').masked).toBe('渝中区****');
    expect(only('户籍地：綦江区古南镇石佛村3组15号').masked).toBe('綦江区古南镇****');
  });

  it('flags a home-level address without a label (栋/单元/室)', () => {
    expect(only('检查发现渝中区民族路18号2栋3单元存在违法搭建')).toMatchObject({
      start: 4,
      end: 18,
      value: '渝中区民族路18号2栋3单元',
    });
  });

  it('flags a street-number-only address when it is a private home (住址)', () => {
    expect(only('当事人户籍地址为重庆市渝中区人民路88号').value).toBe('重庆市渝中区人民路88号');
  });
});

describe('person_name', () => {
  it('finds a name after 申请人 and keeps the surname', () => {
    expect(scanText('申请人张三向本机关提出申请。')).toEqual([
      { start: 3, end: 5, type: 'person_name', value: '张三', masked: '张某' },
    ]);
  });

  it('reads three-character and compound-surname names', () => {
    expect(only('投诉人王小明反映，').masked).toBe('王某某');
    expect(only('申请人：欧阳娜娜，女').masked).toBe('欧阳某某');
    expect(only('患者司马光于今日出院').masked).toBe('司马某');
    expect(only('户主诸葛亮').value).toBe('诸葛亮');
  });

  it('finds each name of a list after one role word', () => {
    expect(scanText('申请人张三、李四、王五共同申请').map((f) => [f.start, f.end, f.masked])).toEqual([
      [3, 5, '张某'],
      [6, 8, '李某'],
      [9, 11, '王某'],
    ]);
  });

  it('finds names after 姓名：, 当事人, 被处罚人, 举报人', () => {
    const text = '姓名：赵六，当事人钱七，被处罚人孙八，举报人周九称';
    expect(scanText(text).map((f) => f.value)).toEqual(['赵六', '钱七', '孙八', '周九']);
  });

  it('finds a private 联系人 (mobile, no agency) but not an official one', () => {
    expect(scanText('联系人：张三，电话：13912345678').map((f) => f.type)).toEqual(['person_name', 'mobile']);
    expect(scanText('联系人：张三，联系电话：023-63767000')).toEqual([]);
  });

  it('finds names in a table column headed 姓名', () => {
    const text = '序号\t姓名\t街道\n1\t王小明\t七星岗街道\n2\t李娜\t解放碑街道';
    expect(scanText(text).map((f) => [f.start, f.end, f.masked])).toEqual([
      [11, 14, '王某某'],
      [23, 25, '李某'],
    ]);
  });

  it('reads a roster with ID numbers as private even when it has a 工作单位 column', () => {
    const text = '姓名\t身份证号\t工作单位\n王小明\t500103199001011232\t某公司';
    expect(scanText(text).map((f) => [f.type, f.value])).toEqual([
      ['person_name', '王小明'],
      ['id_card', '500103199001011232'],
    ]);
  });

  it('does not read everyday words after a role word as names', () => {
    expect(scanText('举报人信息予以保密，当事人陈述申辩，申请人应当补正，申请人符合条件，患者隐私')).toEqual([]);
    // Words known only from jieba's dictionary (not the built-in short list): proves it loads.
    expect(scanText('当事人安全意识淡薄，申请人高度关注，当事人方面')).toEqual([]);
  });
});

describe('passport', () => {
  it('finds E + 8 digits and E + letter + 7 digits anywhere, keeping first 1 and last 2', () => {
    expect(scanText('护照号码：E12345678；旧护照EA1234567')).toEqual([
      { start: 5, end: 14, type: 'passport', value: 'E12345678', masked: 'E******78' },
      { start: 18, end: 27, type: 'passport', value: 'EA1234567', masked: 'E******67' },
    ]);
  });

  it('needs a 护照 label for G/P/S/D numbers', () => {
    expect(only('持护照G12345678入境')).toMatchObject({ start: 3, end: 12, masked: 'G******78' });
    expect(scanText('型号G12345678')).toEqual([]);
    expect(scanText('产品批次G12345678')).toEqual([]);
  });
});

describe('plate', () => {
  it('finds standard, dotted and new-energy plates, keeping province, letter and last character', () => {
    expect(scanText('车辆渝A12345、渝A·12346、渝AD12347停放').map((f) => [f.start, f.end, f.value, f.masked])).toEqual([
      [2, 9, '渝A12345', '渝A***5'],
      [10, 18, '渝A·12346', '渝A***6'],
      [19, 27, '渝AD12347', '渝A***7'],
    ]);
  });

  it('does not flag police or driving-school plates, or words that only look like plates', () => {
    expect(scanText('警车渝A1234警，教练车渝A1234学，云PAAS1平台')).toEqual([]);
  });
});

describe('scanText as a whole', () => {
  const text =
    '申请人张三（身份证号：500103199001011232，手机：13812345678，邮箱：zs@qq.com），' +
    '住址：渝中区七星岗街道中山一路1号2单元3-1，车牌渝A12345。';

  it('returns findings sorted by start, non-overlapping, with value === text.slice(start, end)', () => {
    const found = scanText(text);
    expect(found.map((f) => f.type)).toEqual(['person_name', 'id_card', 'mobile', 'email', 'address', 'plate']);
    for (let i = 0; i < found.length; i++) {
      expect(found[i].value).toBe(text.slice(found[i].start, found[i].end));
      if (i > 0) expect(found[i].start).toBeGreaterThanOrEqual(found[i - 1].end);
    }
  });

  it('maskText applies every mask', () => {
    expect(maskText(text, scanText(text))).toBe(
      '申请人张某（身份证号：500103********1232，手机：138****5678，邮箱：z***@qq.com），' +
        '住址：渝中区七星岗街道****，车牌渝A***5。',
    );
  });

  it('uses mask settings given by the caller', () => {
    const found = scanText(text, {
      mask: { maskChar: '#', idCardKeepStart: 3, idCardKeepEnd: 2, nameStandIn: '*', addressKeepLevel: 'district', addressTail: '（略）' },
    });
    const byType = Object.fromEntries(found.map((f) => [f.type, f.masked]));
    expect(byType.id_card).toBe('500#############32');
    expect(byType.mobile).toBe('138####5678');
    expect(byType.person_name).toBe('张*');
    expect(byType.address).toBe('渝中区（略）');
  });

  it('returns nothing for an empty text', () => {
    expect(scanText('')).toEqual([]);
  });
});

describe('a reply letter end to end', () => {
  const letter = [
    '政府信息公开申请答复书',
    '渝中府办公开〔2021〕12号',
    '张三：',
    '本机关于2021年6月4日收到您（身份证号：500103199001011232，联系电话：13812345678，' +
      '住址：重庆市渝中区七星岗街道中山一路123号2单元3-1）提出的政府信息公开申请。',
    '您申请公开的文件（渝中府办发〔2021〕50号）已于2021年6月8日主动公开，索引号：11500103009359347P/2021-00012。',
    '联系人：区政府办公室 王科长，联系电话：023-63767000。',
    '重庆市渝中区人民政府办公室（地址：渝中区人民路252号）',
    '区级国家机关各部门，各管委会、街道办事处，有关单位：',
    '江北区政府：',
  ].join('\n');

  it('masks the applicant and leaves every official value as it is', () => {
    const found = scanText(letter);
    expect(found.map((f) => f.type)).toEqual(['person_name', 'id_card', 'mobile', 'address']);
    expect(found[0]).toMatchObject({ start: 28, end: 30, value: '张三' });
    expect(maskText(letter, found)).toBe(
      letter
        .replace('张三：', '张某：')
        .replace('500103199001011232', '500103********1232')
        .replace('13812345678', '138****5678')
        .replace('重庆市渝中区七星岗街道中山一路123号2单元3-1', '重庆市渝中区七星岗街道****'),
    );
  });

  it('reads a salutation with 女士/先生 as a name but not an agency', () => {
    expect(scanText('李四女士：\n您好').map((f) => [f.start, f.end, f.masked])).toEqual([[0, 2, '李某']]);
    expect(scanText('江北区政府：\n各街道办事处：\n')).toEqual([]);
  });
});

describe('maskText safety', () => {
  it('refuses findings that no longer match the text', () => {
    const found = scanText('手机13812345678');
    try {
      maskText('手机13900000000', found);
      expect.unreachable('maskText accepted stale findings');
    } catch (err) {
      expect(err).toBeInstanceOf(PiiScanError);
      expect((err as PiiScanError).code).toBe('stale_findings');
    }
  });

  it('refuses partly overlapping findings and covers nested ones', () => {
    const text = 'abcdefgh';
    const f = (start: number, end: number): PiiFinding => ({ start, end, type: 'mobile', value: text.slice(start, end), masked: '#' });
    expect(() => maskText(text, [f(0, 4), f(2, 6)])).toThrow(PiiScanError);
    expect(maskText(text, [f(0, 6), f(2, 4)])).toBe('#gh');
    expect(maskText(text, [f(0, 3), f(0, 6)])).toBe('#gh');
  });
});
