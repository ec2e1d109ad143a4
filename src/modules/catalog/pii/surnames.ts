/**
 * Surnames used to recognise a private person's name after a role word (申请人张三).
 * Single surnames cover well over 95% of the population; a few rare surnames that are also
 * everyday words (位 as in 位于, 补 as in 补正, 阿 as in 阿姨 …) are left out on purpose,
 * since after 申请人 they are almost always the word, not a name.
 */
const SINGLE =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈' +
  '姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向' +
  '汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季' +
  '裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚' +
  '岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟' +
  '邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻厉伊仝郜海阚花权强帅屠豆朴盖练廉禹井祖漆' +
  '巴丰卿狄索宣晋扈晁芮阙浦戈伏鹿薄邸雍辜羊裘亓邰赫杭况逯茹慕玉亢嵇湛宾戎勾茅於呼揭尉冶束檀阴昝奉衡尧蹇鄂' +
  '郦谯雒訾';

/** Two-character surnames; checked before single ones so 欧阳娜娜 keeps 欧阳 as the surname. */
export const COMPOUND_SURNAMES: readonly string[] = [
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒',
  '夏侯', '令狐', '端木', '独孤', '南宫', '西门', '轩辕', '万俟', '闻人', '澹台', '公冶', '宗政',
  '濮阳', '淳于', '单于', '太叔', '申屠', '赫连', '呼延', '钟离', '百里', '东郭', '左丘', '梁丘',
  '第五', '司空', '鲜于', '拓跋', '完颜', '乐正', '壤驷', '谷梁', '巫马', '公羊', '仲孙', '亓官',
];

const SINGLE_SET = new Set(SINGLE);
const COMPOUND_SET = new Set(COMPOUND_SURNAMES);

export function isSingleSurname(c: string): boolean {
  return SINGLE_SET.has(c);
}

export function isCompoundSurname(s: string): boolean {
  return COMPOUND_SET.has(s);
}

/** Length of the surname at the start of a full name: 2 for 欧阳娜娜, 1 for 张三 (and for 欧阳 alone). */
export function surnameLength(name: string): number {
  return name.length >= 3 && COMPOUND_SET.has(name.slice(0, 2)) ? 2 : 1;
}
