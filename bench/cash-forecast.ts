/**
 * Calibration of FPA.CASH.FORECAST's receivables model on the seeded generator of
 * bench/generators/receivables.ts (10 seeds × 400 customers, 13 weekly periods; the truth of every
 * customer is known). For each open invoice and period end, the model's P(received by then) is
 * compared with what happened:
 * - per period: the mean predicted probability against the realised frequency;
 * - reliability: (invoice, period) pairs binned by predicted probability (tenths);
 * - Brier score of the pooled model (κ by empirical Bayes) against no pooling (κ → 0, each customer
 *   on its own history) and full pooling (κ = ∞, every customer is the portfolio).
 * Target: every per-period and every bin gap within 3 points. Run: `npm run bench:cash-forecast`.
 */
import { generateReceivables } from './generators/receivables';
import { fitPaymentBehaviour } from '../src/cash/payment-behaviour';
import { receiptPeriods } from '../src/cash/receipt-periods';

const SEEDS = Array.from({ length: 10 }, (_, i) => i + 1);
const P = 13;

interface Tally {
  predicted: number;
  realised: number;
  n: number;
}
const tally = (): Tally => ({ predicted: 0, realised: 0, n: 0 });

function evaluate(kappa: number | undefined): {
  periods: Tally[];
  bins: Tally[];
  brier: number;
  kappas: number[];
  open: number;
  closed: number;
  ms: number;
} {
  const periods = Array.from({ length: P }, tally);
  const bins = Array.from({ length: 10 }, tally);
  let brier = 0,
    pairs = 0,
    open = 0,
    closed = 0,
    ms = 0;
  const kappas: number[] = [];
  for (const seed of SEEDS) {
    const c = generateReceivables(seed, { customers: 400, weeks: P });
    open += c.invoices.length;
    closed += c.history.length;
    const started = performance.now();
    const model = fitPaymentBehaviour(c.history, c.invoices, c.grid.asOf, kappa);
    const probabilities = c.invoices.map((inv) => receiptPeriods(model, inv, c.grid));
    ms += performance.now() - started;
    kappas.push(model.kappa);
    probabilities.forEach((pr, i) => {
      let cumulative = 0;
      for (let p = 1; p <= P; p++) {
        cumulative += pr[p];
        const paid = c.paidOn[i];
        const hit = paid !== null && paid <= c.grid.ends[p - 1] ? 1 : 0;
        const b = bins[Math.min(9, Math.floor(cumulative * 10))];
        for (const t of [periods[p - 1], b]) {
          t.predicted += cumulative;
          t.realised += hit;
          t.n++;
        }
        brier += (cumulative - hit) ** 2;
        pairs++;
      }
    });
  }
  return { periods, bins, brier: brier / pairs, kappas, open, closed, ms };
}

const pct = (x: number): string => (100 * x).toFixed(1);
const gap = (t: Tally): number => (t.predicted - t.realised) / t.n;

const pooled = evaluate(undefined);
const none = evaluate(1e-6);
const full = evaluate(Infinity);
const lines: string[] = [];
lines.push(
  `Receivables calibration: ${SEEDS.length} seeds × 400 customers, ${pooled.closed} closed and ${pooled.open} open invoices, ${P} weekly periods; κ by empirical Bayes ${Math.min(...pooled.kappas).toFixed(2)}–${Math.max(...pooled.kappas).toFixed(2)}; fit and probabilities ${(pooled.ms / SEEDS.length).toFixed(0)} ms per ledger.`,
  '',
  '| period | predicted P(received by end) % | realised % | gap (points) |',
  '|---:|---:|---:|---:|',
);
pooled.periods.forEach((t, p) =>
  lines.push(`| ${p + 1} | ${pct(t.predicted / t.n)} | ${pct(t.realised / t.n)} | ${pct(gap(t))} |`),
);
lines.push('', '| predicted bin | pairs | predicted % | realised % | gap (points) |', '|---|---:|---:|---:|---:|');
pooled.bins.forEach((t, b) =>
  lines.push(
    `| ${b * 10}–${b * 10 + 10}% | ${t.n} | ${pct(t.predicted / t.n)} | ${pct(t.realised / t.n)} | ${pct(gap(t))} |`,
  ),
);
const worst = (r: { periods: Tally[]; bins: Tally[] }): number =>
  Math.max(...r.periods.map((t) => Math.abs(gap(t))), ...r.bins.filter((t) => t.n >= 500).map((t) => Math.abs(gap(t))));
lines.push(
  '',
  '| model | Brier score | worst gap (points) |',
  '|---|---:|---:|',
  `| pooled (κ by empirical Bayes) | ${pooled.brier.toFixed(5)} | ${pct(worst(pooled))} |`,
  `| no pooling (κ → 0) | ${none.brier.toFixed(5)} | ${pct(worst(none))} |`,
  `| full pooling (κ = ∞) | ${full.brier.toFixed(5)} | ${pct(worst(full))} |`,
  '',
  worst(pooled) <= 0.03 ? 'Every gap is within 3 points.' : 'Some gap exceeds 3 points.',
);
process.stdout.write(lines.join('\n') + '\n');
