import type { EventsMessageKey } from './zh-CN.events';

export const enEvents: Record<EventsMessageKey, string> = {
  'nav.eventReport': 'Report an event',
  'nav.eventQueue': 'My to-do',
  'nav.eventList': 'Events',
  'nav.routingRules': 'Routing rules',
  'nav.supervision': 'Supervision orders',
  'myGrid.reportEvent': 'Report an event',
  'myGrid.queueCount': 'My to-do ({n})',
};
