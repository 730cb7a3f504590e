/**
 * Save the sheet as a new version: the cost centre's version sheet, as edited in the workbook, saved
 * on the team server through the connector's queue (taskpane/versions/save-version.ts). Offline it
 * waits; made from a version that is no longer the latest, it waits in Settings as a conflict.
 */
import { useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { NoticeBar, type Notice } from '../shared/Notice';
import { TextField } from '../shared/TextField';
import type { ApiClient } from '../../../src/connector';
import { isFpaError } from '../../../src/errors';
import type { BudgetVersion } from '../../../src/model/version';
import { saveSheetVersion } from '../../versions/save-version';
import type { Workbook } from '../../workbook/types';

export interface SaveSheetVersionProps {
  workbook: Workbook;
  api: Pick<ApiClient, 'createVersion' | 'getVersion'>;
  costCentre: string;
  /** The versions listed (the sheet's version is found among them, offline too). */
  versions: readonly BudgetVersion[];
  /** Called after a version was saved (read the list again). */
  onSaved: () => void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
  grow: { flexGrow: 1, minWidth: '120px' },
});

export function SaveSheetVersion({ workbook, api, costCentre, versions, onSaved }: SaveSheetVersionProps) {
  const styles = useStyles();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  const save = async () => {
    setBusy(true);
    setNotice(null);
    try {
      const { outcome, from, sheet } = await saveSheetVersion(workbook, api, costCentre, name, versions);
      if (outcome.sent) {
        setNotice({
          intent: 'success',
          text: `Saved ${sheet} as "${outcome.body.name}", ${from.kind} ${from.fiscalYear} number ${outcome.body.number ?? '?'}, made from ${from.name}.`,
        });
        setName('');
        onSaved();
      } else
        setNotice({
          intent: 'warning',
          text: `The team server cannot be reached: "${name.trim()}" waits in the queue and is saved when it is back (Settings › Team server).`,
        });
    } catch (error) {
      const conflict = isFpaError(error) && error.code === 'CONNECTOR_CONFLICT';
      const text = isFpaError(error) ? error.message : error instanceof Error ? error.message : String(error);
      setNotice(
        conflict
          ? {
              intent: 'warning',
              text: `${text} Another version was saved since the one on the sheet: in Settings › Team server, put yours on top of it or drop yours.`,
            }
          : { intent: 'error', text },
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.root} data-testid="save-sheet-version">
      <div className={styles.row}>
        <TextField
          label="New version's name"
          className={styles.grow}
          box={{ placeholder: 'Reforecast March' }}
          value={name}
          onChange={setName}
        />
        <Button disabled={busy || !name.trim()} onClick={() => void save()}>
          Save the sheet as a new version
        </Button>
      </div>
      {notice && <NoticeBar {...notice} />}
    </div>
  );
}
