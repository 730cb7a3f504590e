import { thinLabels } from '../../src/chart/thin-labels';

describe('thinLabels', () => {
  it('labels every period when they fit, every k-th when they do not', () => {
    expect(thinLabels(12, 40, 24)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(thinLabels(12, 20, 24)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(thinLabels(36, 8, 24)).toEqual([0, 4, 8, 12, 16, 20, 24, 28, 32]);
  });
  it('keeps the last period when there is room for it', () => {
    expect(thinLabels(13, 20, 24)).toEqual([0, 2, 4, 6, 8, 10, 12]);
    expect(thinLabels(12, 10, 24)).toEqual([0, 3, 6, 9]);
    expect(thinLabels(11, 10, 24)).toEqual([0, 3, 6, 9]);
  });
  it('handles no periods, one period and no room', () => {
    expect(thinLabels(0, 20, 24)).toEqual([]);
    expect(thinLabels(1, 20, 24)).toEqual([0]);
    expect(thinLabels(5, 0, 24)).toEqual([0]);
  });
});
