import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../lib/api-client';

/** A supervision order as the API answers it (GET /supervision-orders/{id}). */
export interface OrderShape {
  id: number;
  eventId: number;
  eventNumber: string;
  eventTitle: string;
  step: string;
  responsibleLevel: 'grid' | 'community' | 'street' | 'district';
  responsibleAreaName: string;
  departmentName: string | null;
  issuer: string;
  reason: string;
  dueAt: string;
  overdue: boolean;
  state: 'issued' | 'answered' | 'closed';
  answer: string | null;
  finishBy: string | null;
  sentBackReason: string | null;
  closeReason: string | null;
  version: number;
  createdAt: string;
  allowedActions: ('answer' | 'close' | 'send_back')[];
}

const KEY = ['supervision-orders'] as const;
export type Box = 'to_answer' | 'issued' | 'all';

export function useOrders(box: Box, overdue: boolean) {
  return useQuery({
    queryKey: [...KEY, 'list', box, overdue],
    queryFn: ({ signal }) =>
      apiGet<{ items: OrderShape[] }>('/supervision-orders', { box, overdue: overdue || undefined }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useOrder(id: number) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: ({ signal }) => apiGet<OrderShape>(`/supervision-orders/${id}`, undefined, signal),
  });
}

export function useEventOrders(eventId: number) {
  return useQuery({
    queryKey: [...KEY, 'event', eventId],
    queryFn: ({ signal }) => apiGet<{ items: OrderShape[] }>('/supervision-orders', { eventId }, signal),
  });
}

/** Answer, close or send back; any answer (a 409 included) reloads the order. */
export function useOrderAction(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      action,
      body,
    }: {
      action: OrderShape['allowedActions'][number];
      body: Record<string, unknown>;
    }) => apiPost<OrderShape>(`/supervision-orders/${id}/${action}`, body),
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
