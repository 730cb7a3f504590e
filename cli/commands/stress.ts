/**
 * `openfpa stress <stress.json> [--out result.json] [--quiet]`
 *
 * Stress tests a cash plan {"openingCash","minCash","flows","inflows"?,"daysInPeriod"?,"creditLine"?:
 * {"limit","rate","fee"?},"shocks":[{"name","kind":"revenue"|"delay"|"outflow"|"credit","pct"?,"days"?,
 * "amount"?,"period"?,"from"?}]} and writes {"scenarios":[{"name","minCash","minPeriod","breaches",
 * "closingCash","debt"?,"lowestHeadroom"?,"headroomPeriod"?}]}, the base case first.
 * Exit codes: 0 done, 1 malformed or unreadable input, 2 bad command line.
 */
import { readJsonObject } from '../read-json-file';
import { onInputFile, outAndQuietCommand, runCommand, startWork, warnUnknownFields, writeResult } from '../command';
import { CashErrors } from '../../src/cash/errors';
import type { Shock, StressBase } from '../../src/cash/stress-test';
import { stressTest } from '../../src/cash/stress-test';

const { line: STRESS_LINE, usage: USAGE } = outAndQuietCommand('stress', 'stress.json', 'result.json', 'result');

const KINDS = ['revenue', 'delay', 'outflow', 'credit'];

/** @throws FpaError naming the field at fault. */
function readStress(file: string): { base: StressBase; shocks: Shock[] } {
  const input = readJsonObject(file) as Record<string, unknown>;
  warnUnknownFields('stress', file, input, [
    'openingCash',
    'minCash',
    'flows',
    'inflows',
    'daysInPeriod',
    'creditLine',
    'shocks',
  ]);
  const numbers = (value: unknown, field: string): number[] => {
    if (!Array.isArray(value) || value.length === 0)
      throw CashErrors.invalid(field, 'must be a non-empty list of numbers');
    value.forEach((v, i) => {
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw CashErrors.invalid(`${field}[${i + 1}]`, 'must be a number');
    });
    return value as number[];
  };
  if (typeof input.openingCash !== 'number' || !Number.isFinite(input.openingCash))
    throw CashErrors.invalid('openingCash', 'must be a number');
  const shocks = input.shocks ?? [];
  if (!Array.isArray(shocks)) throw CashErrors.invalid('shocks', 'must be a list');
  shocks.forEach((s: unknown, i) => {
    const shock = s as { name?: unknown; kind?: unknown };
    if (typeof shock?.name !== 'string' || shock.name.trim() === '')
      throw CashErrors.invalid(`shocks[${i + 1}].name`, 'must be a non-empty text');
    if (!KINDS.includes(shock.kind as string))
      throw CashErrors.invalid(`shocks[${i + 1}].kind`, `must be one of ${KINDS.join(', ')}`);
  });
  return {
    base: {
      openingCash: input.openingCash,
      minCash: Array.isArray(input.minCash) ? numbers(input.minCash, 'minCash') : (input.minCash as number),
      flows: numbers(input.flows, 'flows'),
      inflows: input.inflows === undefined ? undefined : numbers(input.inflows, 'inflows'),
      daysInPeriod: input.daysInPeriod as number | undefined,
      creditLine: input.creditLine as StressBase['creditLine'],
    },
    shocks: shocks as Shock[],
  };
}

export function run(args: string[]): Promise<number> {
  return runCommand('stress', USAGE, STRESS_LINE, args, async (parsed) => {
    const clock = startWork();
    return onInputFile('stress', parsed.file, async () => {
      const { base, shocks } = readStress(parsed.file);
      const scenarios = stressTest(base, shocks);
      writeResult(JSON.stringify({ scenarios }, null, 1) + '\n', parsed.out);
      if (!parsed.quiet) {
        const hit = scenarios.filter((s) => s.breaches.length > 0).map((s) => s.name);
        process.stderr.write(
          `openfpa stress: ${base.flows.length} periods, ${shocks.length} shocks; below the minimum: ${hit.length ? hit.join(', ') : 'none'}\n`,
        );
        process.stderr.write(clock.report('openfpa stress'));
      }
      return 0;
    });
  });
}
