import type { ApprovalBusinessType } from '@guanxi/contract';
import type { ApprovalAdapter, ApprovalFactSources, RecentFollowUpsReader } from '../module-kit/module-definition.js';

type ContextReader = NonNullable<ApprovalAdapter['context']>;
const readers = new Map<ApprovalBusinessType, ContextReader>();

/**
 * Called once by the composition root with every module's approval adapters, so the approvals
 * engine reads each type's decision facts from its owning module without importing it.
 */
export function registerApprovalContexts(adapters: readonly Pick<ApprovalAdapter, 'businessType' | 'context'>[]) {
  for (const { businessType, context } of adapters) if (context) readers.set(businessType, context);
}

/** The owning module's reader of a type's facts; undefined for a type no module describes (yet). */
export const approvalContextOf = (businessType: ApprovalBusinessType): ContextReader | undefined =>
  readers.get(businessType);

let followUpsReader: RecentFollowUpsReader | undefined;

/** Called once by the composition root with the modules' fact sources (see `ApprovalFactSources`). */
export function registerApprovalFactSources(sources: readonly ApprovalFactSources[]) {
  for (const source of sources) if (source.recentFollowUps) followUpsReader = source.recentFollowUps;
}

/** A customer's latest follow-ups for an approval card; none while no module lends them. */
export const recentFollowUps: RecentFollowUpsReader = (db, key) =>
  followUpsReader ? followUpsReader(db, key) : Promise.resolve([]);
