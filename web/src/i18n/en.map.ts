import type { MapMessageKey } from './zh-CN.map';

export const enMap: Record<MapMessageKey, string> = {
  'map.label': 'Grid map of {area} (keyboard users: use the list of areas below)',
  'map.areaList': 'Areas on the map',
};
