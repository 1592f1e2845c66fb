import { creditEndpoints, financeSettingsEndpoints, ordersEndpoints } from './orders.endpoints.js';
import { opportunitiesEndpoints, salesProcessesEndpoints } from './opportunities.endpoints.js';
import { attachmentsEndpoints, followUpTypesEndpoints, followUpsEndpoints } from './follow-ups.endpoints.js';

/**
 * Every endpoint defined in the contract, by resource: `endpoints.orders.submit`. A module adds
 * its `<module>.endpoints.ts` here; routes not yet listed are still declared in their routes file.
 */
export const endpoints = {
  orders: ordersEndpoints,
  credit: creditEndpoints,
  financeSettings: financeSettingsEndpoints,
  opportunities: opportunitiesEndpoints,
  salesProcesses: salesProcessesEndpoints,
  followUps: followUpsEndpoints,
  attachments: attachmentsEndpoints,
  followUpTypes: followUpTypesEndpoints,
} as const;
