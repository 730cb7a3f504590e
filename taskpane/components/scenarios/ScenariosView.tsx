/**
 * The scenario wizard: model and outputs → iterations, seed, sampling and convergence → run (progress,
 * time left, Cancel) → results, "Write to workbook", save and compare.
 */
import { useMemo, useRef, useState } from 'react';
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { SelectField } from '../shared/SelectField';
import { isFpaError } from '../../../src/errors';
import type { ScenarioSpec } from '../../../src/scenario/spec';
import { writeResults } from '../../results/write-results';
import type { RunOutcome } from '../../results/types';
import type { RunHandle, RunProgress, ScenarioRunner } from '../../run/scenario-runner';
import { newId, PaneActions, PaneData } from '../../state/use-pane-data';
import type { Workbook } from '../../workbook/types';
import { readTrials } from '../../settings/validate-settings';
import { checkModel } from '../drivers/ModelEditor';
import { useNumbers } from '../../state/numbers';
import { TRIALS_PER_RUN } from '../../../src/model/limits';
import type { NumberFormatter } from '../../../src/format';
import { withPassThrough } from '../../../src/scenario/sipmath/run-library';
import type { PassThroughSpec } from '../../../src/scenario/sipmath/run-library';
import { ResultsPanel } from './ResultsPanel';
import { RunComparison } from './RunComparison';
import { runSips, SipLibraryImport, type ImportedSips } from './SipLibraryImport';
import { SipmathExport } from './SipmathExport';
import { ViewSection } from '../shared/TitledSection';
import { FieldGroup } from '../shared/FieldGroup';
import { useLayoutStyles } from '../shared/layout-styles';

export interface ScenariosViewProps {
  data: PaneData;
  actions: PaneActions;
  workbook: Workbook;
  runner: ScenarioRunner;
}

const STEPS = ['Model and outputs', 'Trials and sampling', 'Run', 'Results'] as const;

const useStyles = makeStyles({
  steps: {
    display: 'flex',
    gap: tokens.spacingHorizontalXS,
    flexWrap: 'wrap',
    listStyleType: 'none',
    padding: 0,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    // At 320 px the steps wrap: a separator keeps "1. Model and outputs 2. Trials and sampling" from
    // reading as one sentence (inline-block: the current step's underline stays off it).
    '& li + li::before': {
      // Read by screen readers as nothing where the alternative-text syntax is known (older WebKit: "›").
      content: ['"›"', '"›" / ""'],
      display: 'inline-block',
      marginRight: tokens.spacingHorizontalXS,
      color: tokens.colorNeutralForeground3,
    },
  },
  current: { fontWeight: tokens.fontWeightSemibold, textDecorationLine: 'underline' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  // Fluent animates the bar's width over 0.3 s: with a progress report every 50–200 ms the bar never
  // stops moving, and a width transition is a layout and a paint on the pane's thread in every frame
  // (about a second of the two cores' time in a 1,000,000-trial run). The bar jumps instead.
  bar: { transitionProperty: 'none' },
});

/** Time left as the measured throughput gives it: a range while the rate varies, "about" when it is steady. */
function timeLeftText(p: RunProgress, format: NumberFormatter['format']): string {
  if (p.total > 0 && p.done >= p.total) return 'computing the statistics…';
  if (p.remainingMs === null) return 'time left: measuring…';
  if (p.remainingMs < 1000) return 'time left: under a second';
  const { lowMs = p.remainingMs, highMs = p.remainingMs } = p;
  const duration = (ms: number) => format(Math.max(1000, ms), 'duration');
  return highMs - lowMs > 0.3 * p.remainingMs && duration(lowMs) !== duration(highMs)
    ? `time left: ${duration(lowMs)} to ${duration(highMs)}`
    : `time left: about ${duration(p.remainingMs)}`;
}

/** Why a run stopped; a cancelled run (by the engine or before its job started) is no failure. */
interface RunProblem {
  text: string;
  cancelled: boolean;
}

/** The convergence target the hint and the message give as an example: ±0.5% of the mean. */
const TARGET_EXAMPLE = 0.005;

const CANCELLED_CODES = new Set(['SCENARIO_CANCELLED', 'JOB_CANCELLED']);

const runProblem = (error: unknown): RunProblem =>
  isFpaError(error)
    ? { text: error.fullMessage, cancelled: CANCELLED_CODES.has(error.code) }
    : { text: String(error), cancelled: false };

export function ScenariosView({ data, actions, workbook, runner }: ScenariosViewProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const numbers = useNumbers();
  const { format, parse, toInput } = numbers;
  const [step, setStep] = useState(0);
  const [name, setName] = useState('Base case');
  const [sips, setSips] = useState<ImportedSips | null>(null);
  const model = useMemo(
    () => checkModel(data.model.expressions, [...data.drivers.map((d) => d.name), ...(sips?.names ?? [])]),
    [data.model.expressions, data.drivers, sips],
  );
  const [outputs, setOutputs] = useState<string[] | null>(null);
  const chosen = outputs ?? model.outputs;
  const [iterations, setIterations] = useState(toInput(data.settings.defaultIterations, 0));
  const [seed, setSeed] = useState(String(data.settings.defaultSeed));
  const [sampling, setSampling] = useState<'lhs' | 'mc'>('lhs');
  const [target, setTarget] = useState('');
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const [problem, setProblem] = useState<RunProblem | null>(null);
  const [outcome, setOutcome] = useState<RunOutcome | null>(null);
  const [includeTrials, setIncludeTrials] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // With kept trials, the run passes its inputs through as outputs, for the SIPmath export.
  const [exported, setExported] = useState<{
    inputs: PassThroughSpec['inputs'];
    trials: Record<string, Float64Array>;
  } | null>(null);
  const handle = useRef<RunHandle | null>(null);

  // Read in the locale: "1,000,000", "1.000.000" (German) and "1m" are a million trials.
  const { trials, problem: trialsProblem } = readTrials(iterations, parse, 'iterations', numbers.style);
  const iterationsError = trialsProblem ? `iterations: must be ${trialsProblem}.` : undefined;
  const seedError = /^-?\d+$/.test(seed.trim()) ? undefined : 'seed: must be a whole number.';
  // A share: "0.5%" and "0.005" are the same target. Examples in the locale (a German pane reads "0.005" as 5).
  const halfPercent = format(TARGET_EXAMPLE, 'percent');
  const typedTarget = parse(target, { field: 'convergence target', percent: 'share' });
  const targetShare = typedTarget.ok ? typedTarget.value : NaN;
  const targetError =
    target.trim() === '' || (targetShare > 0 && targetShare < 1)
      ? undefined
      : `convergence.target: must be a number between 0 and 1 (e.g. ${toInput(TARGET_EXAMPLE)} or ${halfPercent} for ±${halfPercent}).`;

  const spec = (): ScenarioSpec => ({
    drivers: data.drivers.map((d) => ({ name: d.name, distribution: d.distribution, params: d.params })),
    sips: sips ? runSips(sips, trials) : undefined,
    correlation: data.model.correlation,
    model: data.model.expressions,
    iterations: trials,
    seed: Number(seed),
    sampling,
    percentiles: [5, 10, 25, 50, 75, 90, 95],
    convergence: target.trim() ? { target: targetShare, output: chosen[chosen.length - 1] } : undefined,
    // Blocks of 2k–20k trials (about 20 per run, ≤ 0.25 s each at the measured browser rate): the run
    // gives the pane a turn after each, so the pane stays responsive and Cancel acts within a block.
    blockSize: target.trim() ? undefined : Math.min(20_000, Math.max(2_000, Math.ceil(trials / 20))),
    // The run's warnings (a repaired correlation matrix) in the pane's numbers.
    numbers: numbers.style,
  });

  const run = () => {
    setStep(2);
    setProblem(null);
    setOutcome(null);
    setExported(null);
    setProgress({ done: 0, total: trials, elapsedMs: 0, remainingMs: null });
    let extended: PassThroughSpec;
    try {
      extended = includeTrials ? withPassThrough(spec()) : { spec: spec(), inputs: [] };
    } catch (error) {
      setProblem(runProblem(error));
      return;
    }
    const h = runner.start(name, extended.spec, setProgress, includeTrials);
    handle.current = h;
    h.done
      .then(
        (o) => {
          const only = <T,>(record: Record<string, T>) =>
            Object.fromEntries(Object.entries(record).filter(([k]) => chosen.includes(k)));
          const result = { ...o.result, outputs: only(o.result.outputs) };
          if (o.result.sensitivity) result.sensitivity = only(o.result.sensitivity);
          setOutcome({ ...o, result, histograms: only(o.histograms), trials: o.trials && only(o.trials) });
          if (o.trials) setExported({ inputs: extended.inputs, trials: o.trials });
          setStep(3);
        },
        (error: unknown) => setProblem(runProblem(error)),
      )
      .finally(() => (handle.current = null));
  };

  const write = async () => {
    if (!outcome) return;
    try {
      const w = await writeResults(workbook, outcome, { includeTrials, numberFormat: data.settings.numberFormat });
      setNotice(
        `Wrote the summary to ${w.summary}, the histogram data to ${w.histogram}${w.tornado ? `, the tornado data to ${w.tornado}` : ''}${w.trials ? `, the trials to ${w.trials}` : ''}, with two charts.`,
      );
    } catch (error) {
      setNotice(`Could not write to the workbook: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const saveRun = () => {
    if (!outcome) return;
    void actions.saveRun({
      id: newId('run'),
      scenarioId: name,
      scenarioName: name,
      finishedAt: new Date().toISOString(),
      iterations: outcome.iterations,
      seed: outcome.seed,
      outputs: Object.fromEntries(
        Object.entries(outcome.result.outputs).map(([k, s]) => [
          k,
          { mean: s.mean, sd: s.sd, min: s.min, max: s.max, percentiles: s.percentiles },
        ]),
      ),
    });
    setNotice(`Saved "${name}" for comparison.`);
  };

  return (
    <ViewSection view="scenarios" className={layout.spacedColumn}>
      <ol className={styles.steps} aria-label="Wizard steps">
        {STEPS.map((s, i) => (
          <li
            key={s}
            className={i === step ? styles.current : undefined}
            aria-current={i === step ? 'step' : undefined}
          >
            {i + 1}. {s}
          </li>
        ))}
      </ol>
      {step === 0 && (
        <>
          <Field
            label="Scenario name"
            required
            validationMessage={name.trim() ? undefined : 'Give the scenario a name.'}
          >
            <Input value={name} onChange={(_, d) => setName(d.value)} />
          </Field>
          <SipLibraryImport value={sips} onChange={setSips} />
          {model.error ? (
            <MessageBar intent="warning">
              <MessageBarBody>
                {data.drivers.length === 0 ? 'Add drivers and a model on the Drivers tab first.' : model.error}
              </MessageBarBody>
            </MessageBar>
          ) : (
            <FieldGroup legend="Outputs">
              {model.outputs.map((o) => (
                <Checkbox
                  key={o}
                  label={o}
                  checked={chosen.includes(o)}
                  onChange={(_, d) => setOutputs(d.checked ? [...chosen, o] : chosen.filter((x) => x !== o))}
                />
              ))}
            </FieldGroup>
          )}
          <div className={styles.row}>
            <Button
              appearance="primary"
              disabled={!!model.error || chosen.length === 0 || !name.trim()}
              onClick={() => setStep(1)}
            >
              Next
            </Button>
          </div>
        </>
      )}
      {step === 1 && (
        <>
          <Field
            label="Iterations"
            hint={`Trials to run (up to ${format(TRIALS_PER_RUN.max, 'count')})`}
            validationMessage={iterationsError}
          >
            <Input value={iterations} inputMode="numeric" onChange={(_, d) => setIterations(d.value)} />
          </Field>
          <Field label="Seed" hint="Same seed, same results" validationMessage={seedError}>
            <Input value={seed} inputMode="numeric" onChange={(_, d) => setSeed(d.value)} />
          </Field>
          <SelectField
            label="Sampling"
            value={sampling}
            onChange={setSampling}
            options={[
              { value: 'lhs', label: 'Latin hypercube (fewer trials for the same precision)' },
              { value: 'mc', label: 'Plain Monte Carlo' },
            ]}
          />
          <Field
            label="Convergence target (optional)"
            hint={`Stop early when the mean is known to ± this fraction, e.g. ${halfPercent} (or ${toInput(TARGET_EXAMPLE)})`}
            validationMessage={targetError}
          >
            <Input value={target} inputMode="decimal" onChange={(_, d) => setTarget(d.value)} />
          </Field>
          <Checkbox
            label="Keep the trials to write them to the workbook or export them as SIPmath"
            checked={includeTrials}
            onChange={(_, d) => setIncludeTrials(!!d.checked)}
          />
          <div className={styles.row}>
            <Button onClick={() => setStep(0)}>Back</Button>
            <Button appearance="primary" disabled={!!(iterationsError || seedError || targetError)} onClick={run}>
              Run
            </Button>
          </div>
        </>
      )}
      {step === 2 && (
        <>
          {progress && !problem && (
            <Field
              label={`Running on the ${runner.where}`}
              validationState="none"
              hint={`${format(progress.done, 'count')} of ${format(progress.total, 'count')} trials · ${timeLeftText(progress, format)}`}
            >
              <ProgressBar
                bar={{ className: styles.bar }}
                value={progress.total ? progress.done / progress.total : 0}
                aria-label="Run progress"
                data-testid="run-progress"
                data-done={progress.done}
              />
            </Field>
          )}
          {problem && (
            <MessageBar intent={problem.cancelled ? 'info' : 'error'} role="alert">
              <MessageBarBody>{problem.text}</MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.row}>
            {!problem && <Button onClick={() => handle.current?.cancel()}>Cancel</Button>}
            {problem && <Button onClick={() => setStep(1)}>Back</Button>}
            {/* A cancelled run says "start it again": the button to do so is here, settings unchanged. */}
            {problem?.cancelled && (
              <Button appearance="primary" onClick={run}>
                Run again
              </Button>
            )}
          </div>
        </>
      )}
      {step === 3 && outcome && (
        <>
          <ResultsPanel outcome={outcome} />
          {notice && (
            <MessageBar intent="success" role="status">
              <MessageBarBody>{notice}</MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.row}>
            <Button appearance="primary" onClick={() => void write()}>
              Write to workbook
            </Button>
            <Button onClick={saveRun}>Save run</Button>
            <Button onClick={() => setStep(1)}>Change settings</Button>
          </div>
          {exported ? (
            <SipmathExport
              scenarioName={name}
              seed={outcome.seed}
              iterations={outcome.result.trials ?? outcome.iterations}
              inputs={exported.inputs}
              outputs={Object.keys(outcome.result.outputs)}
              trials={exported.trials}
              today={new Date().toISOString().slice(0, 10)}
              onDone={setNotice}
            />
          ) : (
            <Caption1>To export the run as SIPmath, tick “Keep the trials” and run again.</Caption1>
          )}
          {includeTrials && <Caption1>The trials are included when writing.</Caption1>}
        </>
      )}
      <Subtitle2 as="h3">Compare saved runs</Subtitle2>
      <RunComparison runs={data.runs} />
    </ViewSection>
  );
}
