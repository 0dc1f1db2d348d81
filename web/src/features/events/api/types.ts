import type { GetResponse, paths } from '../../../api/types';

export type EventView = GetResponse<'/api/v1/events/{id}'>;
export type EventStep = EventView['steps'][number];
export type EventsPage = GetResponse<'/api/v1/events'>;
export type EventSummary = EventsPage['items'][number];
export type QueuePage = GetResponse<'/api/v1/events/queue'>;
export type QueueItem = QueuePage['items'][number];
export type QueueName = QueueItem['queue'];
export type ListFilters = NonNullable<paths['/api/v1/events']['get']['parameters']['query']>;
export type ReportBody = NonNullable<
  paths['/api/v1/events']['post']['requestBody']
>['content']['application/json'];
export type Located = GetResponse<'/api/v1/areas/locate'>;

export const eventKeys = {
  all: ['events'] as const,
  one: (id: number) => ['events', 'one', id] as const,
  list: (filters: object) => ['events', 'list', filters] as const,
  queue: (queue?: string) => ['events', 'queue', queue ?? 'all'] as const,
};
