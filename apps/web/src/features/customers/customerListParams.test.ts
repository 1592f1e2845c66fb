import { describe, expect, it } from 'vitest';
import { customerListPath, filtersFromSearch } from './customerListParams';

describe('days in stage in the customer list address', () => {
  it('reads at least / at most N days and the days-in-stage sort from the URL', () => {
    const filters = filtersFromSearch(
      new URLSearchParams('stage=prospect&daysInStageMin=30&daysInStageMax=0&sort=-daysInStage'),
    );
    expect(filters).toEqual({ stage: 'prospect', daysInStageMin: 30, daysInStageMax: 0, sort: '-daysInStage' });
  });

  it('drops day counts the server would refuse', () => {
    const filters = filtersFromSearch(new URLSearchParams('daysInStageMin=-1&daysInStageMax=2.5&sort=-daysInStag'));
    expect(filters).toEqual({});
  });

  it('builds the board’s click-through to the customers longest in a stage', () => {
    expect(customerListPath({ stage: 'interested', sort: '-daysInStage' })).toBe(
      '/customers?stage=interested&sort=-daysInStage',
    );
    const path = customerListPath({ stage: 'interested', ownerId: undefined, sort: '-daysInStage' });
    expect(filtersFromSearch(new URLSearchParams(path.split('?')[1]))).toEqual({
      stage: 'interested',
      sort: '-daysInStage',
    });
  });

  it('keeps a known RFM segment from the URL (the segment matrix click-through) and drops an unknown one', () => {
    const path = customerListPath({ rfmSegment: 'important_winback' });
    expect(path).toBe('/customers?rfmSegment=important_winback');
    expect(filtersFromSearch(new URLSearchParams(path.split('?')[1]))).toEqual({ rfmSegment: 'important_winback' });
    expect(filtersFromSearch(new URLSearchParams('rfmSegment=vip'))).toEqual({});
  });
});
