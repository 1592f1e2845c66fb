import {
  POOLABLE_HANDOVER_GROUPS,
  type HandoverBody,
  type HandoverGroup,
  type HandoverSummary,
} from '@guanxi/contract';

/** One group's choice in the wizard: colleagues (dealt in turn when several) or the pool. */
export interface GroupChoice {
  toPool: boolean;
  userIds: string[];
}
export type Choices = Partial<Record<HandoverGroup, GroupChoice>>;

export const mayGoToPool = (group: HandoverGroup) => POOLABLE_HANDOVER_GROUPS.includes(group);

/** The groups that hold something (the only ones the wizard asks about). */
export const heldGroups = (summary: HandoverSummary | undefined) =>
  (summary?.groups ?? []).filter((group) => group.count > 0);

export const isChosen = (choice: GroupChoice | undefined) =>
  choice !== undefined && (choice.toPool || choice.userIds.length > 0);

/** The request body: only the groups that hold something, each with its one kind of target. */
export function handoverBody(summary: HandoverSummary, choices: Choices): HandoverBody {
  const body: HandoverBody = {};
  for (const { group } of heldGroups(summary)) {
    const choice = choices[group];
    if (!isChosen(choice)) continue;
    body[group] = choice!.toPool ? { toPool: true } : { userIds: choice!.userIds };
  }
  return body;
}
