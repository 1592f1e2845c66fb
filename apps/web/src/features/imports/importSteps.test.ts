import { describe, expect, it } from 'vitest';
import { isFinished, isWorking, stepIndex, stepToShow } from './importSteps';

describe('the wizard step a job is at', () => {
  it('starts a fresh upload at the detect step and lets the user move on to the mapping', () => {
    expect(stepToShow('uploaded', undefined)).toBe('detect');
    expect(stepToShow('uploaded', 'map')).toBe('map');
    expect(stepToShow('uploaded', 'detect')).toBe('detect');
  });

  it('shows the dry run while it runs and its summary once checked, with a way back to the mapping', () => {
    expect(stepToShow('checking', 'map')).toBe('check');
    expect(stepToShow('checked', undefined)).toBe('check');
    expect(stepToShow('checked', 'map')).toBe('map');
    expect(stepToShow('checked', 'detect')).toBe('detect');
  });

  it('goes back to the mapping when a dry run is cancelled (the job is back at uploaded)', () => {
    expect(stepToShow('uploaded', 'check')).toBe('map');
  });

  it('follows the run and then the result whatever step was asked for', () => {
    expect(stepToShow('queued', 'map')).toBe('run');
    expect(stepToShow('running', undefined)).toBe('run');
    expect(stepToShow('completed', 'map')).toBe('result');
    expect(stepToShow('failed', undefined)).toBe('result');
    expect(stepToShow('cancelled', 'check')).toBe('result');
  });

  it('polls only while the server works and knows when a job has ended', () => {
    expect(['checking', 'queued', 'running'].every((status) => isWorking(status as never))).toBe(true);
    expect(isWorking('checked')).toBe(false);
    expect(isFinished('cancelled')).toBe(true);
    expect(isFinished('running')).toBe(false);
  });

  it('numbers the steps from upload to result', () => {
    expect(stepIndex('upload')).toBe(0);
    expect(stepIndex('result')).toBe(5);
  });
});
