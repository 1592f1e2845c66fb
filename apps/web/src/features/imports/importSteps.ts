import type { ImportStatus } from '@guanxi/contract';

/** The wizard's steps, in order: upload → detect → map → check → run → result. */
export const WIZARD_STEPS = ['upload', 'detect', 'map', 'check', 'run', 'result'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/** Steps a user may go back to while the job waits for them (before the run starts). */
const EDITABLE_STEPS: readonly WizardStep[] = ['detect', 'map'];

/** Statuses in which the server is working on the file, so the screen follows its progress. */
const WORKING: readonly ImportStatus[] = ['checking', 'queued', 'running'];

/** Whether the server is still reading the file (the job is polled until it is not). */
export const isWorking = (status: ImportStatus): boolean => WORKING.includes(status);

/** Whether the job has ended (completed, failed or cancelled): only its result is left to show. */
export const isFinished = (status: ImportStatus): boolean =>
  status === 'completed' || status === 'failed' || status === 'cancelled';

/**
 * The step to show for a job in `status` when the user asked for `requested` (or nothing yet).
 * Before the run the user moves freely between detect, map and check; once the run is queued the
 * job's status decides (run, then result), whatever was asked.
 *
 * @example stepToShow('uploaded', undefined) // 'detect'
 * @example stepToShow('checked', 'map')      // 'map' (back to the mapping after a dry run)
 * @example stepToShow('running', 'map')      // 'run'
 */
export function stepToShow(status: ImportStatus, requested: WizardStep | undefined): WizardStep {
  if (status === 'queued' || status === 'running') return 'run';
  if (isFinished(status)) return 'result';
  if (status === 'checking') return 'check';
  if (requested !== undefined && EDITABLE_STEPS.includes(requested)) return requested;
  if (status === 'checked') return 'check';
  // Back at "uploaded" after the dry run was asked for: it was cancelled, so the mapping is next.
  return requested === 'check' ? 'map' : 'detect';
}

/** The 0-based position of a step, for antd's Steps `current`. */
export const stepIndex = (step: WizardStep): number => WIZARD_STEPS.indexOf(step);

/** Antd's colour for a job status tag: working blue, done green, failed red, the rest plain. */
export function statusColor(status: ImportStatus): string | undefined {
  if (status === 'completed') return 'green';
  if (status === 'failed') return 'red';
  if (isWorking(status)) return 'blue';
  if (status === 'checked') return 'gold';
  return undefined;
}
