// Names of districts, streets, communities and roads.
import type { Random } from '../../../core/random';

export const CITY_NAME = '广州市';

/** The source document's nine streets of Huangpu, in its order. */
export const HUANGPU_STREETS = [
  '黄埔',
  '红山',
  '鱼珠',
  '大沙',
  '文冲',
  '穗东',
  '南岗',
  '长洲',
  '夏港',
] as const;

/**
 * Districts for the city scale. The first is Huangpu; then Guangzhou's other real district codes; the rest
 * are synthetic 4401xx codes (the city has only 11 districts) so that benchmarks can run 20 of them.
 */
export const DISTRICTS: readonly { code: string; name: string }[] = [
  { code: '440112', name: '黄埔区' },
  { code: '440103', name: '荔湾区' },
  { code: '440104', name: '越秀区' },
  { code: '440105', name: '海珠区' },
  { code: '440106', name: '天河区' },
  { code: '440111', name: '白云区' },
  { code: '440113', name: '番禺区' },
  { code: '440114', name: '花都区' },
  { code: '440115', name: '南沙区' },
  { code: '440117', name: '从化区' },
  { code: '440118', name: '增城区' },
  { code: '440121', name: '东江区' },
  { code: '440122', name: '北亭区' },
  { code: '440123', name: '临江区' },
  { code: '440124', name: '凤岭区' },
  { code: '440125', name: '金沙区' },
  { code: '440126', name: '云山区' },
  { code: '440127', name: '珠港区' },
  { code: '440128', name: '石门区' },
  { code: '440129', name: '新洲区' },
];

// Place names of the Huangpu area first; later stems are composed from common place-name characters.
const KNOWN_STEMS = (
  '茅岗 双沙 姬堂 横沙 沙步 石化 南湾 夏园 双岗 沙埔 笔岗 深井 安来 下沙 庙头 荔联 丰乐 怡园 港湾 黄船 ' +
  '金洲 新港 云埔 萝岗 九龙 永和 宏岗 海员 蟹山 乌涌 沧联 八一 石桥 凤凰 青年 荔苑 东苑 西苑 滨江 江南 ' +
  '开元 华埔 东荟 广新 金碧 怡港 龙头 珠村 大吉 新溪 洪圣 下庄 上庄 岭头 东基 西基 北埔 黄陂 贤江'
).split(' ');
const HEADS = Array.from('沙石南北东西新大小上下长金银龙凤马牛鹤桂荔榕松竹白青黄红乌岭塘涌');
const TAILS = Array.from('岗埔围坑湾村塘头洲园苑庄坊港岭田尾边口滘基墩涌沙桥');

/** `count` distinct two-character place stems, none of them in `used` (which is updated). */
export function placeStems(random: Random, count: number, used: Set<string>): string[] {
  const out: string[] = [];
  const known = random.shuffle(KNOWN_STEMS.filter((s) => !used.has(s)));
  for (const stem of known) {
    if (out.length === count) break;
    out.push(stem);
    used.add(stem);
  }
  while (out.length < count) {
    const stem = random.pick(HEADS) + random.pick(TAILS);
    if (used.has(stem)) continue;
    out.push(stem);
    used.add(stem);
  }
  return out;
}

const ROAD_SUFFIXES = [
  '路',
  '东路',
  '西路',
  '南路',
  '北路',
  '大街',
  '一横路',
  '二横路',
  '新街',
  '大道',
] as const;

/** Road names for a community: its stem with several suffixes, e.g. 茅岗路, 茅岗东路. */
export function communityRoads(random: Random, stem: string, count: number): string[] {
  const suffixes = random.shuffle([...ROAD_SUFFIXES]).slice(0, count);
  if (!suffixes.includes('路')) suffixes[0] = '路';
  return suffixes.map((s) => stem + s);
}

/** Ordinal in Chinese for small counts: 1 → 一, 12 → 十二. */
export function chineseNumber(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n < 10) return digits[n]!;
  if (n < 20) return `十${n % 10 === 0 ? '' : digits[n % 10]}`;
  return `${digits[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : digits[n % 10]}`;
}
