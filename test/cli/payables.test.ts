import { run } from '../../cli/commands/payables';
import { captureOutput, inputFolder } from './command-io';

const { write } = inputFolder('openfpa-payables-');
const io = captureOutput();

/** One bill of 100 due in period 2, 2% off if paid in period 1, over two periods with no other flows. */
const oneBill = (openingCash: number) => ({
  openingCash,
  flows: [0, 0],
  floor: 0,
  invoices: [{ id: 'A', amount: 100, due: 2, discount: 0.02, discountBy: 1 }],
});

test('pays early when cash allows and writes the plan on stdout', async () => {
  expect(await run([write('p.json', oneBill(200))])).toBe(0);
  const plan = JSON.parse(io.stdout);
  expect(plan.payEarly).toEqual(['A']);
  expect(plan.saved).toBeCloseTo(2, 12);
  expect(plan.closingCash).toEqual([102, 102]);
  expect(io.stderr).toMatch(/1 bills over 2 periods: 1 paid early, saving 2.00/);
});

test('a floor no schedule keeps, or a bad bill, exits 1 with the reason', async () => {
  const input = oneBill(50);
  expect(await run([write('short.json', input), '--quiet'])).toBe(1);
  expect(io.stderr).toMatch(/cash falls short by 50\.00 in period 2/);
  const bad = { ...input, invoices: [{ id: 'A', amount: -1, due: 2, discount: 0.02, discountBy: 1 }] };
  expect(await run([write('bad.json', bad)])).toBe(1);
  expect(io.stderr).toMatch(/invoices row 1 amount must be zero or more/);
  expect(await run(['x.json', '--out'])).toBe(2);
});
