import { endpoints, type ApprovalRule, type LifecycleRuleSettings, type LifecycleStage } from '@guanxi/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';

const settingsKeys = {
  stages: ['lifecycle', 'settings', 'stages'] as const,
  approvalRules: ['lifecycle', 'settings', 'approval-rules'] as const,
  ruleValues: ['lifecycle', 'settings', 'rule-values'] as const,
};

export function useLifecycleStages() {
  return useQuery({
    queryKey: settingsKeys.stages,
    queryFn: () => client(endpoints.lifecycle.listStages).then((list) => list.items),
  });
}

/** Replaces the whole stage configuration; the board's dwell figures change with it. */
export function useSaveLifecycleStages() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (items: LifecycleStage[]) => client(endpoints.lifecycle.putStages, { body: { items } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['lifecycle'] }),
  });
}

export function useApprovalRules() {
  return useQuery({
    queryKey: settingsKeys.approvalRules,
    queryFn: () => client(endpoints.lifecycle.listApprovalRules).then((list) => list.items),
  });
}

export function useSaveApprovalRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (items: ApprovalRule[]) => client(endpoints.lifecycle.putApprovalRules, { body: { items } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKeys.approvalRules }),
  });
}

export function useLifecycleRuleSettings() {
  return useQuery({
    queryKey: settingsKeys.ruleValues,
    queryFn: () => client(endpoints.lifecycle.getRuleSettings),
  });
}

export function useSaveLifecycleRuleSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: LifecycleRuleSettings) => client(endpoints.lifecycle.putRuleSettings, { body: values }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKeys.ruleValues }),
  });
}
