import type { LifecycleBoard } from '@guanxi/contract';
import type { ExportColumn } from '../../platform/export/index.js';

type BoardStage = LifecycleBoard['stages'][number];

/** The lifecycle board's stage table in a file: customers now, moves in, dwell of ended and current stays, and stuck, per stage. */
export const BOARD_EXPORT_COLUMNS: readonly ExportColumn<BoardStage>[] = [
  { header: 'boardExport.stage', value: (s, f) => f.label('stage', s.stage), width: 18 },
  { header: 'boardExport.count', value: (s) => s.count, kind: 'number' },
  { header: 'boardExport.entered', value: (s) => s.entered, kind: 'number', width: 14 },
  { header: 'boardExport.medianDwell', value: (s) => s.medianDwellDays, kind: 'number', width: 16 },
  { header: 'boardExport.p90Dwell', value: (s) => s.p90DwellDays, kind: 'number', width: 16 },
  { header: 'boardExport.endedStays', value: (s) => s.endedStays, kind: 'number', width: 14 },
  { header: 'boardExport.openMedianDwell', value: (s) => s.openMedianDwellDays, kind: 'number', width: 16 },
  { header: 'boardExport.openP90Dwell', value: (s) => s.openP90DwellDays, kind: 'number', width: 16 },
  { header: 'boardExport.stuck', value: (s) => s.stuck, kind: 'number', width: 14 },
];
