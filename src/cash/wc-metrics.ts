/**
 * Working-capital days per period and the cash conversion cycle:
 *   DSO = receivables / revenue × days,  DIO = inventory / COGS × days,  DPO = payables / COGS × days,
 *   CCC = DSO + DIO − DPO,
 * where `days` is the length of the period (365 for a year, 91.25 for a quarter, 365/12 for a month),
 * so a month's revenue is not compared with a year's balance. Balances are period-end by default;
 * `average` uses (previous end + this end) / 2, the textbook convention (Ross, Westerfield & Jordan,
 * Fundamentals of Corporate Finance, "The operating cycle and the cash cycle"), from period 2 on.
 * A period with zero revenue (or COGS) has no DSO (or DIO/DPO): null, never Infinity.
 */
import { CashErrors } from './errors';

export interface WcInput {
  revenue: number[];
  cogs: number[];
  receivables: number[];
  payables: number[];
  inventory: number[];
  /** Days per period: one number or one per period. Default 365/12 (months). */
  daysInPeriod?: number | number[];
  balances?: 'end' | 'average';
}

export interface WcMetrics {
  dso: (number | null)[];
  dio: (number | null)[];
  dpo: (number | null)[];
  ccc: (number | null)[];
}

const ratio = (balance: number, flow: number, days: number): number | null =>
  flow > 0 ? (balance / flow) * days : null;

/**
 * @throws FpaError CASH_INVALID_PLAN when the series differ in length or hold non-finite values.
 * @example
 *   wcMetrics({ revenue: [1000], cogs: [600], receivables: [100], payables: [60], inventory: [90], daysInPeriod: 365 });
 *   // → { dso: [36.5], dio: [54.75], dpo: [36.5], ccc: [54.75] }
 */
export function wcMetrics(input: WcInput): WcMetrics {
  const T = input.revenue.length;
  const series = {
    revenue: input.revenue,
    cogs: input.cogs,
    receivables: input.receivables,
    payables: input.payables,
    inventory: input.inventory,
  };
  for (const [name, values] of Object.entries(series)) {
    if (values.length !== T)
      throw CashErrors.invalid(name, `must have one value per period (${T}); got ${values.length}`);
    values.forEach((v, t) => {
      if (!Number.isFinite(v)) throw CashErrors.invalid(`${name} period ${t + 1}`, 'must be a number');
    });
  }
  if (T === 0) throw CashErrors.invalid('revenue', 'must not be empty');
  const days = Array.isArray(input.daysInPeriod)
    ? input.daysInPeriod
    : new Array<number>(T).fill(input.daysInPeriod ?? 365 / 12);
  if (days.length !== T) throw CashErrors.invalid('days_in_period', `must have one value per period (${T})`);
  days.forEach((d, t) => {
    if (!(d > 0)) throw CashErrors.invalid(`days_in_period period ${t + 1}`, 'must be positive');
  });
  const level = (values: number[], t: number): number =>
    input.balances === 'average' && t > 0 ? (values[t - 1] + values[t]) / 2 : values[t];
  const out: WcMetrics = { dso: [], dio: [], dpo: [], ccc: [] };
  for (let t = 0; t < T; t++) {
    const dso = ratio(level(input.receivables, t), input.revenue[t], days[t]);
    const dio = ratio(level(input.inventory, t), input.cogs[t], days[t]);
    const dpo = ratio(level(input.payables, t), input.cogs[t], days[t]);
    out.dso.push(dso);
    out.dio.push(dio);
    out.dpo.push(dpo);
    out.ccc.push(dso === null || dio === null || dpo === null ? null : dso + dio - dpo);
  }
  return out;
}
