import type { EtsSpec, ErrorType, SeasonType, TrendType } from './ets-model';
import { minimumLength } from './ets-model';
import type { EtsFit } from './ets-fit';
import { fitEts } from './ets-fit';

/** The ETS models R's ets() considers by default, for season length m. */
export function candidateSpecs(y: Float64Array, m: number): EtsSpec[] {
  let positive = true;
  for (let t = 0; t < y.length; t++) if (!(y[t] > 0)) positive = false;
  const errors: ErrorType[] = positive ? ['A', 'M'] : ['A'];
  const trends: TrendType[] = ['N', 'A', 'Ad'];
  const seasons: SeasonType[] = m > 1 ? (positive ? ['N', 'A', 'M'] : ['N', 'A']) : ['N'];
  const specs: EtsSpec[] = [];
  for (const error of errors) {
    for (const trend of trends) {
      for (const season of seasons) {
        // Additive error with multiplicative season is numerically unstable (R restricts it).
        if (error === 'A' && season === 'M') continue;
        const spec: EtsSpec = { error, trend, season, period: season === 'N' ? 1 : m };
        if (y.length >= minimumLength(spec)) specs.push(spec);
      }
    }
  }
  return specs;
}

/** ETS(A,N,N), simple exponential smoothing: what automatic selection falls back to on the shortest histories. */
export const ANN_SPEC: EtsSpec = { error: 'A', trend: 'N', season: 'N', period: 1 };

/**
 * Automatic ETS (R forecast::ets(y) defaults): fits every admissible candidate by maximum likelihood
 * and keeps the one with the smallest AICc. Multiplicative models are skipped for data with zeros or
 * negatives. With exactly as many values as ETS(A,N,N) needs (4), no candidate has an AICc (n − k − 1 = 0)
 * and, as R's ets() fits a simple model on data too few to estimate, ETS(A,N,N) is the answer (`fallback`,
 * the ANN fit). Returns undefined when nothing fits (series shorter than ANN needs).
 * @example selectEts(Float64Array.from(usAccDeaths), 12)?.spec // e.g. { error: 'A', trend: 'N', season: 'A', period: 12 }
 */
export function selectEts(
  y: Float64Array,
  m: number,
  specs: EtsSpec[] = candidateSpecs(y, m),
  fallback: () => EtsFit | undefined = () => fitEts(y, ANN_SPEC, {}, 'fast'),
): EtsFit | undefined {
  return bestOrFallback(fitEtsCandidates(y, m, specs), y, fallback);
}

/**
 * The best candidate (the list ordered by AICc), or, when no candidate has a finite AICc and the
 * history is as long as ETS(A,N,N) needs, the fallback fit.
 */
export function bestOrFallback(
  candidates: EtsFit[],
  y: Float64Array,
  fallback: () => EtsFit | undefined,
): EtsFit | undefined {
  if (candidates.length > 0) return candidates[0];
  return y.length >= minimumLength(ANN_SPEC) ? fallback() : undefined;
}

/**
 * Every admissible candidate fitted (as selectEts), ordered by AICc (smallest first); fits that
 * fail or have a non-finite AICc are left out.
 */
export function fitEtsCandidates(y: Float64Array, m: number, specs: EtsSpec[] = candidateSpecs(y, m)): EtsFit[] {
  const fits: EtsFit[] = [];
  // Additive-error fits come first (candidateSpecs' order) and warm-start their
  // multiplicative-error twins, whose optimum is usually close.
  const byShape = new Map<string, EtsFit>();
  for (const spec of specs) {
    const shape = `${spec.trend}${spec.season}`;
    const fit = fitEts(y, spec, {}, 'fast', spec.error === 'M' ? byShape.get(shape) : undefined);
    if (fit && spec.error === 'A') byShape.set(shape, fit);
    if (fit && Number.isFinite(fit.aicc)) fits.push(fit);
  }
  // Stable: equal AICc keeps candidateSpecs' order, as the strict "<" of a running minimum did.
  return fits.sort((a, b) => a.aicc - b.aicc);
}
