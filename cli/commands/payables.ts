/**
 * `openfpa payables <payables.json> [--out plan.json] [--quiet]`
 *
 * The payables-timing MIP: which bills to pay early for their discount, keeping cash above a floor.
 * Input {"openingCash","flows","floor","invoices":[{"id","amount","due","discount","discountBy"}]}
 * (periods 1-based); output {"payEarly":[ids],"saved","closingCash":[per period]}.
 * Exit codes: 0 done, 1 malformed or unreadable input (or no schedule keeps the floor), 2 bad command line.
 */
import { readJsonObject } from '../read-json-file';
import { onInputFile, outAndQuietCommand, runCommand, startWork, warnUnknownFields, writeResult } from '../command';
import type { PayablesInput } from '../../src/cash/payables-timing';
import { planPayables } from '../../src/cash/payables-timing';
import { CashErrors } from '../../src/cash/errors';
import { glpkNodeSolver } from '../../src/solver/glpk-node';

const { line: PAYABLES_LINE, usage: USAGE } = outAndQuietCommand('payables', 'payables.json', 'plan.json', 'plan');

function readPayablesInput(file: string): PayablesInput {
  const input = readJsonObject(file) as unknown as PayablesInput;
  warnUnknownFields('payables', file, input, ['openingCash', 'flows', 'floor', 'invoices']);
  if (!Array.isArray(input.flows)) throw CashErrors.invalid('flows', 'must be a list of numbers');
  input.flows.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw CashErrors.invalid(`flows[${i + 1}]`, 'must be a number');
  });
  if (typeof input.openingCash !== 'number' || !Number.isFinite(input.openingCash))
    throw CashErrors.invalid('openingCash', 'must be a number');
  if (!Array.isArray(input.invoices)) throw CashErrors.invalid('invoices', 'must be a list');
  return { ...input, floor: input.floor ?? 0 };
}

export function run(args: string[]): Promise<number> {
  return runCommand('payables', USAGE, PAYABLES_LINE, args, async (parsed) => {
    const clock = startWork();
    return onInputFile('payables', parsed.file, async () => {
      const input = readPayablesInput(parsed.file);
      const plan = await planPayables(input, glpkNodeSolver);
      writeResult(JSON.stringify(plan, null, 1) + '\n', parsed.out);
      if (!parsed.quiet) {
        process.stderr.write(
          `openfpa payables: ${input.invoices.length} bills over ${input.flows.length} periods: ${plan.payEarly.length} paid early, saving ${plan.saved.toFixed(2)}\n`,
        );
        process.stderr.write(clock.report('openfpa payables'));
      }
      return 0;
    });
  });
}
