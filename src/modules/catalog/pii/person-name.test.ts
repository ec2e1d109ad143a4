import { describe, expect, it } from 'vitest';
import { scanText } from './index.ts';

const names = (text: string) => scanText(text).filter((f) => f.type === 'person_name').map((f) => f.value);
const masked = (text: string) => scanText(text).filter((f) => f.type === 'person_name').map((f) => f.masked);

describe('private persons’ names in 公示 and letters', () => {
  it('finds the new 低保 recipient of the issue report', () => {
    expect(names('城市最低生活保障对象审核确认结果公示\n新增对象：张建国\n家庭人口：2人')).toEqual(['张建国']);
  });

  it('reads compound surnames and masks them whole', () => {
    expect(masked('拟录用人员：欧阳秋菊，女，1996年10月出生')).toEqual(['欧阳某某']);
    expect(names('进入体检人员名单：皇甫佳慧、夏侯杰、令狐明。')).toEqual(['皇甫佳慧', '夏侯杰', '令狐明']);
  });

  it('finds ethnic-minority names with any form of the middle dot', () => {
    for (const dot of ['·', '•', '‧', '・']) {
      expect(names(`我叫阿依古丽${dot}买买提，在社区工作五年了。`)).toEqual([`阿依古丽${dot}买买提`]);
    }
    expect(names('授予艾尔肯·吐尔洪同志“民族团结进步模范个人”称号')).toEqual(['艾尔肯·吐尔洪']);
    expect(names('卡尔·马克思的著作；中国·重庆；2024·渝中文化节')).toEqual([]);
  });

  it('finds names after role words, in self-introductions and before 先生/女士', () => {
    expect(names('被征收人：卢国庆、卢国华')).toEqual(['卢国庆', '卢国华']);
    expect(names('房东贺明亮未如实登记承租人信息，承租人毛小军已办理居住证。')).toEqual(['贺明亮', '毛小军']);
    expect(names('本人王志刚，申请公开本人房屋征收评估报告。')).toEqual(['王志刚']);
    expect(names('感谢黄志明先生对本网站工作的关心。王先生反映的问题已转办。')).toEqual(['黄志明']);
  });

  it('finds names in lists and tables of a 公示', () => {
    expect(names('拟聘用罗雪、梁晨、宋雨萱、谢文轩为区教育系统教师')).toEqual(['罗雪', '梁晨', '宋雨萱', '谢文轩']);
    expect(names('特困供养对象：徐老三 孙桂兰 马长林 朱有才')).toEqual(['徐老三', '孙桂兰', '马长林', '朱有才']);
    expect(names('序号\t姓名\t性别\n1\t高洁\t女\n2\t林晓峰\t男')).toEqual(['高洁', '林晓峰']);
    expect(names('1、吴德华，因病，救助金额5000元；\n2、周翠兰，因学，救助金额2000元。')).toEqual(['吴德华', '周翠兰']);
  });

  it('finds residents quoted in the news and every later mention of a name found once', () => {
    expect(names('“社区帮我们装了扶手。”82岁的刘桂珍老人高兴地说。')).toEqual(['刘桂珍']);
    expect(names('申请人：姜文斌，男。申请人姜文斌不服被申请人的答复。')).toEqual(['姜文斌', '姜文斌']);
  });

  it('leaves officials acting in office alone', () => {
    expect(names('区长张三主持会议，副局长李四出席。')).toEqual([]);
    expect(names('区长 王建国：主持区政府全面工作。\n常务副区长 李晓东：负责区政府常务工作。')).toEqual([]);
    expect(names('姓名\t职务\t分管工作\n刘建华\t区长\t主持区政府全面工作')).toEqual([]);
    expect(names('区委书记王建明主持召开专题会议。王建明表示，要把群众的事办好。')).toEqual([]);
    expect(names('出席会议的有：区委副书记、区长杨华，区委常委、常务副区长吴斌。')).toEqual([]);
    expect(names('执法人员：黄涛、李鹏飞（执法证号：50010311、50010312）')).toEqual([]);
    expect(names('审核：张丽华    校对：刘明    签发：王建设')).toEqual([]);
  });

  it('leaves look-alikes alone', () => {
    expect(names('张家港、王府井、高新区、黄金周、周一、方案、常务、任务、向社会、于是、万元、和平、钟楼、石油。')).toEqual([]);
    expect(names('马家堡社区、杨家坪商圈、陈家桥街道、黄桷坪艺术区均纳入试点。')).toEqual([]);
    expect(names('常住人口为102.4万人，户籍人口为98.6万人。投诉人应当提供真实姓名和联系方式。')).toEqual([]);
    expect(names('毛泽东同志、邓小平同志的重要论述')).toEqual([]);
    // From the seeded notice: a list of everyday words, and a page's metadata row.
    expect(names('通过主动向新闻媒体提供政策文件、解读素材等方式，加强政策解读')).toEqual([]);
    expect(names('索引号 11500103009359347P/2021-00012 发布机构 区政府办公室')).toEqual([]);
  });
});
