import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { InsightSettingsResponse, Prompt, PromptList } from '../../contract/insights.js';
import type { InsightRule, InsightThresholds } from '../../domain/insights/rules.js';
import { request } from './client.js';

// Workspace settings for the console (#5): the facilitator prompt library, the insight thresholds and the
// pulse threshold k.

const enc = encodeURIComponent;

/** The workspace's thresholds and the defaults they started from. */
export type InsightSettings = z.infer<typeof InsightSettingsResponse>;

export interface PromptEdit {
  text: string;
  addressedTo: Prompt['addressedTo'];
}

export const settingsApi = {
  prompts: (workspaceId: string, signal?: AbortSignal) =>
    request<PromptList>('GET', `/workspaces/${enc(workspaceId)}/prompts`, undefined, signal),
  updatePrompt: (workspaceId: string, promptId: string, body: PromptEdit) =>
    request<{ prompt: Prompt }>('PUT', `/workspaces/${enc(workspaceId)}/prompts/${enc(promptId)}`, body),
  /** Puts the default wording back, for one rule or (without one) all. */
  resetPrompts: (workspaceId: string, rule?: InsightRule) =>
    request<PromptList>('POST', `/workspaces/${enc(workspaceId)}/prompts/reset`, rule ? { rule } : {}),
  insightSettings: (workspaceId: string, signal?: AbortSignal) =>
    request<InsightSettings>('GET', `/workspaces/${enc(workspaceId)}/insight-settings`, undefined, signal),
  /** Only the thresholds to change need be sent. */
  updateInsightSettings: (workspaceId: string, thresholds: Partial<InsightThresholds>) =>
    request<InsightSettings>('PUT', `/workspaces/${enc(workspaceId)}/insight-settings`, thresholds),
};

/** Workspace-wide settings (so far the pulse threshold k). */
export interface WorkspaceSettings {
  pulseThreshold: number;
}

export const workspaceSettingsApi = {
  get: (workspaceId: string, signal?: AbortSignal) =>
    request<{ settings: WorkspaceSettings }>(
      'GET',
      `/workspaces/${enc(workspaceId)}/settings`,
      undefined,
      signal,
    ),
  update: (workspaceId: string, body: Partial<WorkspaceSettings>) =>
    request<{ settings: WorkspaceSettings }>('PATCH', `/workspaces/${enc(workspaceId)}/settings`, body),
};

export const settingsKeys = {
  settings: (workspaceId: string) => ['workspace', workspaceId, 'settings'] as const,
  prompts: (workspaceId: string) => ['workspace', workspaceId, 'prompts'] as const,
  insightSettings: (workspaceId: string) => ['workspace', workspaceId, 'insight-settings'] as const,
};

export function usePrompts(workspaceId: string) {
  return useQuery({
    queryKey: settingsKeys.prompts(workspaceId),
    queryFn: ({ signal }) => settingsApi.prompts(workspaceId, signal),
  });
}

export function useUpdatePrompt(workspaceId: string) {
  const qc = useQueryClient();
  const key = settingsKeys.prompts(workspaceId);
  return useMutation({
    mutationFn: ({ promptId, body }: { promptId: string; body: PromptEdit }) =>
      settingsApi.updatePrompt(workspaceId, promptId, body),
    onSuccess: ({ prompt }) =>
      qc.setQueryData<PromptList>(key, (old) =>
        old ? { ...old, items: old.items.map((p) => (p.id === prompt.id ? prompt : p)) } : old,
      ),
    // Findings carry the question with the prompt's text filled in.
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: key }),
        qc.invalidateQueries({ queryKey: ['insights'] }),
      ]),
  });
}

export function useResetPrompt(workspaceId: string) {
  const qc = useQueryClient();
  const key = settingsKeys.prompts(workspaceId);
  return useMutation({
    mutationFn: (rule: InsightRule) => settingsApi.resetPrompts(workspaceId, rule),
    onSuccess: (list) => qc.setQueryData(key, list),
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: key }),
        qc.invalidateQueries({ queryKey: ['insights'] }),
      ]),
  });
}

export function useInsightSettings(workspaceId: string) {
  return useQuery({
    queryKey: settingsKeys.insightSettings(workspaceId),
    queryFn: ({ signal }) => settingsApi.insightSettings(workspaceId, signal),
  });
}

export function useUpdateInsightSettings(workspaceId: string) {
  const qc = useQueryClient();
  const key = settingsKeys.insightSettings(workspaceId);
  return useMutation({
    mutationFn: (thresholds: Partial<InsightThresholds>) =>
      settingsApi.updateInsightSettings(workspaceId, thresholds),
    onSuccess: (data) => qc.setQueryData(key, data),
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: key }),
        qc.invalidateQueries({ queryKey: ['insights'] }),
      ]),
  });
}

export function useWorkspaceSettings(workspaceId: string) {
  return useQuery({
    queryKey: settingsKeys.settings(workspaceId),
    queryFn: ({ signal }) => workspaceSettingsApi.get(workspaceId, signal),
  });
}

export function useUpdateWorkspaceSettings(workspaceId: string) {
  const qc = useQueryClient();
  const key = settingsKeys.settings(workspaceId);
  return useMutation({
    mutationFn: (body: Partial<WorkspaceSettings>) => workspaceSettingsApi.update(workspaceId, body),
    onSuccess: (data) => qc.setQueryData(key, data),
    onSettled: () => qc.invalidateQueries({ queryKey: key }),
  });
}
