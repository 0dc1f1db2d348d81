// Chinese personal names, weighted towards surnames common in Guangdong.
import type { Random } from '../../../core/random';

// Relative frequencies, roughly those of the Pearl River Delta.
const SURNAMES: readonly (readonly [string, number])[] = [
  ['陈', 110],
  ['李', 70],
  ['黄', 68],
  ['张', 45],
  ['梁', 42],
  ['林', 40],
  ['刘', 40],
  ['王', 38],
  ['吴', 30],
  ['何', 26],
  ['罗', 24],
  ['郑', 20],
  ['杨', 20],
  ['周', 18],
  ['谢', 18],
  ['冯', 16],
  ['邓', 16],
  ['曾', 15],
  ['朱', 14],
  ['许', 13],
  ['彭', 12],
  ['苏', 12],
  ['胡', 12],
  ['叶', 12],
  ['钟', 12],
  ['卢', 11],
  ['蔡', 11],
  ['潘', 10],
  ['赖', 9],
  ['徐', 9],
  ['郭', 9],
  ['余', 9],
  ['邱', 8],
  ['赵', 8],
  ['孙', 7],
  ['马', 7],
  ['高', 7],
  ['江', 6],
  ['方', 6],
  ['蒋', 6],
  ['唐', 6],
  ['廖', 6],
  ['谭', 6],
  ['汤', 5],
  ['麦', 5],
  ['莫', 5],
  ['区', 4],
  ['关', 4],
  ['简', 3],
  ['温', 4],
  ['袁', 4],
  ['韦', 4],
  ['覃', 3],
  ['欧阳', 2],
  ['司徒', 1],
];
const SURNAME_POOL = expandWeights(SURNAMES);

const MALE = Array.from(
  '伟强军杰涛斌俊浩宇鹏磊明超勇辉刚健华建国志文海东峰波龙飞鑫轩睿博泽晨宏锦荣德成锋晖彬林松柏铭诚远',
);
const FEMALE = Array.from(
  '芳娜敏静丽艳秀玲娟霞燕婷雪慧颖琳欣怡萍红梅洁晶月莹倩诗雨嘉悦彤淑凤兰桂琴素珍妍璇晴',
);
const EITHER = Array.from('文佳子思一永春晓家金安嘉少志梓卓乐');

/** A full name (surname + one or two given characters) for a person of the given sex. */
export function personName(random: Random, sex: 'M' | 'F', surname = randomSurname(random)): string {
  const own = sex === 'M' ? MALE : FEMALE;
  const first = random.chance(0.3) ? random.pick(EITHER) : random.pick(own);
  return random.chance(0.82) ? surname + first + random.pick(own) : surname + random.pick(own);
}

export function randomSurname(random: Random): string {
  return SURNAME_POOL[Math.floor(random.next() * SURNAME_POOL.length)]!;
}

/** Expands [value, weight] pairs into a flat pool for O(1) weighted picks. */
export function expandWeights<T>(items: readonly (readonly [T, number])[]): T[] {
  const pool: T[] = [];
  for (const [value, weight] of items) for (let i = 0; i < weight; i++) pool.push(value);
  return pool;
}
