import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EventAction } from '../../../../../core/events/workflow';
import { apiPost } from '../../../lib/api-client';
import { type EventView, eventKeys } from './types';

export interface ActionInput {
  version: number;
  reason?: string;
  note?: string;
  lead?: string;
  cooperating?: string[];
  until?: string;
  rating?: number;
  into?: number;
}

/** One action of the loop on one event (`POST /events/{id}/{action}`); the answer is the event as it is now. */
export function useTakeAction(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: EventAction; body: ActionInput }) =>
      apiPost<EventView>(`/events/${id}/${action.replaceAll('_', '-')}`, body),
    onSuccess: (event) => {
      client.setQueryData(eventKeys.one(id), event);
      void client.invalidateQueries({ queryKey: ['events', 'list'] });
      void client.invalidateQueries({ queryKey: ['events', 'queue'] });
    },
  });
}
