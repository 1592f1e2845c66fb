import type {
  ApprovalRule,
  ApprovalRuleList,
  LifecycleRuleSettings,
  LifecycleStage,
  LifecycleStageList,
} from '@guanxi/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api';

const settingsKeys = {
  stages: ['lifecycle', 'settings', 'stages'] as const,
  approvalRules: ['lifecycle', 'settings', 'approval-rules'] as const,
  ruleValues: ['lifecycle', 'settings', 'rule-values'] as const,
};

export function useLifecycleStages() {
  return useQuery({
    queryKey: settingsKeys.stages,
    queryFn: () => api.get<LifecycleStageList>('/lifecycle/stages').then((list) => list.items),
  });
}

/** Replaces the whole stage configuration; the board's dwell figures change with it. */
export function useSaveLifecycleStages() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (items: LifecycleStage[]) => api.put<LifecycleStageList>('/lifecycle/stages', { items }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['lifecycle'] }),
  });
}

export function useApprovalRules() {
  return useQuery({
    queryKey: settingsKeys.approvalRules,
    queryFn: () => api.get<ApprovalRuleList>('/lifecycle/approval-rules').then((list) => list.items),
  });
}

export function useSaveApprovalRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (items: ApprovalRule[]) => api.put<ApprovalRuleList>('/lifecycle/approval-rules', { items }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKeys.approvalRules }),
  });
}

export function useLifecycleRuleSettings() {
  return useQuery({
    queryKey: settingsKeys.ruleValues,
    queryFn: () => api.get<LifecycleRuleSettings>('/lifecycle/rule-settings'),
  });
}

export function useSaveLifecycleRuleSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: LifecycleRuleSettings) => api.put<LifecycleRuleSettings>('/lifecycle/rule-settings', values),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKeys.ruleValues }),
  });
}
