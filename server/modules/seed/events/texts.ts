// The words on generated events and steps: titles per category, and the reasons and notes people write.
import type { Random } from '../../../../core/random';

// biome-ignore format: a table is read by its rows
const TITLES: Record<string, string[]> = {
  '01': ['楼上漏水引发邻里纠纷', '噪音问题邻里争吵', '公共走道堆放杂物引发矛盾'],
  '02': ['夫妻因家务发生争吵', '赡养老人问题家庭矛盾'],
  '03': ['工地工人反映被拖欠工资', '餐饮店员工讨薪'],
  '05': ['物业费争议', '租客与房东押金纠纷'],
  '06': ['预付卡商家停业退费纠纷', '网购商品质量纠纷'],
  '07': ['天台违法搭建', '首层违规扩建'],
  '08': ['垃圾桶满溢未及时清运', '小区内卫生死角', '绿化带内积存垃圾'],
  '09': ['夜间施工噪音扰民', '广场舞音响噪音'],
  '11': ['公交站台设置不合理', '人行道护栏损坏', '交通标志被遮挡'],
  '12': ['井盖缺失', '路灯不亮', '排水管道堵塞'],
  '13': ['树枝遮挡道路', '绿化带缺株'],
  '14': ['消防通道乱停车', '人行道乱停共享单车'],
  '15': ['店外占道经营', '流动摊贩占道'],
  '16': ['无证经营小食店', '无照经营废品回收点', '无证经营美容店'],
  '17': ['无证托管班', '托管点消防设施不足'],
  '18': ['出租屋私拉乱接电线', '出租屋群租'],
  '19': ['楼道堆放杂物堵塞通道', '电动车楼道充电'],
  '20': ['企业安全隐患', '安全生产隐患排查发现问题'],
  '21': ['餐饮店后厨卫生差', '售卖过期食品'],
  '23': ['深夜聚集喧哗', '可疑人员徘徊'],
  '30': ['独居老人需关注', '高龄老人无人照料'],
  '51': ['申请办理居住证'],
  '52': ['需陪同就医'],
  '53': ['退休证年审'],
  '70': ['预约大件垃圾清运'],
};

export function titleFor(random: Random, code: string, name: string): string {
  const top = code.slice(0, 2);
  const list = TITLES[top];
  return list ? random.pick(list) : name;
}

const REASONS = {
  void: ['经核实不属于网格事件', '重复来电，已另行答复', '经现场核查情况不属实'],
  voidService: ['不符合申请条件', '申请材料不全，已告知补齐后重新申请'],
  escalate: ['超出网格处置能力', '需上级协调相关部门', '涉及多个部门职责'],
  send_back: ['属街道职责范围，请属地处置', '属地可处置，回退街道办理'],
  refuse: ['不属于本部门职责', '该事项由其他部门主管'],
  ask_extension: ['需等待当事人配合', '涉及执法程序，需延长处置时间', '需协调多方，申请延期'],
  refuse_extension: ['时限内可以完成，不予延期'],
  rework: ['核查发现问题未彻底解决', '居民反映问题反复，需返工'],
  shelve: ['历史遗留问题，需长期协调', '涉及产权争议，暂时无法解决'],
  merge: ['同一问题重复上报，合并处理'],
} as const;

export type ReasonKind = keyof typeof REASONS;
export const reasonFor = (random: Random, kind: ReasonKind) => random.pick(REASONS[kind]);

const NOTES = {
  handle: ['已现场处置完毕', '已协调当事人解决', '已督促整改到位', '已上门办理完毕'],
  feedback: ['已配合完成相关工作', '已派员到场协助处置'],
  complete: ['已处置完毕，现场已整改', '已依法处理，问题已解决'],
} as const;

export const noteFor = (random: Random, kind: keyof typeof NOTES) => random.pick(NOTES[kind]);
