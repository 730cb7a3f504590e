/**
 * A run's trials as SIPmath variables: the drivers (sampled and SIP) and the model outputs, each in
 * trial order, so a library written from them keeps the run's joint distribution. The engine hands
 * back output columns only, so the run is given one pass-through output per input (`x = driver`),
 * whose trials are the very samples the model saw; they are dropped from what the user is shown.
 * Used by `openfpa scenario --sipmath` and the pane's SIPmath export.
 */
import type { ScenarioSpec } from '../spec';
import { prepareScenario } from '../spec';
import type { SipVariable } from './library';

/** Prefix of the pass-through outputs (never a name a user writes: the model's names are theirs). */
export const PASS_THROUGH_PREFIX = 'openfpa_sip_input_';

export interface PassThroughSpec {
  /** The spec with one pass-through output per input appended to the model. */
  spec: ScenarioSpec;
  /** The inputs (drivers, then SIPs) in order, and the output carrying each. */
  inputs: { name: string; output: string }[];
}

/**
 * Appends `openfpa_sip_input_i = input` for every driver and SIP of the spec.
 * @throws what prepareScenario throws for a bad spec
 * @example withPassThrough(spec).inputs // [{ name: 'price', output: 'openfpa_sip_input_0' }, …]
 */
export function withPassThrough(spec: ScenarioSpec): PassThroughSpec {
  const plan = prepareScenario(spec);
  const names = [...plan.drivers.map((d) => d.name), ...plan.sips.map((s) => s.name)];
  const inputs = names.map((name, i) => ({ name, output: `${PASS_THROUGH_PREFIX}${i}` }));
  const lines = inputs.map((x) => `${x.output} = ${x.name}`).join('\n');
  return { spec: { ...spec, model: `${spec.model}\n${lines}` }, inputs };
}

/** Whether an output name is a pass-through of withPassThrough. */
export const isPassThrough = (output: string): boolean => output.startsWith(PASS_THROUGH_PREFIX);

/**
 * The library's variables: the inputs under their own names, then the outputs asked for.
 * @param trials every output's trial column, pass-throughs included
 * @throws Error when a column is missing (the run did not keep the trials)
 */
export function runVariables(
  inputs: PassThroughSpec['inputs'],
  outputs: readonly string[],
  trials: Readonly<Record<string, Float64Array>>,
): SipVariable[] {
  const column = (output: string): Float64Array => {
    const c = trials[output];
    if (!c) throw new Error(`the run kept no trials of "${output}"`);
    return c;
  };
  return [
    ...inputs.map((x) => ({ name: x.name, trials: column(x.output) })),
    ...outputs.filter((o) => !isPassThrough(o)).map((name) => ({ name, trials: column(name) })),
  ];
}
