import { issueKind } from '../../src/anomaly/issue-kind';
import { lineResiduals } from '../../src/anomaly/line-residuals';
import type { Issue } from '../../src/anomaly/line-issues';
import { DEFAULT_THRESHOLDS } from '../../src/anomaly/types';

const t = { ...DEFAULT_THRESHOLDS, useForecast: false };
const issue = (from: number, to: number, sign: number): Issue => ({ from, to, sign, evidence: 10, pValue: 1e-6 });
const flat = (n: number) => new Array<number>(n).fill(100);
const projection = (share: number, sign = 1) => ({ variance: sign * share * 1200, share, annualPlan: 1200 });

describe('issueKind', () => {
  const view = lineResiduals(flat(12), [100, 100, 100, 100, 160, 100, 120, 120, 120, 125, 130, 140], 12);
  it('calls a single period an outlier, or over/underspend when it is the latest', () => {
    expect(issueKind(view, issue(4, 4, 1), null, t)).toBe('outlier');
    expect(issueKind(view, issue(11, 11, 1), null, t)).toBe('overspend');
    expect(issueKind(view, issue(11, 11, -1), null, t)).toBe('underspend');
  });
  it('calls a run that ended overspend or underspend', () => {
    expect(issueKind(view, issue(6, 8, 1), projection(0.2), t)).toBe('overspend');
    expect(issueKind(view, issue(6, 8, -1), null, t)).toBe('underspend');
  });
  it('tells a step (shift) from a growing gap that breaches the run rate', () => {
    const step = lineResiduals(flat(12), [100, 100, 100, 100, 100, 100, 130, 131, 129, 130, 131, 130], 12);
    expect(issueKind(step, issue(6, 11, 1), projection(0.15), t)).toBe('shift');
    const drift = lineResiduals(flat(12), [100, 100, 100, 100, 100, 100, 110, 120, 130, 140, 150, 160], 12);
    expect(issueKind(drift, issue(6, 11, 1), projection(0.3), t)).toBe('run-rate');
    expect(issueKind(drift, issue(6, 11, 1), projection(0.01), t)).toBe('shift');
  });
  it('calls an ongoing under-plan run that frees budget an opportunity', () => {
    const under = lineResiduals(flat(12), [100, 100, 100, 80, 80, 80, 80, 80, 80, 80, 80, 80], 12);
    expect(issueKind(under, issue(3, 11, -1), projection(0.2, -1), t)).toBe('opportunity');
    expect(issueKind(under, issue(3, 11, -1), projection(0.01, -1), t)).toBe('underspend');
    expect(issueKind(under, issue(3, 11, -1), projection(0.2, 1), t)).toBe('underspend');
  });
});
