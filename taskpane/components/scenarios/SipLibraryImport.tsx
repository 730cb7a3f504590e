/**
 * The wizard's "SIP drivers": a SIPmath library file (3.0 JSON, or a 2.0 table as CSV or JSON rows)
 * read as drivers the model names like any other. A 2.0 table is read by trial index (its
 * correlation kept); a 3.0 library's trials are regenerated for each run, one per iteration.
 */
import { useState } from 'react';
import { Button, Caption1, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { isFpaError } from '../../../src/errors';
import { checkSipDrivers, sipDriversFromLibrary } from '../../../src/scenario/sip-drivers';
import type { SipDriverSpec } from '../../../src/scenario/sip-drivers';
import { isLibrary3, sipLibraryFromText } from '../../../src/sheets/sip-library';
import type { SipLibrarySource } from '../../../src/sheets/sip-library';
import { fileText } from '../../files/text-file';
import { FieldGroup } from '../shared/FieldGroup';
import { FileButton } from '../shared/FileButton';
import { useNumbers } from '../../state/numbers';

/** A library the user imported, checked. */
export interface ImportedSips {
  fileName: string;
  source: SipLibrarySource;
  names: string[];
  /** A 2.0 table's trial count; undefined for 3.0 (regenerated to the run's iterations). */
  trials?: number;
}

/**
 * Reads and checks a library file's text.
 * @throws FpaError saying what is wrong (SCENARIO_BAD_SPEC)
 */
export function importSips(fileName: string, text: string): ImportedSips {
  const source = sipLibraryFromText(text);
  // A 3.0 library is checked by regenerating a few trials; the run regenerates its own.
  const sips = sipDriversFromLibrary(source, isLibrary3(source) ? 10 : undefined);
  checkSipDrivers(sips, []);
  return {
    fileName,
    source,
    names: sips.map((s) => s.name),
    trials: isLibrary3(source) ? undefined : sips[0]?.trials.length,
  };
}

/** The SIP drivers of a run of `iterations` trials. */
export function runSips(imported: ImportedSips, iterations: number): SipDriverSpec[] {
  return isLibrary3(imported.source)
    ? sipDriversFromLibrary(imported.source, iterations)
    : sipDriversFromLibrary(imported.source);
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

export interface SipLibraryImportProps {
  value: ImportedSips | null;
  onChange: (value: ImportedSips | null) => void;
}

export function SipLibraryImport({ value, onChange }: SipLibraryImportProps) {
  const { format } = useNumbers();
  const styles = useStyles();
  const [problem, setProblem] = useState<string | null>(null);
  const load = async (file: File | undefined) => {
    if (!file) return;
    try {
      onChange(importSips(file.name, await fileText(file)));
      setProblem(null);
    } catch (error) {
      setProblem(
        `${file.name}: ${isFpaError(error) ? error.fullMessage : error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  return (
    <FieldGroup legend="SIP drivers (optional)" className={styles.root}>
      <Caption1>
        A SIPmath library (3.0 JSON, or a 2.0 table as CSV or JSON rows): its SIPs become drivers the model names like
        any other, read trial by trial so their correlation is kept.
      </Caption1>
      <div className={styles.row}>
        <FileButton
          label="Import a SIPmath library"
          accept=".json,.csv,application/json,text/csv"
          onFile={(file) => void load(file)}
        >
          Import a SIPmath library…
        </FileButton>
      </div>
      {value && (
        <div className={styles.row} data-testid="sip-library">
          <Caption1>
            {value.fileName}: {value.names.join(', ')} —{' '}
            {value.trials === undefined
              ? 'SIPmath 3.0, trials regenerated for each run'
              : `SIPmath 2.0, ${format(value.trials, 'count')} trials by index (more iterations wrap round)`}
          </Caption1>
          <Button size="small" onClick={() => onChange(null)}>
            Remove the library
          </Button>
        </div>
      )}
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
    </FieldGroup>
  );
}
