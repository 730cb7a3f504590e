/**
 * SIP drivers: samples read by trial index (trial t takes sample t mod n), so SIPs from one library
 * keep their joint distribution; a SIPmath 3.0 library (a hand-written fixture following the
 * standard) and a 2.0 table read as SIP drivers; validation of names, counts and values.
 */
import { readFileSync } from 'node:fs';
import { isFpaError } from '../../src/errors';
import { midRanks, pearson } from '../../src/scenario/ranks';
import { runScenarioDetailed } from '../../src/scenario/run';
import { sensitivities, sensitivityValues } from '../../src/scenario/sensitivity';
import { checkSipDrivers, sipColumn, sipDriversFromLibrary } from '../../src/scenario/sip-drivers';
import { hdrUniform } from '../../src/scenario/sipmath/hdr';
import type { Library3 } from '../../src/scenario/sipmath/library';
import { sipmath2Table } from '../../src/scenario/sipmath/library';

const library = JSON.parse(readFileSync(`${__dirname}/../fixtures/sipmath/plan-drivers-3.0.json`, 'utf8')) as Library3;
const spearman = (x: ArrayLike<number>, y: ArrayLike<number>) =>
  pearson(midRanks(Float64Array.from(x)), midRanks(Float64Array.from(y)));

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (isFpaError(e)) return e.message;
    throw e;
  }
  throw new Error('expected an error');
}

describe('sipColumn', () => {
  test('the documented example: trial t takes sample t mod n', () => {
    expect([...sipColumn(Float64Array.of(1, 2, 3), 2, 4, new Float64Array(4))]).toEqual([3, 1, 2, 3]);
  });
  test('one sample; a start far past n', () => {
    expect([...sipColumn(Float64Array.of(7), 5, 3, new Float64Array(3))]).toEqual([7, 7, 7]);
    expect([...sipColumn(Float64Array.of(1, 2, 3), 3001, 2, new Float64Array(2))]).toEqual([2, 3]);
  });
});

describe('checkSipDrivers', () => {
  test('none given is none', () => {
    expect(checkSipDrivers(undefined, [])).toEqual([]);
  });
  test.each([
    [[{ name: '1x', trials: [1] }], '"1x" is not a valid name'],
    [[{ name: 'price', trials: [1] }], 'the name "price" is already a driver or a SIP'],
    [
      [
        { name: 'a', trials: [1, 2] },
        { name: 'A', trials: [1, 2] },
      ],
      'the name "A" is already a driver or a SIP',
    ],
    [[{ name: 'a', trials: [] }], 'SIP "a": give its samples as a list of 1 to 10,000,000 numbers.'],
    [
      [
        { name: 'a', trials: [1, 2] },
        { name: 'b', trials: [1, 2, 3] },
      ],
      'SIP "b" has 3 samples and the first SIP 2',
    ],
    [[{ name: 'a', trials: [1, Number.NaN] }], 'SIP "a": sample 2 is not a finite number.'],
    [[{ name: 'a', trials: [1e308 * 10] }], 'SIP "a": sample 1 is not a finite number.'],
    ['not a list', 'sips: give a list of { name, trials }.'],
  ])('refuses %j', (sips, message) => {
    expect(messageOf(() => checkSipDrivers(sips, ['price']))).toContain(message);
  });
  test('huge magnitudes are samples like any other', () => {
    expect([...checkSipDrivers([{ name: 'big', trials: [1e300, -1e300] }], [])[0].samples]).toEqual([1e300, -1e300]);
  });
});

describe('a SIPmath 3.0 library as drivers', () => {
  const sips = sipDriversFromLibrary(library);

  test('its SIPs in order, each with the library count of samples', () => {
    expect(sips.map((s) => [s.name, s.trials.length])).toEqual([
      ['units', 1000],
      ['price', 1000],
      ['cost_share', 1000],
    ]);
  });

  test('an independent SIP is its metalog at its HDR uniforms (semi-bounded: lower + e^M)', () => {
    const cost = sips[2].trials;
    for (const t of [0, 1, 499, 999]) {
      const u = hdrUniform(t + 1, { entity: 7, varId: 3, seed3: 0, seed4: 0 });
      const L = Math.log(u / (1 - u));
      expect(cost[t]).toBeCloseTo(Math.exp(-1.2 + 0.25 * L + 0.05 * (u - 0.5) * L), 12);
    }
  });

  test('trials read by sample index: the outputs are the SIPs’ samples combined trial by trial', () => {
    const run = runScenarioDetailed({
      drivers: [],
      sips,
      model: 'revenue = units * price\nmargin = revenue * (1 - cost_share)',
      iterations: 1000,
    });
    const [revenue, margin] = run.simulation.outputColumns;
    const [units, price, cost] = sips.map((s) => s.trials);
    for (let t = 0; t < 1000; t++) {
      expect(revenue[t]).toBe(units[t] * price[t]);
      expect(margin[t]).toBe(units[t] * price[t] * (1 - cost[t]));
    }
    // The copula's −0.6 (Pearson of normal scores) is a Spearman of (6/π)·asin(−0.3) = −0.583 in the
    // library; the run keeps the samples' own correlation exactly, since it reads them by index.
    expect(spearman(units, price)).toBeCloseTo((6 / Math.PI) * Math.asin(-0.3), 1);
    expect(run.result.outputs.revenue.mean).toBeCloseTo(
      Array.from(units).reduce((s, u, t) => s + u * price[t], 0) / 1000,
      6,
    );
  });

  test('more trials than samples wrap around; the block layout does not matter', () => {
    const spec = { drivers: [], sips, model: 'revenue = units * price', iterations: 2500 };
    const one = runScenarioDetailed({ ...spec, blockSize: 2500 }).simulation.outputColumns[0];
    const many = runScenarioDetailed({ ...spec, blockSize: 700 }).simulation.outputColumns[0];
    expect(many).toEqual(one);
    expect(one.subarray(1000, 2000)).toEqual(one.subarray(0, 1000));
    expect(one.subarray(2000, 2500)).toEqual(one.subarray(0, 500));
  });

  test('beside sampled drivers: the drivers are sampled as without SIPs; a SIP cannot be correlated', () => {
    const drivers = [{ name: 'fx', distribution: 'normal', params: { mean: 1.1, sd: 0.05 } }];
    const mixed = runScenarioDetailed({ drivers, sips, model: 'eur = fx\nusd = units * price * fx', iterations: 1000 });
    const alone = runScenarioDetailed({ drivers, model: 'eur = fx', iterations: 1000 });
    expect(mixed.simulation.outputColumns[0]).toEqual(alone.simulation.outputColumns[0]);
    const correlation = {
      names: ['fx', 'units'],
      matrix: [
        [1, 0.5],
        [0.5, 1],
      ],
    };
    expect(messageOf(() => runScenarioDetailed({ drivers, sips, correlation, model: 'y = fx * units' }))).toContain(
      '"units" is a SIP: SIPs keep their library\'s correlation by sample index',
    );
  });

  test('a 2.0 table reads as the same SIP drivers (by trial index, bit for bit)', () => {
    const table = sipmath2Table(
      sips.map((s) => ({ name: s.name, trials: Float64Array.from(s.trials) })),
      'test',
    );
    expect(sipDriversFromLibrary(table)).toEqual(sips);
  });

  test('sensitivities cover the SIPs: one block gives sensitivities() of the SIP columns', () => {
    const model = 'margin = units * price * (1 - cost_share)';
    const run = runScenarioDetailed({ drivers: [], sips, model, iterations: 1000, sensitivity: true });
    const columns = sips.map((s) => Float64Array.from(s.trials));
    const want = sensitivities(
      sips.map((s) => s.name),
      columns,
      run.simulation.outputColumns[0],
    );
    const got = run.result.sensitivity!.margin;
    expect(got.map((s) => s.driver)).toEqual(want.map((s) => s.driver));
    got.forEach((s, i) => {
      expect(s.spearman).toBeCloseTo(want[i].spearman, 12);
      expect(s.src).toBeCloseTo(want[i].src, 10);
    });
    expect(Math.abs(got[0].spearman)).toBeGreaterThan(0.3);
  });

  test('sensitivities of SIPs beside sampled drivers, over blocks: trial-weighted means of the blocks', () => {
    const drivers = [{ name: 'fx', distribution: 'normal', params: { mean: 1.1, sd: 0.05 } }];
    const model = 'usd = units * price * fx\nrate = fx';
    const run = runScenarioDetailed({ drivers, sips, model, iterations: 1000, blockSize: 500, sensitivity: true });
    const names = ['fx', ...sips.map((s) => s.name)];
    const [usd, fx] = run.simulation.outputColumns;
    const inputs = [fx, ...sips.map((s) => Float64Array.from(s.trials))];
    // Each 500-trial block computed alone from the same trials, then weighted by its trials.
    const halves = [0, 500].map((start) =>
      sensitivityValues(
        inputs.map((x) => x.subarray(start, start + 500)),
        usd.subarray(start, start + 500),
      ),
    );
    const got = run.result.sensitivity!.usd;
    expect(got.map((s) => s.driver).sort()).toEqual([...names].sort());
    for (const s of got) {
      const d = names.indexOf(s.driver);
      expect(s.spearman).toBeCloseTo((halves[0].spearman[d] + halves[1].spearman[d]) / 2, 12);
      expect(s.src).toBeCloseTo((halves[0].src[d] + halves[1].src[d]) / 2, 10);
    }
  });

  test('neither a 3.0 library nor a 2.0 table is refused', () => {
    expect(messageOf(() => sipDriversFromLibrary({} as Library3))).toContain('not a SIPmath 3.0 library');
  });
});
