/** The map's words (overview and any screen that places a point). */
export const zhCNMap = {
  'map.label': '{area}网格地图（键盘用户请使用下方区域列表）',
  'map.areaList': '地图中的区域',
} as const;
export type MapMessageKey = keyof typeof zhCNMap;
