import type { AgeingBuckets } from '@guanxi/contract';

/** The report's buckets in age order, with their catalog labels (namespace `ageing`). */
export const AGEING_BUCKETS = [
  { field: 'notDueFen', label: 'notDue' },
  { field: 'days0to30Fen', label: 'days0to30' },
  { field: 'days31to60Fen', label: 'days31to60' },
  { field: 'days61to90Fen', label: 'days61to90' },
  { field: 'over90Fen', label: 'over90' },
] as const satisfies readonly { field: keyof AgeingBuckets; label: string }[];
