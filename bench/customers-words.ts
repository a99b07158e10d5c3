/** The words and number shapes the customers bench makes its customers of. */

const words = (text: string): string[] => text.split(' ');

/** Words customer names and attributes are made of (ours, so they need no escaping beyond quotes). */
export const WORDS = {
  cities: words('上海 北京 深圳 杭州 成都 广州 南京 武汉 苏州 西安 重庆 天津 长沙 青岛 厦门 宁波'),
  brands: words('星辰 华信 东方 瑞丰 恒通 博远 金桥 天成 鼎盛 新源 中科 联创 宏达 盛世 永安 嘉禾'),
  industries: words('贸易 科技 制造 物流 餐饮 医疗器械 建材 电器 咨询 食品'),
  departments: words(
    '教育局 卫生健康委员会 交通运输局 财政局 人民医院 市场监督管理局 住房和城乡建设局 数据资源局',
  ),
  surnames: words('王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 罗 高'),
  givenNames: words(
    '伟 芳 娜 秀英 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀兰 霞 平 刚 桂英 婷 浩然 子涵 欣怡 宇轩 思远 雨桐',
  ),
  emailDomains: words('qq.com 163.com 126.com gmail.com outlook.com sina.com'),
  sources: words('website exhibition referral cold_call wechat tender'),
  mobilePrefixes: words(
    '130 131 132 133 135 136 137 138 139 150 151 152 153 155 156 157 158 159 166 176 177 180 181 182 183 185 186 187 188 189 198 199',
  ),
};

/**
 * Legal forms a company name ends with, and what `companyNameKey` keeps of each: 集团 is a different
 * party from its operating company, so it stays in the key.
 */
export const COMPANY_SUFFIXES: readonly (readonly [suffix: string, keptInKey: string])[] = [
  ['有限公司', ''],
  ['有限公司', ''],
  ['有限公司', ''],
  ['股份有限公司', ''],
  ['有限责任公司', ''],
  ['集团有限公司', '集团'],
  ['公司', ''],
];

/** The mobile number of row `i` (11 digits): prefix by `i`, the rest a bijection of `i`, so never repeated. */
export function mobileDigits(i: number): string {
  const prefixes = WORDS.mobilePrefixes;
  const rest = (BigInt(Math.floor(i / prefixes.length)) * 48271n + 12345n) % 100000000n;
  return `${prefixes[i % prefixes.length]}${rest.toString().padStart(8, '0')}`;
}
