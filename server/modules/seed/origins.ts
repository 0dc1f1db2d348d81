// Where residents come from: region codes for ID numbers (registered in Guangzhou, or floating from the
// provinces that send most migrants to Guangzhou) and the ethnicities common there.
import type { Random } from '../../../core/random';
import { expandWeights } from './names';

/** Former and current Guangzhou county-level codes (440116 Luogang merged into Huangpu in 2014). */
const GUANGZHOU = ['440103', '440104', '440105', '440106', '440111', '440113', '440114', '440116', '440183'];

type Source = {
  codes: readonly string[];
  weight: number;
  ethnicities: readonly (readonly [string, number])[];
};
const HAN_ONLY: Source['ethnicities'] = [['汉族', 1]];

// Where Guangzhou's floating population comes from (province prefixes as in the brief), with county codes.
const SOURCES: readonly Source[] = [
  {
    weight: 22,
    codes: [
      '430102',
      '430121',
      '430381',
      '430421',
      '430524',
      '430723',
      '431021',
      '431121',
      '431281',
      '433124',
    ],
    ethnicities: [
      ['汉族', 88],
      ['土家族', 5],
      ['苗族', 4],
      ['瑶族', 2],
      ['侗族', 1],
    ],
  },
  {
    weight: 15,
    codes: [
      '450102',
      '450121',
      '450330',
      '450481',
      '450521',
      '450721',
      '450821',
      '450921',
      '451022',
      '451221',
    ],
    ethnicities: [
      ['汉族', 68],
      ['壮族', 26],
      ['瑶族', 3],
      ['苗族', 2],
      ['侗族', 1],
    ],
  },
  {
    weight: 12,
    codes: ['360102', '360321', '360421', '360681', '360721', '360822', '361024'],
    ethnicities: HAN_ONLY,
  },
  {
    weight: 8,
    codes: ['510104', '510681', '511002', '511321', '511623', '511702', '513433'],
    ethnicities: [
      ['汉族', 97],
      ['彝族', 2],
      ['藏族', 1],
    ],
  },
  {
    weight: 10,
    codes: ['410102', '410221', '410526', '411324', '411421', '411522', '411623'],
    ethnicities: HAN_ONLY,
  },
  {
    weight: 10,
    codes: ['420102', '420323', '420821', '421022', '421121', '421222', '422801'],
    ethnicities: [
      ['汉族', 94],
      ['土家族', 5],
      ['苗族', 1],
    ],
  },
  {
    weight: 18,
    codes: [
      '440507',
      '440882',
      '440923',
      '440981',
      '441302',
      '441402',
      '441481',
      '441781',
      '445202',
      '445381',
    ],
    ethnicities: HAN_ONLY,
  },
  {
    weight: 5,
    codes: ['350102', '500101', '520102', '522631', '130102', '370102'],
    ethnicities: [
      ['汉族', 85],
      ['苗族', 6],
      ['布依族', 4],
      ['侗族', 3],
      ['回族', 2],
    ],
  },
];
const SOURCE_POOL = expandWeights(SOURCES.map((o) => [o, o.weight] as const));
const REGISTERED_ETHNICITIES = expandWeights<string>([
  ['汉族', 990],
  ['壮族', 3],
  ['回族', 2],
  ['满族', 2],
  ['土家族', 1],
  ['瑶族', 1],
  ['畲族', 1],
]);

export type Origin = { region: string; ethnicity: string };

/** Region code and ethnicity of a registered (户籍) resident of the district with the given code. */
export function registeredOrigin(random: Random, districtCode: string): Origin {
  const region = random.chance(0.72) ? districtCode : random.pick(GUANGZHOU);
  return {
    region,
    ethnicity: REGISTERED_ETHNICITIES[Math.floor(random.next() * REGISTERED_ETHNICITIES.length)]!,
  };
}

/** Region code and ethnicity of a floating (流动) resident. */
export function floatingOrigin(random: Random): Origin {
  const origin = SOURCE_POOL[Math.floor(random.next() * SOURCE_POOL.length)]!;
  return { region: random.pick(origin.codes), ethnicity: random.weighted(origin.ethnicities) };
}
