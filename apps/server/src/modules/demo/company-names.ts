/**
 * Realistic Chinese company and person names for demo data and benchmarks (城市 + 字号 + 行业 +
 * 有限公司), from a seeded generator so runs are repeatable.
 */
const CITIES = [
  '北京',
  '上海',
  '广州',
  '深圳',
  '杭州',
  '苏州',
  '南京',
  '宁波',
  '无锡',
  '佛山',
  '东莞',
  '成都',
  '武汉',
  '长沙',
  '西安',
  '青岛',
  '厦门',
  '福州',
  '合肥',
  '郑州',
  '济南',
  '天津',
  '重庆',
  '昆明',
];
const BRANDS = [
  '华为',
  '丰田',
  '海尔',
  '美的',
  '格力',
  '联想',
  '恒达',
  '鑫源',
  '金泰',
  '宏远',
  '瑞丰',
  '嘉诚',
  '永盛',
  '博远',
  '天合',
  '中科',
  '汇丰',
  '新世纪',
  '东方',
  '长城',
  '华信',
  '明辉',
  '安信',
  '润泽',
  '富源',
  '康达',
  '盛世',
  '华美',
  '正大',
  '同仁',
  '方圆',
  '腾飞',
  '国泰',
  '兴业',
  '德邦',
  '启明',
  '星河',
  '万达',
  '宝丰',
  '卓越',
];
// A trade word of the company name, and the industry dictionary's built-in code it belongs to.
const INDUSTRIES = [
  ['科技', 'it'],
  ['贸易', 'wholesale_retail'],
  ['机械制造', 'manufacturing'],
  ['汽车销售', 'automotive'],
  ['医药', 'healthcare'],
  ['电子', 'electronics'],
  ['建材', 'construction'],
  ['食品', 'food_beverage'],
  ['化工', 'chemicals'],
  ['物流', 'logistics'],
  ['咨询', 'consulting'],
  ['纺织', 'textiles'],
  ['家具', 'home_furnishing'],
  ['包装', 'packaging_printing'],
  ['环保科技', 'environmental'],
] as const;
const SUFFIXES = ['有限公司', '股份有限公司', '有限责任公司', '集团有限公司'];
const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '晓东',
  '志强',
  '海燕',
];
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '158',
  '159',
  '176',
  '177',
  '180',
  '181',
  '186',
  '187',
  '188',
  '189',
  '199',
];

/** Mulberry32: small, fast, seeded. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

export function companyName(random: () => number): { name: string; industry: string; city: string } {
  const city = pick(random, CITIES);
  const [trade, industry] = pick(random, INDUSTRIES);
  return { name: `${city}${pick(random, BRANDS)}${trade}${pick(random, SUFFIXES)}`, industry, city };
}

export const personName = (random: () => number): string => pick(random, SURNAMES) + pick(random, GIVEN);

export function mobileNumber(random: () => number): string {
  let rest = '';
  for (let i = 0; i < 8; i++) rest += Math.floor(random() * 10);
  return pick(random, MOBILE_PREFIXES) + rest;
}
