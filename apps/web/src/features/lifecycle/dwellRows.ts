import type { LifecycleBoard, LifecycleCurrentStays, Stage } from '@guanxi/contract';

/** Current stays beside the ended ones, as the dwell tables show them. */
export interface CurrentStayFields {
  openStays: number;
  openMedianDwellDays: number | null;
  openP90DwellDays: number | null;
}
export type StageDwellRow = LifecycleBoard['stages'][number] & CurrentStayFields;
export type OwnerDwellRow = LifecycleBoard['dwellByOwner'][number] & CurrentStayFields;

const noCurrentStays: CurrentStayFields = { openStays: 0, openMedianDwellDays: null, openP90DwellDays: null };
const currentOf = (stays: LifecycleCurrentStays['stages'][number] | undefined): CurrentStayFields =>
  stays
    ? { openStays: stays.customers, openMedianDwellDays: stays.medianDays, openP90DwellDays: stays.p90Days }
    : noCurrentStays;

/** The board's stage rows with their current stays (none yet while those are still being counted). */
export const stageDwellRows = (board: LifecycleBoard | undefined, current: LifecycleCurrentStays | undefined) =>
  (board?.stages ?? []).map((stage): StageDwellRow => ({
    ...stage,
    ...currentOf(current?.stages.find((s) => s.stage === stage.stage)),
  }));

/**
 * Owners with ended stays (the board) and owners with current stays (asked for on its own), one row
 * per owner and stage: an owner may have only one kind.
 */
export function ownerDwellRows(
  board: LifecycleBoard | undefined,
  current: LifecycleCurrentStays | undefined,
): OwnerDwellRow[] {
  const rows = new Map<string, OwnerDwellRow>();
  const keyOf = (ownerId: string | null, stage: Stage) => `${ownerId ?? ''}|${stage}`;
  for (const row of board?.dwellByOwner ?? []) rows.set(keyOf(row.ownerId, row.stage), { ...row, ...noCurrentStays });
  for (const stays of current?.byOwner ?? []) {
    const key = keyOf(stays.ownerId, stays.stage);
    const ended = rows.get(key) ?? {
      ownerId: stays.ownerId,
      ownerName: stays.ownerName,
      stage: stays.stage,
      endedStays: 0,
      medianDwellDays: null,
      p90DwellDays: null,
    };
    rows.set(key, { ...ended, ...currentOf(stays) });
  }
  return [...rows.values()].sort(
    (a, b) =>
      Number(a.ownerId === null) - Number(b.ownerId === null) ||
      (a.ownerName ?? '').localeCompare(b.ownerName ?? '', 'zh-CN') ||
      (a.ownerId ?? '').localeCompare(b.ownerId ?? ''),
  );
}
