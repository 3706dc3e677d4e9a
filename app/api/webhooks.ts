import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateWebhookBody,
  UpdateWebhookBody,
  Webhook,
  WebhookDelivery,
  WebhookDeliveryList,
  WebhookList,
} from '../../contract/webhooks.js';
import { request } from './client.js';

const enc = encodeURIComponent;
const listKey = (workspaceId: string) => ['workspaces', workspaceId, 'webhooks'] as const;
const deliveriesKey = (webhookId: string) => ['webhooks', webhookId, 'deliveries'] as const;

export function useWebhooks(workspaceId: string) {
  return useQuery({
    queryKey: listKey(workspaceId),
    queryFn: ({ signal }) =>
      request<WebhookList>('GET', `/workspaces/${enc(workspaceId)}/webhooks`, undefined, signal),
  });
}

export function useDeliveries(webhookId: string, enabled: boolean) {
  return useQuery({
    queryKey: deliveriesKey(webhookId),
    queryFn: ({ signal }) =>
      request<WebhookDeliveryList>('GET', `/webhooks/${enc(webhookId)}/deliveries`, undefined, signal),
    enabled,
    // Retries happen in the background: keep the log current while it is open.
    refetchInterval: 5_000,
  });
}

export function useCreateWebhook(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWebhookBody) =>
      request<{ webhook: Webhook }>('POST', `/workspaces/${enc(workspaceId)}/webhooks`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: listKey(workspaceId) }),
  });
}

export function useUpdateWebhook(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateWebhookBody }) =>
      request<{ webhook: Webhook }>('PATCH', `/webhooks/${enc(id)}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: listKey(workspaceId) }),
  });
}

export function useDeleteWebhook(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request<void>('DELETE', `/webhooks/${enc(id)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: listKey(workspaceId) }),
  });
}

export function useTestWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request<{ delivery: WebhookDelivery }>('POST', `/webhooks/${enc(id)}/test`),
    onSuccess: (_, id) => qc.invalidateQueries({ queryKey: deliveriesKey(id) }),
  });
}
