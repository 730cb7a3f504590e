/**
 * The table readers' value messages in the pane's number style (issue #20: every number shown uses
 * one formatter): the cash, payables, shock, instrument, credit-line and lever readers take
 * `{ numbers }` and write their figures with the style's decimal mark and minus; without it they
 * print en-US, as the cell functions and the CLI do (their own tests are unchanged).
 */
import type { NumberStyle } from '../../src/format';
import { readCreditLine } from '../../src/sheets/credit-line';
import { readInstruments } from '../../src/sheets/instrument-table';
import { readLevers } from '../../src/sheets/lever-table';
import { readPayables } from '../../src/sheets/payables-table';
import { readShocks } from '../../src/sheets/shock-table';
import { readNumber } from '../../src/sheets/cells';

const STYLES: [string, NumberStyle | undefined][] = [
  ['en-US (the default)', undefined],
  ['de-DE', { locale: 'de-DE', minus: 'true' }],
  ['fr-FR', { locale: 'fr-FR', minus: 'true' }],
];

/** A message's figures by style: en-US, de-DE, fr-FR (spaces made plain). */
type ByStyle = [string, string, string];

const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

const CASES: [string, (numbers: NumberStyle | undefined) => unknown, ByStyle][] = [
  [
    'a cell under a minimum (cells.ts)',
    (numbers) => {
      const read = readNumber(-2.5, { min: 0.5, numbers });
      if (!read.ok) throw new Error(read.problem);
    },
    ['must be at least 0.5; got -2.5', 'must be at least 0,5; got −2,5', 'must be at least 0,5; got −2,5'],
  ],
  [
    'a bill’s discount of 1 or more',
    (numbers) => readPayables([['B1', 100, 2, 1.5, 1]], Infinity, { numbers }),
    [
      'bills row 1, column 4 (discount): must be below 1 (0.02 for 2%); got 1.5.',
      'bills row 1, column 4 (discount): must be below 1 (0,02 for 2 %); got 1,5.',
      'bills row 1, column 4 (discount): must be below 1 (0,02 for 2 %); got 1,5.',
    ],
  ],
  [
    'a bill’s negative amount',
    (numbers) => readPayables([['B1', -0.5, 2, 0.02, 1]], Infinity, { numbers }),
    [
      'bills row 1, column 2 (amount): must be at least 0; got -0.5.',
      'bills row 1, column 2 (amount): must be at least 0; got −0,5.',
      'bills row 1, column 2 (amount): must be at least 0; got −0,5.',
    ],
  ],
  [
    'an instrument’s rate at or below -1',
    (numbers) => readInstruments([['ON', 1, -1.5]], { numbers }),
    [
      'instruments row 1, column 3 (rate): must be above -1; got -1.5.',
      'instruments row 1, column 3 (rate): must be above −1; got −1,5.',
      'instruments row 1, column 3 (rate): must be above −1; got −1,5.',
    ],
  ],
  [
    'an outflow shock’s period that is not whole',
    (numbers) => readShocks([['rent', 'outflow', 100, 2.5]], { numbers }),
    [
      'shocks row 1, column 4 (period): must be a whole number; got 2.5.',
      'shocks row 1, column 4 (period): must be a whole number; got 2,5.',
      'shocks row 1, column 4 (period): must be a whole number; got 2,5.',
    ],
  ],
  [
    'a credit line’s negative limit',
    (numbers) => readCreditLine([[-0.5, 0.01]], { numbers }),
    [
      'credit_line limit must be at least 0; got -0.5.',
      'credit_line limit must be at least 0; got −0,5.',
      'credit_line limit must be at least 0; got −0,5.',
    ],
  ],
  [
    'a lever’s negative current value',
    (numbers) => readLevers([['DSO', -0.5, 30, 1000, 10]], { numbers }),
    [
      'levers row 1, column 2 (current): must be at least 0; got -0.5.',
      'levers row 1, column 2 (current): must be at least 0; got −0,5.',
      'levers row 1, column 2 (current): must be at least 0; got −0,5.',
    ],
  ],
];

describe.each(STYLES.map(([name, style], i) => [name, style, i] as const))(
  'the readers’ value messages in %s',
  (_name, numbers, i) => {
    it.each(CASES)('%s', (_case, read, expected) => {
      let message: string;
      try {
        read(numbers);
        message = 'no error';
      } catch (e) {
        message = (e as Error).message;
      }
      expect(plain(message)).toBe(expected[i]);
    });
  },
);
