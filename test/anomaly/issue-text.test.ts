import { oneOffText, periodLabeller, projectionText, runText } from '../../src/anomaly/issue-text';
import { lineResiduals } from '../../src/anomaly/line-residuals';
import { detectFlags } from '../../src/anomaly/detect-flags';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const issue = (from: number, to: number, sign: number) => ({ from, to, sign, evidence: 12.3, pValue: 1e-9 });

describe("sentences in the reader's locale", () => {
  const MINUS = '\u2212';
  const NNBSP = '\u202f';
  const NBSP = '\u00a0';
  const label = periodLabeller(months);
  const swing = [600, 300, -100, -416, -300, 200, 600, 700];
  const crossing = lineResiduals(swing, [600, 300, -100, 2140, -300, 200, 600, 700], 12);
  const oneOff = { ...issue(3, 3, 1), evidence: 2.46 };
  it('write the same one-off in en-US (the default: CLI and functions), de-DE and fr-FR with the true minus', () => {
    expect(oneOffText(crossing, oneOff, 'outlier', label)).toBe(
      "One-off in Apr: 2,140 against a plan of -416, 2,556 over plan, 2.5× the spread of the line's other periods.",
    );
    expect(oneOffText(crossing, oneOff, 'outlier', label, { locale: 'en-US', minus: 'true' })).toBe(
      `One-off in Apr: 2,140 against a plan of ${MINUS}416, 2,556 over plan, 2.5× the spread of the line's other periods.`,
    );
    expect(oneOffText(crossing, oneOff, 'outlier', label, { locale: 'de-DE', minus: 'true' })).toBe(
      `One-off in Apr: 2.140 against a plan of ${MINUS}416, 2.556 over plan, 2,5× the spread of the line's other periods.`,
    );
    expect(oneOffText(crossing, oneOff, 'outlier', label, { locale: 'fr-FR', minus: 'true' })).toBe(
      `One-off in Apr: 2${NNBSP}140 against a plan of ${MINUS}416, 2${NNBSP}556 over plan, 2,5× the spread of the line's other periods.`,
    );
  });
  it('write shares, runs and projections in the locale', () => {
    const view = lineResiduals(new Array(12).fill(1000), [1000, 1000, 1000, 1000, 1000, 1900, 1000, 1000], 12);
    expect(oneOffText(view, issue(5, 5, 1), 'outlier', label, { locale: 'de-DE', minus: 'true' })).toMatch(
      new RegExp(`^One-off in Jun: 1\\.900 against a plan of 1\\.000, 900 \\(90,0${NBSP}%\\) over plan, 12×`),
    );
    expect(projectionText('run-rate', { variance: 1500, share: 0.125, annualPlan: 12000 }, { locale: 'fr-FR' })).toBe(
      `At this pace the year ends 1${NNBSP}500 (12,5${NBSP}%) over its budget of 12${NNBSP}000.`,
    );
    const actual = [1030, 1030, 1030, 1030, 800, 800, 800, 800, 800, 800, null, null];
    const under = lineResiduals(new Array(12).fill(1000), actual, 12);
    const figures = { variance: -1200, plan: 6000, level: -0.2 };
    expect(runText(under, issue(4, 9, -1), 'opportunity', figures, 0, label, { locale: 'de-DE' })).toMatch(
      new RegExp(
        `^Under plan since May: 1\\.200 \\(20,0${NBSP}%\\) under plan over 6 periods.* ran 3,0${NBSP}% over plan\\.`,
      ),
    );
  });
  it('reach a flag through detectFlags({ numbers }), the default unchanged', () => {
    const line = {
      id: 'L1',
      costCentre: 'CC',
      account: 'A',
      owner: 'o',
      plan: new Array(12).fill(10000),
      actual: [10100, 9900, 10050, 9950, 10000, 10100, 9900, 23400, 10000, 9950, 10050, 10000],
    };
    const [en] = detectFlags([line], { useForecast: false }, { periods: months });
    const [de] = detectFlags([line], { useForecast: false }, { periods: months, numbers: { locale: 'de-DE' } });
    expect(en.explanation).toMatch(/^One-off in Aug: 23,400 against a plan of 10,000, 13,400 \(134\.0%\) over plan/);
    expect(de.explanation).toBe(
      en.explanation
        .replace(/(\d),(\d{3})/g, '$1.$2')
        .replace(/(\d)\.(\d)(%|×)/g, '$1,$2$3')
        .replace(/%/g, `${NBSP}%`),
    );
  });
});

describe('periodLabeller', () => {
  it('uses the labels given, else "period n"', () => {
    expect(periodLabeller(months)(2)).toBe('Mar');
    expect(periodLabeller(undefined)(2)).toBe('period 3');
    expect(periodLabeller(['a'])(4)).toBe('period 5');
  });
});

describe('sentences', () => {
  const label = periodLabeller(months);
  it('name a one-off by its label, with actual, plan and share', () => {
    const view = lineResiduals(new Array(12).fill(1000), [1000, 1000, 1000, 1000, 1000, 1900, 1000, 1000], 12);
    expect(oneOffText(view, issue(5, 5, 1), 'outlier', label)).toBe(
      "One-off in Jun: 1,900 against a plan of 1,000, 900 (90.0%) over plan, 12× the spread of the line's other periods.",
    );
    expect(oneOffText(view, issue(7, 7, 1), 'overspend', label)).toMatch(
      /^Aug, the latest period: .* not yet a pattern\.$/,
    );
  });
  it('write a large multiple whole and a small one with one decimal, as a budget owner reads them', () => {
    const view = lineResiduals(new Array(12).fill(1000), [1000, 1000, 1000, 1000, 1000, 1900, 1000, 1000], 12);
    const spread = (evidence: number) =>
      /, ([^ ]+) the spread of the line's other periods\.$/.exec(
        oneOffText(view, { ...issue(5, 5, 1), evidence }, 'outlier', label),
      )?.[1];
    expect(spread(70.04)).toBe('70×');
    expect(spread(2.46)).toBe('2.5×');
    expect(spread(9.96)).toBe('10×');
    expect(spread(999.6)).toBe('1,000×');
  });
  it('say since when a line runs under plan, and never "from 0.0%" for a line never on plan', () => {
    const actual = [1030, 1030, 1030, 1030, 800, 800, 800, 800, 800, 800, null, null];
    const view = lineResiduals(new Array(12).fill(1000), actual, 12);
    const text = runText(view, issue(4, 9, -1), 'opportunity', { variance: -1200, plan: 6000, level: -0.2 }, 0, label);
    expect(text).toMatch(/^Under plan since May: 1,200 \(20\.0%\) under plan over 6 periods/);
    expect(text).toMatch(/before May the line ran 3\.0% over plan\./);
    expect(text).not.toMatch(/(^|[^\d])0\.0%/);
    const sinceJanuary = lineResiduals(new Array(12).fill(1000), new Array(10).fill(800), 12);
    const fromStart = runText(
      sinceJanuary,
      issue(0, 9, -1),
      'opportunity',
      { variance: -2000, plan: 10000, level: -0.2 },
      0,
      label,
    );
    expect(fromStart).toMatch(/since Jan/);
    expect(fromStart).not.toMatch(/before/);
  });
  it('say when an episode ended, and how fast a drift grows', () => {
    const view = lineResiduals(new Array(12).fill(1000), [1000, 1000, 1200, 1200, 1200, 1000, 1000], 12);
    expect(runText(view, issue(2, 4, 1), 'overspend', { variance: 600, plan: 3000, level: 0.2 }, 0, label)).toMatch(
      /^Over plan from Mar to May: .* Back in line from Jun\.$/,
    );
    expect(runText(view, issue(2, 6, 1), 'run-rate', { variance: 600, plan: 5000, level: 0.12 }, 0.025, label)).toMatch(
      /widening by about 2\.5% of plan a period/,
    );
  });
  it('project the year end for run-rate and opportunity', () => {
    expect(projectionText('run-rate', { variance: 1500, share: 0.125, annualPlan: 12000 })).toBe(
      'At this pace the year ends 1,500 (12.5%) over its budget of 12,000.',
    );
    expect(projectionText('opportunity', { variance: -2400, share: 0.2, annualPlan: 12000 })).toMatch(
      /ends 2,400 \(20\.0%\) under its budget of 12,000, which could be freed for reallocation\./,
    );
  });
  it('say "nothing planned" for a plan of 0 (not "a plan of 0.00") and no 16-digit multiple of a spread of nothing', () => {
    const zeroPlan = lineResiduals(new Array(12).fill(0), [0, 0, 0, 5000, 0, 0, 0, 0, 0, 0, 0, 0], 12);
    const huge = { ...issue(3, 3, 1), evidence: 2.28e15 };
    expect(oneOffText(zeroPlan, huge, 'outlier', label)).toBe(
      "One-off in Apr: 5,000 with nothing planned, more than 1,000× the spread of the line's other periods.",
    );
    const somePlanned = lineResiduals([1000, 1000, 0, 1000, 1000, 1000], [1000, 1000, 3000, 1000, 1000, 1000], 12);
    expect(oneOffText(somePlanned, issue(2, 2, 1), 'outlier', label)).toMatch(
      /^One-off in Mar: 3,000 with nothing planned, 12× the spread/,
    );
    const level = lineResiduals(new Array(12).fill(0), [0, 0, 0, 0, 900, 900, 900, 900, 900, 900, 900, 900], 12);
    const text = runText(level, issue(4, 11, 1), 'shift', { variance: 7200, plan: 0, level: 9e11 }, 0, label);
    expect(text).toBe("Over plan since May: 7,200 over plan over 8 periods, 12× the line's usual variation.");
  });
  it('write amounts below 1 to four significant digits, so that amounts that differ read differently', () => {
    const tiny = lineResiduals(new Array(12).fill(0.0046), [0.0046, 0.0045, 0.0047, 0.0146, 0.0046], 12);
    expect(oneOffText(tiny, issue(3, 3, 1), 'outlier', label)).toBe(
      "One-off in Apr: 0.0146 against a plan of 0.0046, 0.01 (217.4%) over plan, 12× the spread of the line's other periods.",
    );
  });
  it('quote no share of a plan that changes sign (over the line), or of a period planned at about 0', () => {
    const plan = [1000, 1000, 1000, 1000, 200, -300, 250, -330, 1000, 1000];
    const actual = [1000, 1000, 1000, 1000, 50, -450, 100, -480, 1000, 1000];
    const mixed = lineResiduals(plan, actual, 12);
    const run = runText(mixed, issue(4, 7, -1), 'shift', { variance: -600, plan: -180, level: -0.5 }, 0, label);
    expect(run).toMatch(/^Under plan from May to Aug: 600 under plan over 4 periods, 12×/);
    // The same span planned on one side keeps its share.
    const oneSide = lineResiduals(plan.map(Math.abs), actual.map(Math.abs), 12);
    expect(runText(oneSide, issue(4, 7, -1), 'shift', { variance: -600, plan: 1080, level: -0.5 }, 0, label)).toMatch(
      /^Under plan from May to Aug: 600 \(55\.6%\) under plan/,
    );
    // A one-off on a line whose plan swings through 0 (a net line): no share of that period's plan, as for a run.
    const swing = [600, 300, -100, -416, -300, 200, 600, 700];
    const crossing = lineResiduals(swing, [600, 300, -100, 2140, -300, 200, 600, 700], 12);
    expect(oneOffText(crossing, issue(3, 3, 1), 'outlier', label)).toBe(
      "One-off in Apr: 2,140 against a plan of -416, 2,556 over plan, 12× the spread of the line's other periods.",
    );
    // The same period on a line planned below 0 throughout (revenue kept as a negative cost) keeps its share.
    const negative = lineResiduals(
      swing.map((p) => -Math.abs(p)),
      [-600, -300, -100, 2140, -300, -200, -600, -700],
      12,
    );
    expect(oneOffText(negative, issue(3, 3, 1), 'outlier', label)).toMatch(
      /a plan of -416, 2,556 \(614\.4%\) over plan/,
    );
    // A run on the swinging line: no share even where its span keeps one side.
    expect(runText(crossing, issue(0, 1, 1), 'overspend', { variance: 90, plan: 900, level: 0.1 }, 0, label)).toMatch(
      /^Over plan from Jan to Feb: 90.00 over plan over 2 periods/,
    );
    // A period planned at 1 on a line planned at 1,000: a share of the engine's floor, not of a plan.
    const nearZero = lineResiduals([1000, 1000, 1000, 1, 1000, 1000], [1000, 1000, 1000, 600, 1000, 1000], 12);
    expect(oneOffText(nearZero, issue(3, 3, 1), 'outlier', label)).toMatch(
      /^One-off in Apr: 600 against a plan of 1.00, 599 over plan, 12×/,
    );
  });
  it('keep the flags of a line planned at 0 in plain money (detectFlags end to end)', () => {
    const periods = months.concat(
      months.map((m) => `${m}+1`),
      months.map((m) => `${m}+2`),
    );
    const flags = detectFlags(
      [
        {
          id: 'Z1',
          costCentre: 'CC',
          account: 'A',
          owner: 'o',
          plan: new Array(36).fill(0),
          actual: new Array(36).fill(0).map((_, t) => (t === 15 ? 5000 : 0)),
        },
        {
          id: 'Z2',
          costCentre: 'CC',
          account: 'B',
          owner: 'o',
          plan: new Array(36).fill(0),
          actual: new Array(36).fill(0).map((_, t) => (t >= 24 ? 900 : 0)),
        },
      ],
      { useForecast: false },
      { periods },
    );
    expect(flags.length).toBeGreaterThanOrEqual(2);
    for (const flag of flags) {
      expect(flag.explanation).not.toMatch(/\d{7,}|,\d{3},\d{3},\d{3}/);
      expect(flag.explanation).not.toMatch(/%/);
    }
  });
});
