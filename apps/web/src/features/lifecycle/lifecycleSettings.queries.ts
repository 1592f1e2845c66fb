import { endpoints, type ApprovalRule, type LifecycleRuleSettings, type LifecycleStage } from '@guanxi/contract';
import { client } from '../../platform/api';
import { invalidatingMutation, useEndpointQuery } from '../../platform/endpointQueries';

const settingsKeys = {
  stages: ['lifecycle', 'settings', 'stages'] as const,
  approvalRules: ['lifecycle', 'settings', 'approval-rules'] as const,
  ruleValues: ['lifecycle', 'settings', 'rule-values'] as const,
};

const useLifecycleMutation = invalidatingMutation([['lifecycle']]);
const useApprovalRulesMutation = invalidatingMutation([settingsKeys.approvalRules]);
const useRuleValuesMutation = invalidatingMutation([settingsKeys.ruleValues]);

export const useLifecycleStages = () =>
  useEndpointQuery(endpoints.lifecycle.listStages, { queryKey: settingsKeys.stages, transform: (list) => list.items });

/** Replaces the whole stage configuration; the board's dwell figures change with it. */
export const useSaveLifecycleStages = () =>
  useLifecycleMutation((items: LifecycleStage[]) => client(endpoints.lifecycle.putStages, { body: { items } }));

export function useApprovalRules() {
  return useEndpointQuery(endpoints.lifecycle.listApprovalRules, {
    queryKey: settingsKeys.approvalRules,
    transform: (list) => list.items,
  });
}

export const useSaveApprovalRules = () =>
  useApprovalRulesMutation((items: ApprovalRule[]) =>
    client(endpoints.lifecycle.putApprovalRules, { body: { items } }),
  );

export const useLifecycleRuleSettings = () =>
  useEndpointQuery(endpoints.lifecycle.getRuleSettings, { queryKey: settingsKeys.ruleValues });

export const useSaveLifecycleRuleSettings = () =>
  useRuleValuesMutation((values: LifecycleRuleSettings) =>
    client(endpoints.lifecycle.putRuleSettings, { body: values }),
  );
