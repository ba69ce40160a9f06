import { useDataProvider } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import type { LayananDataProvider } from '../providers/dataProvider';

export const conversationKey = (id: string) => ['inquiry-messages', id];
export const deliveryPlanKey = (id: string) => ['inquiry-delivery-plan', id];

/** The conversation with the citizen, oldest first. */
export function useConversation(id: string) {
  const dataProvider = useDataProvider<LayananDataProvider>();
  return useQuery({ queryKey: conversationKey(id), queryFn: () => dataProvider.getMessages(id) });
}

/** Where the answer and the officer's messages go; one request however many parts of the page ask. */
export function useDeliveryPlan(id: string) {
  const dataProvider = useDataProvider<LayananDataProvider>();
  return useQuery({ queryKey: deliveryPlanKey(id), queryFn: () => dataProvider.getDeliveryPlan(id), staleTime: 60_000, retry: false });
}
