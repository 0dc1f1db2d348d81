/** The identity-conflicts screen (Simplified Chinese), merged into the main dictionary. */
export const zhCNConflicts = {
  'nav.identityConflicts': '身份冲突核对',
  'conflicts.title': '身份冲突核对',
  'conflicts.intro':
    '以下每组两条有效的人口记录登记了同一证件号码，通常是同一人在两处登记。请核实后保留正确的一条，另一条将被注销（迁出），其变更记录保留。只显示两条记录都在您管辖范围内的冲突。',
  'conflicts.none': '暂无待核对的身份冲突',
  'conflicts.cardTitle': '冲突 #{id} · 发现于 {at}',
  'conflicts.side.new': '新登记的记录',
  'conflicts.side.existing': '原有记录',
  'conflicts.grid': '所在网格',
  'conflicts.noGrid': '未落到网格',
  'conflicts.keep': '保留此条',
  'conflicts.confirmTitle': '保留「{name}」（#{id}）？',
  'conflicts.confirmText': '另一条记录「{name}」（#{id}，{grid}）将被注销（迁出）。此操作记入审计日志。',
  'conflicts.confirmOk': '保留并注销另一条',
  'conflicts.cancel': '取消',
  'conflicts.resolved': '已保留 #{kept}，#{archived} 已注销',
} as const;

export type ConflictsMessageKey = keyof typeof zhCNConflicts;
