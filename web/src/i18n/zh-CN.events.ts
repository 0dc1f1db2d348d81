/** The shell's words for grid events (menu, the grid worker's start screen); the screens' own are in the feature. */
export const zhCNEvents = {
  'nav.eventReport': '事件上报',
  'nav.eventQueue': '我的待办',
  'nav.eventList': '事件列表',
  'nav.routingRules': '分流规则',
  'nav.supervision': '督办',
  'myGrid.reportEvent': '上报事件',
  'myGrid.queueCount': '我的待办（{n}）',
} as const;
export type EventsMessageKey = keyof typeof zhCNEvents;
