/**
 * "Use this workbook's model": the user names the output cells and the cell each driver stands for;
 * the pane reads the workbook's formulas through its workbook interface, translates the chain once
 * (src/scenario/workbook-model), and shows the translation beside the original formulas, where each
 * driver is bound, and the check that the translation at the drivers' point values gives what the
 * workbook shows. "Use this model" saves the translation as the model the scenarios run.
 */
import { useState } from 'react';
import { Body1, Button, Caption1, Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { NoticeBar } from '../shared/Notice';
import { TextField } from '../shared/TextField';
import { isFpaError } from '../../../src/errors';
import { checkAtPoint, type PointCheck } from '../../../src/scenario/workbook-model/point-check';
import { workbookModelSource } from '../../../src/scenario/workbook-model/sheet-source';
import { translateWorkbookModel, type TranslatedModel } from '../../../src/scenario/workbook-model/translate';
import { useNumbers } from '../../state/numbers';
import type { Workbook } from '../../workbook/types';
import { useLayoutStyles } from '../shared/layout-styles';

export interface WorkbookModelProps {
  workbook: Workbook;
  driverNames: string[];
  /** Saves the translated model text as the pane's model. */
  onUse: (model: string) => void;
}

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '6px' },
  line: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: '4px', overflowWrap: 'anywhere' },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

/** "net = Output!B1, Output!B2" → outputs, each optionally named. */
export function parseOutputCells(text: string): { cell: string; name?: string }[] {
  return text
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const named = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.+)$/.exec(part);
      return named ? { name: named[1], cell: named[2].trim() } : { cell: part };
    });
}

interface Translation {
  translated: TranslatedModel;
  check: PointCheck;
}

export function WorkbookModel({ workbook, driverNames, onUse }: WorkbookModelProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const { format } = useNumbers();
  const [outputs, setOutputs] = useState('');
  const [cells, setCells] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<Translation | null>(null);

  const translate = async () => {
    setProblem(null);
    setResult(null);
    try {
      const source = workbookModelSource(await workbook.readWorkbookCells());
      const drivers = driverNames
        .filter((name) => (cells[name] ?? '').trim() !== '')
        .map((name) => ({ name, cell: cells[name].trim() }));
      const translated = translateWorkbookModel(source, { outputs: parseOutputCells(outputs), drivers });
      setResult({ translated, check: checkAtPoint(source, translated) });
    } catch (error) {
      setProblem(isFpaError(error) ? error.fullMessage : error instanceof Error ? error.message : String(error));
    }
  };

  const number = (v: number | null) => (v === null ? 'not a number' : format(v, 'number'));
  return (
    <div className={layout.column} data-testid="workbook-model">
      <Field label="Output cells" hint="e.g. net = Output!B1, Output!B2 (a name is optional)">
        <Textarea value={outputs} rows={2} onChange={(_, d) => setOutputs(d.value)} />
      </Field>
      {driverNames.map((name) => (
        <TextField
          key={name}
          label={`Cell of ${name}`}
          hint="The cell the formulas read for this driver, e.g. Inputs!B1"
          value={cells[name] ?? ''}
          onChange={(value) => setCells({ ...cells, [name]: value })}
        />
      ))}
      <Button onClick={() => void translate()} disabled={outputs.trim() === ''}>
        Translate the formulas
      </Button>
      {problem && <NoticeBar intent="error" text={problem} />}
      {result && (
        <>
          <Body1>Drivers bound</Body1>
          <ul className={styles.list} aria-label="Driver bindings">
            {result.check.drivers.map((d) => (
              <li key={d.driver} className={d.value === null ? styles.bad : undefined}>
                {d.driver} ← {d.cell} ({number(d.value)})
              </li>
            ))}
          </ul>
          <Body1>Formulas and their translation</Body1>
          <ul className={styles.list} aria-label="Translated formulas">
            {result.translated.lines.map((l, i) => {
              const c = result.check.lines[i];
              return (
                <li key={l.cell} className={styles.line} data-testid="translated-line" data-matches={c.matches}>
                  <Caption1 block>
                    {l.cell}: <span className={styles.code}>{l.formula}</span>
                  </Caption1>
                  <span className={styles.code}>
                    {l.name} = {l.expression}
                  </span>
                  <Caption1 block className={c.matches ? undefined : styles.bad}>
                    workbook {number(c.workbook)} · model {number(c.model)} {c.matches ? '✓' : '✗ differs'}
                  </Caption1>
                </li>
              );
            })}
          </ul>
          <NoticeBar
            intent={result.check.ok ? 'success' : 'warning'}
            text={
              result.check.ok
                ? `At the drivers' values in the workbook, the ${result.check.lines.length} translated cells give what the workbook shows.`
                : 'The translation does not give what the workbook shows everywhere (marked ✗): recalculate the workbook, or check the driver cells.'
            }
          />
          <Button appearance="primary" disabled={!result.check.ok} onClick={() => onUse(result.translated.model)}>
            Use this model
          </Button>
        </>
      )}
    </div>
  );
}
