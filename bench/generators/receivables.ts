/**
 * A seeded generator of receivables ledgers with a known truth, for the calibration check of
 * FPA.CASH.FORECAST (bench/cash-forecast.ts and test/cash/cash-forecast.test.ts).
 *
 * Each customer c has its own payment behaviour:
 * - delay past due (days) = round(μ_c + Gamma(shape 1.5, scale θ_c) − 4), μ_c ~ N(3, 8²),
 *   θ_c ~ logNormal(ln 6, 0.6): most pay a little late, some early, a long right tail;
 * - it never pays an invoice with probability p_c ~ Beta(0.6, 25) (mean 2.3%), independently per
 *   invoice; such invoices are written off 120 days after the due date;
 * - it is invoiced at a rate of λ_c ~ logNormal(ln 1.2, 1) invoices per 30 days (many customers have
 *   one or two invoices, a few have dozens), on net-30 terms, amounts logNormal(ln 5,000, 0.8).
 * Invoices are issued over the `historyDays` before the as-of day. As of that day an invoice is
 * closed (history) when it has been paid or written off, and open otherwise; the open ones keep
 * their true outcome, so predicted P(received by period end) can be compared with what happened.
 */
import { SeededGenerator } from '../../src/stats/seeded-generator';
import type { ClosedInvoice, OpenInvoice } from '../../src/cash/ledgers';
import type { PeriodGrid } from '../../src/cash/period-grid';
import { equalPeriods } from '../../src/cash/period-grid';

export interface ReceivablesCase {
  grid: PeriodGrid;
  history: ClosedInvoice[];
  invoices: OpenInvoice[];
  /** Per open invoice, the day it is actually paid, or null if never. */
  paidOn: (number | null)[];
}

export interface GeneratorOptions {
  customers?: number;
  historyDays?: number;
  weeks?: number;
}

function normal(r: SeededGenerator): number {
  return Math.sqrt(-2 * Math.log(r.nextOpen01())) * Math.cos(2 * Math.PI * r.nextOpen01());
}

/** Marsaglia & Tsang (2000) for shape ≥ 1. */
function gamma(r: SeededGenerator, shape: number, scale: number): number {
  const d = shape - 1 / 3,
    c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number, v: number;
    do {
      x = normal(r);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = r.nextOpen01();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v * scale;
  }
}

/** Beta(a, b) for a < 1 via Gamma(a + 1)·U^(1/a). */
function beta(r: SeededGenerator, a: number, b: number): number {
  const x = gamma(r, a + 1, 1) * Math.pow(r.nextOpen01(), 1 / a);
  const y = gamma(r, b, 1);
  return x / (x + y);
}

/** Poisson by inversion (small means). */
function poisson(r: SeededGenerator, mean: number): number {
  let k = 0,
    p = Math.exp(-mean),
    s = p;
  const u = r.nextOpen01();
  while (u > s && k < 10000) {
    k++;
    p *= mean / k;
    s += p;
  }
  return k;
}

export function generateReceivables(seed: number, options: GeneratorOptions = {}): ReceivablesCase {
  const customers = options.customers ?? 400;
  const historyDays = options.historyDays ?? 540;
  const asOf = 45000;
  const grid = equalPeriods(asOf, options.weeks ?? 13, 7);
  const history: ClosedInvoice[] = [];
  const invoices: OpenInvoice[] = [];
  const paidOn: (number | null)[] = [];
  for (let c = 0; c < customers; c++) {
    const r = new SeededGenerator(seed, `customer:${c}`);
    const name = `C${String(c + 1).padStart(4, '0')}`;
    const mu = 3 + 8 * normal(r);
    const theta = Math.exp(Math.log(6) + 0.6 * normal(r));
    const pNever = beta(r, 0.6, 25);
    const rate = Math.exp(Math.log(1.2) + normal(r));
    const count = poisson(r, (rate * historyDays) / 30);
    for (let i = 0; i < count; i++) {
      const issued = asOf - Math.floor(r.nextOpen01() * historyDays);
      const due = issued + 30;
      const amount = Math.round(Math.exp(Math.log(5000) + 0.8 * normal(r)) * 100) / 100;
      const never = r.nextOpen01() < pNever;
      const delay = Math.round(mu + gamma(r, 1.5, theta) - 4);
      const paid = never ? null : Math.max(issued + 1, due + delay);
      if (paid !== null && paid <= asOf) history.push({ customer: name, due, paid });
      else if (paid === null && due + 120 <= asOf) history.push({ customer: name, due, paid: null });
      else {
        invoices.push({ customer: name, amount, due });
        paidOn.push(paid);
      }
    }
  }
  return { grid, history, invoices, paidOn };
}
