/**
 * Saves a finished run as a SIPmath library: 3.0 JSON (each input and output a metalog SIP on its
 * own HDR generator, the rank correlation in a Gaussian copula) or the 2.0 table as CSV (the trials
 * themselves, by index). The inputs' trials come from the run's pass-through outputs
 * (src/scenario/sipmath/run-library.ts), so the library holds the very samples the model saw.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { sipmath2Table, sipmath3Library } from '../../../src/scenario/sipmath/library';
import { runVariables } from '../../../src/scenario/sipmath/run-library';
import type { PassThroughSpec } from '../../../src/scenario/sipmath/run-library';
import { csvText } from '../../../src/sheets/csv';
import { useNumbers } from '../../state/numbers';
import { downloadText, type SaveText } from '../../files/text-file';

export interface SipmathExportProps {
  scenarioName: string;
  seed: number;
  iterations: number;
  /** The run's inputs and the outputs carrying them. */
  inputs: PassThroughSpec['inputs'];
  /** The outputs to export (the ones chosen), in order. */
  outputs: string[];
  /** Every output's trials, pass-throughs included. */
  trials: Record<string, Float64Array>;
  /** The date the library is stamped with (ISO, yyyy-mm-dd). */
  today: string;
  /** @default downloadText */
  save?: SaveText;
  /** Told what was saved, or why not. */
  onDone: (message: string) => void;
}

const useStyles = makeStyles({ row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' } });

/** A file name from the scenario's name: letters, digits, - and _ only. */
const fileBase = (name: string): string => name.trim().replace(/[^A-Za-z0-9_-]+/g, '-') || 'scenario';

export function SipmathExport(props: SipmathExportProps) {
  const styles = useStyles();
  const { save = downloadText, onDone } = props;
  const { format } = useNumbers();
  const provenance = `OpenFPA scenario "${props.scenarioName}" (seed ${props.seed}, ${props.iterations} trials)`;
  const attempt = (write: () => string) => {
    try {
      onDone(`Saved ${write()}.`);
    } catch (error) {
      onDone(`Could not export: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const vars = () => runVariables(props.inputs, props.outputs, props.trials);
  const save3 = () =>
    attempt(() => {
      const name = `${fileBase(props.scenarioName)}.sipmath3.json`;
      const library = sipmath3Library(vars(), { name: props.scenarioName, provenance, dateCreated: props.today });
      save(name, JSON.stringify(library, null, 2) + '\n', 'application/json');
      return `${name} (SIPmath 3.0, ${library.sips.length} SIPs)`;
    });
  const save2 = () =>
    attempt(() => {
      const name = `${fileBase(props.scenarioName)}.sipmath2.csv`;
      const v = vars();
      save(name, csvText(sipmath2Table(v, provenance)), 'text/csv');
      return `${name} (SIPmath 2.0, ${v.length} columns of ${format(props.iterations, 'count')} trials)`;
    });
  return (
    <div className={styles.row}>
      <Button onClick={save3}>Export SIPmath 3.0</Button>
      <Button onClick={save2}>Export SIPmath 2.0 (CSV)</Button>
    </div>
  );
}
