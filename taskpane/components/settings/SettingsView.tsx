/**
 * Settings (default iterations and seed, number format, backend URL), export/import of everything as
 * one JSON file, and where the data is kept. The function reference is in Help.
 */
import { useState } from 'react';
import { Body1, Button, Caption1, Field, Input, Subtitle2 } from '@fluentui/react-components';
import { NoticeBar, type Notice } from '../shared/Notice';
import { isFpaError } from '../../../src/errors';
import type { Repository } from '../../../src/store/repository';
import { checkSettings, SettingsDraft } from '../../settings/validate-settings';
import type { PaneActions, PaneData } from '../../state/use-pane-data';
import { paneConnector, tokenSource } from '../../connector/pane-connector';
import { TeamServer } from './TeamServer';
import { downloadText } from '../../files/text-file';
import { ViewSection } from '../shared/TitledSection';
import { FileButton } from '../shared/FileButton';
import { useNumbers } from '../../state/numbers';
import { useLayoutStyles } from '../shared/layout-styles';

export interface SettingsViewProps {
  data: PaneData;
  actions: PaneActions;
  repository: Repository;
}

export function SettingsView({ data, actions, repository }: SettingsViewProps) {
  const layout = useLayoutStyles();
  const s = data.settings;
  const numbers = useNumbers();
  const [draft, setDraft] = useState<SettingsDraft>({
    defaultIterations: numbers.toInput(s.defaultIterations, 0),
    defaultSeed: String(s.defaultSeed),
    numberFormat: s.numberFormat,
    backendUrl: s.backendUrl,
  });
  const [notice, setNotice] = useState<Notice | null>(null);
  const { errors, record } = checkSettings(draft, numbers.parse, numbers.style);
  const field = (key: keyof SettingsDraft) => ({
    value: draft[key],
    onChange: (_: unknown, d: { value: string }) => setDraft({ ...draft, [key]: d.value }),
  });

  const exportFile = async () => {
    const bundle = await repository.exportAll(new Date().toISOString());
    downloadText(`openfpa-${bundle.exportedAt.slice(0, 10)}.json`, JSON.stringify(bundle, null, 2), 'application/json');
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await file.text());
      } catch {
        throw new Error(`${file.name} is not JSON. Nothing was changed.`);
      }
      await repository.importAll(parsed);
      await actions.reload();
      setNotice({ intent: 'success', text: `Imported ${file.name}.` });
    } catch (error) {
      setNotice({
        intent: 'error',
        text: isFpaError(error) ? error.fullMessage : error instanceof Error ? error.message : String(error),
      });
    }
  };

  return (
    <ViewSection view="settings" className={layout.spacedColumn}>
      <form
        className={layout.spacedColumn}
        aria-label="Settings"
        onSubmit={(e) => {
          e.preventDefault();
          if (Object.keys(errors).length === 0)
            void actions.saveSettings(record).then(() => setNotice({ intent: 'success', text: 'Settings saved.' }));
        }}
      >
        <Field label="Default iterations" validationMessage={errors.defaultIterations}>
          <Input inputMode="numeric" {...field('defaultIterations')} />
        </Field>
        <Field label="Default seed" validationMessage={errors.defaultSeed}>
          <Input inputMode="numeric" {...field('defaultSeed')} />
        </Field>
        <Field
          label="Number format"
          hint="Used when writing results, e.g. #,##0.00"
          validationMessage={errors.numberFormat}
        >
          <Input {...field('numberFormat')} />
        </Field>
        <Field
          label="Backend URL (optional)"
          hint="The optional team server for shared models, reviews and proposals; leave empty to work alone"
          validationMessage={errors.backendUrl}
        >
          <Input type="url" {...field('backendUrl')} />
        </Field>
        <div className={layout.row}>
          <Button appearance="primary" type="submit" disabled={Object.keys(errors).length > 0}>
            Save settings
          </Button>
        </div>
      </form>
      {notice && <NoticeBar {...notice} />}
      <TeamServer baseUrl={s.backendUrl} getConnector={paneConnector} tokenSource={tokenSource} />
      <Subtitle2 as="h3">Your data</Subtitle2>
      <Body1>
        {repository.mode === 'indexeddb'
          ? 'Kept in this browser (IndexedDB), with a copy in the workbook.'
          : 'Kept in the workbook only: save the workbook to keep changes.'}
      </Body1>
      <div className={layout.row}>
        <Button onClick={() => void exportFile()}>Export all (JSON)</Button>
        <FileButton label="Import a JSON export" accept="application/json,.json" onFile={(f) => void importFile(f)}>
          Import (JSON)…
        </FileButton>
      </div>
      <Caption1>Import replaces everything, after checking the whole file.</Caption1>
    </ViewSection>
  );
}
