import { akaikeWeights, etsAverageMember } from '../../src/forecast/ets-average';
import { fitEtsCandidates } from '../../src/forecast/ets-select';
import { etsMember } from '../../src/forecast/member-forecasts';
import { etsCode } from '../../src/forecast/ets-model';
import { loadFixtures } from './fixtures';

const fx = loadFixtures().find((f) => f.name === 'usaccdeaths')!;
const y = Float64Array.from(fx.values);

describe('Akaike weights', () => {
  test('exp(−Δ/2), normalised; beyond a gap of 2·ln 1000 a model gets nothing', () => {
    // Burnham & Anderson (2002) §2.9: Δ = 0, 2 → 1 : e^{-1}.
    const w = akaikeWeights([{ aicc: 100 }, { aicc: 102 }]);
    expect(w[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 14);
    expect(w[1]).toBeCloseTo(Math.exp(-1) / (1 + Math.exp(-1)), 14);
    expect(akaikeWeights([{ aicc: 5 }, { aicc: 5 + 13.8 }, { aicc: 5 + 13.9 }])[2]).toBe(0);
    expect(akaikeWeights([{ aicc: 5 }, { aicc: 5 + 13.8 }])[1]).toBeGreaterThan(0);
    // Only differences count: huge or negative AICc values give the same weights.
    expect(akaikeWeights([{ aicc: -1e6 }, { aicc: -1e6 + 2 }])).toEqual(w);
  });

  test('one model alone has weight 1', () => {
    expect(akaikeWeights([{ aicc: 42 }])).toEqual([1]);
  });
});

describe('Akaike-weighted ETS', () => {
  const fits = fitEtsCandidates(y, 12);

  test('candidates come ordered by AICc; the weighted forecast lies within the candidates', () => {
    for (let i = 1; i < fits.length; i++) expect(fits[i].aicc).toBeGreaterThanOrEqual(fits[i - 1].aicc);
    const h = 12;
    const avg = etsAverageMember(fits, h, [80, 95], 1);
    expect(avg.name).toBe(etsCode(fits[0].spec));
    const weights = akaikeWeights(fits);
    const used = fits.filter((_, i) => weights[i] > 0).map((f) => etsMember(etsCode(f.spec), f, h, [80, 95], 1));
    for (let k = 0; k < h; k++) {
      const means = used.map((u) => u.mean[k]);
      expect(avg.mean[k]).toBeGreaterThanOrEqual(Math.min(...means) - 1e-9);
      expect(avg.mean[k]).toBeLessThanOrEqual(Math.max(...means) + 1e-9);
      expect(avg.lower[1][k]).toBeLessThanOrEqual(avg.lower[0][k]);
      expect(avg.upper[1][k]).toBeGreaterThanOrEqual(avg.upper[0][k]);
    }
  });

  test('a dominant model gives its own forecast', () => {
    const alone = [fits[0]];
    const f = etsAverageMember(alone, 6, [95], 1);
    const own = etsMember(etsCode(fits[0].spec), fits[0], 6, [95], 1);
    expect(Array.from(f.mean)).toEqual(Array.from(own.mean));
    expect(Array.from(f.upper[0])).toEqual(Array.from(own.upper[0]));
  });
});
