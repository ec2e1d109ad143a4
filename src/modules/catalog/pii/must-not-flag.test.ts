import { describe, expect, it } from 'vitest';
import { scanText } from './index.ts';

/**
 * Values a government page legitimately shows. Each case also has a twin that is personal
 * information, where one exists, so the test proves the detector looked and decided — not that
 * it was blind to the shape.
 */
describe('values that must not be flagged', () => {
  it.each([
    ['document number', '为贯彻落实《重庆市人民政府办公厅关于印发……的通知》（渝府办发〔2021〕50号）精神'],
    ['document number with square brackets', '渝中府办发[2021]12号'],
    ['State Council order number', '《中华人民共和国政府信息公开条例》（国务院令第711号）'],
    ['index number with credit-code head', '索引号：11500103009359347P/2021-00012'],
    ['index number with all-digit head', '索引号：115001030093593470/2021-00012'],
    ['short index number', '索引号：009359347/2021-00050'],
    ['credit code with letters', '统一社会信用代码：11500103009359347P'],
    ['all-digit valid credit code', '统一社会信用代码：115001030093593470'],
    ['landline with dash', '咨询电话：023-63767000'],
    ['landline with brackets', '联系电话：(023)63767000，（023）63767000'],
    ['government hotline', '政务服务便民热线12345'],
    ['agency office address', '办公地址：渝中区人民路252号'],
    ['agency address after the agency name, even with a room', '区政府办公室地址：渝中区人民路252号A栋301室'],
    ['agency contact block', '受理时间：工作日9:00-17:00；传真：023-63767001 通信地址：渝中区人民路252号B128室 邮政编码：400010'],
    ['bare street address', '活动在渝中区人民路252号举行'],
    ['official named with title', '区长 张三 出席会议并讲话'],
    ['official contact person', '联系人：区政府办公室 王科长'],
    ['official contact with landline', '联系人：张三，联系电话：023-63767000'],
    ['official in an appointment', '经研究，任命李四同志为区政府办公室主任'],
    ['officials table', '姓名\t职务\t分管工作\n张三\t区长\t全面工作'],
    ['date', '成文日期：2021年6月4日'],
    ['compact date', '发布日期20210604'],
    ['amount', '本年度收费金额1234567890.00元'],
    ['amount the size of a mobile', '合计13812345678.00元'],
    ['masked ID', '身份证号：500103********1234'],
    ['masked mobile', '手机：138****1234'],
    ['masked names', '申请人张某，当事人张某某，投诉人李**'],
    ['masked e-mail', 'z***@qq.com'],
    ['agency e-mail', '电子邮箱：xxgk@cqyz.gov.cn'],
    ['role word followed by an ordinary word', '申请人应当补正，举报人信息予以保密，当事人陈述申辩'],
    ['organisation after 当事人', '当事人：重庆某某餐饮有限公司；当事人王记火锅店'],
    ['agency after 被申请人', '被申请人：重庆市渝中区人民政府'],
    ['负责同志', '有关负责同志带头开展政策解读'],
  ])('%s', (_label, text) => {
    expect(scanText(text)).toEqual([]);
  });

  it('an 18-character credit code is not an ID even though it is 18 characters long', () => {
    // Same shape, but the first passes GB 32100 and sits under 信用代码; the second is a valid ID.
    expect(scanText('统一社会信用代码：115001030093593470')).toEqual([]);
    expect(scanText('身份证号：500103199001011232')).toHaveLength(1);
  });

  it('a private contact person is flagged where the official one is not', () => {
    expect(scanText('联系人：张三，手机：13912345678').map((f) => f.value)).toEqual(['张三', '13912345678']);
  });

  it('a private home is flagged where the agency address is not', () => {
    expect(scanText('申请人住址：渝中区人民路252号').map((f) => f.value)).toEqual(['渝中区人民路252号']);
  });

  it('a name before 同志 outside official business is flagged', () => {
    expect(scanText('群众反映李明同志家中漏水').map((f) => f.value)).toEqual(['李明']);
  });
});
