import { validatePlan } from '../../src/cash/validate-plan';
import type { CashPlan } from '../../src/cash/types';
import { handPlan } from './plans';

const good = handPlan({
  openingCash: 100,
  flows: [1, 2, 3],
  instruments: [{ name: 'A', term: 1, rate: 0.01 }],
  creditLine: { limit: 10, rate: 0.01 },
});
const bad =
  (change: (p: CashPlan) => void): (() => void) =>
  () => {
    const plan = structuredClone(good);
    change(plan);
    validatePlan(plan);
  };

describe('validatePlan', () => {
  it('accepts a good plan', () => expect(() => validatePlan(good)).not.toThrow());

  it.each<[string, (p: CashPlan) => void, RegExp]>([
    [
      'empty flows',
      (p) => {
        p.flows = [];
      },
      /flows must be a non-empty list/,
    ],
    [
      'a NaN flow',
      (p) => {
        p.flows[1] = NaN;
      },
      /flows\[2\] must be a finite number/,
    ],
    [
      'minCash of the wrong length',
      (p) => {
        p.minCash = [1, 2];
      },
      /minCash must have one value per period \(3\)/,
    ],
    [
      'a term of 0',
      (p) => {
        p.instruments[0].term = 0;
      },
      /instruments\[1\]\.term must be a whole number from 1/,
    ],
    [
      'a rate of -1',
      (p) => {
        p.instruments[0].rate = -1;
      },
      /instruments\[1\]\.rate must be above -1/,
    ],
    [
      'max below min',
      (p) => {
        p.instruments[0].min = 5;
        p.instruments[0].max = 1;
      },
      /instruments\[1\]\.max must be at least min/,
    ],
    [
      'a zero lot',
      (p) => {
        p.instruments[0].lot = 0;
      },
      /lot must be positive/,
    ],
    [
      'to before from',
      (p) => {
        p.instruments[0].from = 3;
        p.instruments[0].to = 2;
      },
      /to must not be before from/,
    ],
    [
      'a duplicate name',
      (p) => {
        p.instruments.push({ name: 'A', term: 2, rate: 0 });
      },
      /"A" is used twice/,
    ],
    [
      'a negative limit',
      (p) => {
        p.creditLine!.limit = -1;
      },
      /creditLine\.limit must not be negative/,
    ],
    [
      'repayBy past the end',
      (p) => {
        p.creditLine!.repayBy = 9;
      },
      /repayBy must be a whole number from 1 to 3/,
    ],
    [
      'a rate that compounds past the largest number over the plan',
      (p) => {
        p.flows = new Array<number>(1200).fill(1);
        p.instruments[0] = { name: 'A', term: 1100, rate: 1 };
      },
      /instruments\[1\]\.rate compounds past the largest number over the plan's 1200 periods/,
    ],
  ])('rejects %s', (_name, change, message) => {
    expect(bad(change)).toThrow(message);
  });

  it('accepts a high rate whose compounding stays finite (1.5^400 ≈ 1e70)', () => {
    const plan = { ...structuredClone(good), flows: new Array<number>(400).fill(1) };
    plan.instruments[0] = { name: 'A', term: 399, rate: 0.5 };
    expect(() => validatePlan(plan)).not.toThrow();
  });
});
