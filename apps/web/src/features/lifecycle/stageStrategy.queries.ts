import { endpoints, type StageStrategy } from '@guanxi/contract';
import { client } from '../../platform/api';
import { invalidatingMutation, useEndpointQuery } from '../../platform/endpointQueries';

const strategyKeys = {
  all: ['lifecycle', 'settings', 'stage-strategies'] as const,
  // Under the customers root: logging a follow-up or moving the stage invalidates it with the customer.
  cadence: (customerId: string) => ['customers', 'follow-up-cadence', customerId] as const,
};

// A saved cadence changes every customer's hint.
const useStrategyMutation = invalidatingMutation([strategyKeys.all, ['customers', 'follow-up-cadence']]);

export const useStageStrategies = () =>
  useEndpointQuery(endpoints.lifecycle.listStageStrategies, {
    queryKey: strategyKeys.all,
    transform: (list) => list.items,
  });

export const useSaveStageStrategies = () =>
  useStrategyMutation((items: StageStrategy[]) => client(endpoints.lifecycle.putStageStrategies, { body: { items } }));

/** The customer page's hint: how the customer stands against its stage's follow-up cadence. */
export const useFollowUpCadence = (customerId: string) =>
  useEndpointQuery(endpoints.lifecycle.followUpCadence, {
    queryKey: strategyKeys.cadence(customerId),
    params: { id: customerId },
  });
