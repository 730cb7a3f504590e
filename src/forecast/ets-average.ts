import type { EtsFit } from './ets-fit';
import { etsCode } from './ets-model';
import type { MemberForecast } from './member-forecasts';
import { etsMember } from './member-forecasts';
import { combineForecasts } from './combination';

/**
 * Candidates whose AICc lies more than this above the best get no weight: exp(−13.8/2) < 1e-3 of
 * the best model's weight, below anything a forecast shows.
 */
const MAX_AICC_GAP = 2 * Math.log(1000);

/**
 * Akaike weights of fitted models (Burnham & Anderson 2002, §2.9): w_i ∝ exp(−Δ_i / 2), Δ_i the
 * model's AICc minus the smallest, normalised to sum 1; 0 beyond MAX_AICC_GAP. `fits` ordered by AICc.
 * @example akaikeWeights([{ aicc: 100 }, { aicc: 102 }]) // [0.731, 0.269]
 */
export function akaikeWeights(fits: ReadonlyArray<Pick<EtsFit, 'aicc'>>): number[] {
  const best = fits[0].aicc;
  const raw = fits.map((f) => (f.aicc - best <= MAX_AICC_GAP ? Math.exp(-(f.aicc - best) / 2) : 0));
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => w / total);
}

/**
 * Automatic ETS as an Akaike-weighted average of the candidate models instead of the single best
 * one (Kolassa 2011, "Combining exponential smoothing forecasts using Akaike weights", IJF 27(2)):
 * the mean is the weighted mean of the candidates' means and each bound the weighted mean of their
 * bounds (as combineForecasts). Selection by AICc is noisy when several models fit almost equally
 * well; averaging over them keeps what each says in proportion to its support.
 * The name is the best model's code. `fits` ordered by AICc (fitEtsCandidates).
 */
export function etsAverageMember(
  fits: ReadonlyArray<EtsFit>,
  h: number,
  levels: ReadonlyArray<number>,
  seed: number,
): MemberForecast {
  const weights = akaikeWeights(fits);
  const used = fits.flatMap((f, i) => (weights[i] > 0 ? [{ f, w: weights[i] }] : []));
  const members = used.map(({ f }) => etsMember(etsCode(f.spec), f, h, levels, seed));
  const combined = combineForecasts(
    members,
    used.map((u) => u.w),
  );
  return { ...combined, name: etsCode(fits[0].spec) };
}
