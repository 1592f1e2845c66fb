import type { LifecycleBoard, LifecycleCurrentStays } from '@guanxi/contract';
import type { ExportColumn } from '../../platform/export/index.js';

type BoardStage = LifecycleBoard['stages'][number] & {
  openMedianDwellDays: number | null;
  openP90DwellDays: number | null;
};

/** The board's stage rows with the current stays of each stage beside the ended ones. */
export const boardExportRows = (board: LifecycleBoard, current: LifecycleCurrentStays): BoardStage[] =>
  board.stages.map((stage) => {
    const stays = current.stages.find((s) => s.stage === stage.stage);
    return { ...stage, openMedianDwellDays: stays?.medianDays ?? null, openP90DwellDays: stays?.p90Days ?? null };
  });

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
