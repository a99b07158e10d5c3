/**
 * Realistic demo customers of the three kinds, Chinese and English, made deterministically from a
 * seed so every fresh demo looks the same.
 */
import type { CreateCustomerInput } from '../customer/customer.contract.js';
import { seededRandom } from '../../../platform/random.js';
import { USCC_ALPHABET, usccCheckCharacter } from '../matching/matching.contract.js';

const cities = [
  '北京',
  '上海',
  '深圳',
  '杭州',
  '成都',
  '武汉',
  '南京',
  '苏州',
  '西安',
  '广州',
  '重庆',
  '天津',
];
const provinces = [
  '北京市',
  '上海市',
  '广东省',
  '浙江省',
  '四川省',
  '湖北省',
  '江苏省',
  '江苏省',
  '陕西省',
  '广东省',
  '重庆市',
  '天津市',
];
const zhWords = [
  '华创',
  '云帆',
  '智联',
  '恒信',
  '博远',
  '星辰',
  '金桥',
  '新锐',
  '长江',
  '鼎盛',
  '众合',
  '天工',
  '蓝海',
  '瑞丰',
  '启明',
  '宏图',
];
const zhTrades = [
  '科技',
  '医疗器械',
  '物流',
  '食品',
  '电子',
  '软件',
  '新材料',
  '教育科技',
  '机械制造',
  '生物医药',
];
const zhSuffixes = ['有限公司', '股份有限公司', '集团有限公司'];
const enWords = [
  'Northwind',
  'Bluepeak',
  'Silverline',
  'Greenfield',
  'Brightpath',
  'Ironbridge',
  'Lumen',
  'Redwood',
  'Harbor',
  'Summit',
];
const enTrades = [
  'Logistics',
  'Medical',
  'Software',
  'Foods',
  'Electronics',
  'Robotics',
  'Analytics',
  'Retail',
];
const enSuffixes = ['Co., Ltd.', 'Inc.', 'Ltd.', 'GmbH'];
const industries = [
  'manufacturing',
  'healthcare',
  'logistics',
  'retail',
  'software',
  'education',
  'food',
  'energy',
];
const surnames = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
];
const givenNames = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '婷',
  '强',
  '丽',
  '涛',
  '明轩',
  '子涵',
  '思远',
];
const enFirst = [
  'Emma',
  'Liam',
  'Olivia',
  'Noah',
  'Ava',
  'Lucas',
  'Mia',
  'Ethan',
  'Sophia',
  'James',
  'Grace',
  'Henry',
];
const enLast = ['Smith', 'Chen', 'Johnson', 'Wang', 'Brown', 'Lee', 'Garcia', 'Miller', 'Davis', 'Wilson'];
const agencies = [
  '人民医院',
  '教育局',
  '卫生健康委员会',
  '交通运输局',
  '大数据管理局',
  '市场监督管理局',
  '第一中学',
  '疾病预防控制中心',
  '公安局',
  '档案馆',
];
const enAgencies = [
  'Department of Health',
  'City Transport Authority',
  'Public Library',
  'County School District',
  'Water Authority',
];
const levels = ['national', 'provincial', 'municipal', 'county'] as const;
const sources = ['website', 'trade_show', 'referral', 'cold_call', 'wechat', 'tender_site'];
const uscc = USCC_ALPHABET;

/** A demo USCC that passes the GB 32100 check, as real ones do. */
const withCheckCharacter = (first17: string): string => first17 + usccCheckCharacter(first17);

/** A small deterministic PRNG, so every fresh demo looks the same. */
export const random = seededRandom;

/**
 * `count` demo customers, about 45% business, 40% consumer and 15% government, a third of them with
 * English names. Owners are drawn from `ownerIds` (some left unowned).
 */
export function demoCustomers(count: number, ownerIds: string[], seed = 42): CreateCustomerInput[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const digits = (n: number): string => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');
  const owner = (): string | undefined => (ownerIds.length > 0 && rnd() < 0.85 ? pick(ownerIds) : undefined);
  const out: CreateCustomerInput[] = [];
  for (let i = 0; i < count; i++) {
    const roll = rnd();
    const english = rnd() < 0.33;
    const cityIndex = Math.floor(rnd() * cities.length);
    const region = provinces[cityIndex]!;
    const source = pick(sources);
    if (roll < 0.45) {
      const name = english
        ? `${pick(enWords)} ${pick(enTrades)} ${pick(enSuffixes)}`
        : `${cities[cityIndex]}${pick(zhWords)}${pick(zhTrades)}${pick(zhSuffixes)}`;
      out.push({
        kind: 'business',
        name,
        industry: pick(industries),
        region,
        phone: `0${digits(2)}-${digits(8)}`,
        email: `contact${i}@${english ? 'example.com' : 'example.cn'}`,
        uscc: withCheckCharacter(
          `91${digits(4)}${Array.from({ length: 11 }, () => pick(uscc.split(''))).join('')}`,
        ),
        source,
        ownerUserId: owner(),
        tags: rnd() < 0.3 ? ['key-account'] : [],
      });
    } else if (roll < 0.85) {
      const name = english ? `${pick(enFirst)} ${pick(enLast)}` : `${pick(surnames)}${pick(givenNames)}`;
      out.push({
        kind: 'consumer',
        name,
        region,
        phone: `+86 1${pick(['3', '5', '8'])}${digits(9)}`,
        email: rnd() < 0.6 ? `user${i}@example.com` : undefined,
        source,
        ownerUserId: owner(),
        tags: rnd() < 0.2 ? ['member'] : [],
      });
    } else {
      const name = english
        ? `${pick(['Springfield', 'Riverside', 'Lakeside', 'Fairview'])} ${pick(enAgencies)}`
        : `${cities[cityIndex]}市${pick(agencies)}`;
      out.push({
        kind: 'government',
        name,
        region,
        agencyLevel: pick(levels),
        industry: 'public_sector',
        phone: `0${digits(2)}-${digits(8)}`,
        source: rnd() < 0.5 ? 'tender_site' : source,
        ownerUserId: owner(),
        tags: [],
      });
    }
  }
  return out;
}
