/**
 * Settings (default iterations and seed, number format, backend URL), export/import of everything as
 * one JSON file, where the data is kept, and the list of registered functions.
 */
import { useEffect, useState } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { isFpaError } from '../../../src/errors';
import type { Repository } from '../../../src/store/repository';
import type { CatalogueEntry } from '../../function-catalogue';
import { checkSettings, SettingsDraft } from '../../settings/validate-settings';
import type { PaneActions, PaneData } from '../../state/use-pane-data';
import { paneConnector, tokenSource } from '../../connector/pane-connector';
import { TeamServer } from './TeamServer';

export interface SettingsViewProps {
  data: PaneData;
  actions: PaneActions;
  repository: Repository;
  loadCatalogue: () => Promise<CatalogueEntry[]>;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: {
    listStyleType: 'none',
    padding: 0,
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  name: { fontFamily: tokens.fontFamilyMonospace },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

function Catalogue({ load }: { load: () => Promise<CatalogueEntry[]> }) {
  const styles = useStyles();
  const [functions, setFunctions] = useState<CatalogueEntry[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    load().then(setFunctions, (e: unknown) => setProblem(e instanceof Error ? e.message : String(e)));
  }, [load]);
  if (problem)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{problem}</MessageBarBody>
      </MessageBar>
    );
  if (!functions) return <Spinner size="tiny" label="Loading functions" />;
  return (
    <ul className={styles.list} data-testid="function-list">
      {functions.map((f) => (
        <li key={f.name}>
          {f.helpUrl ? (
            <Link href={f.helpUrl} target="_blank" className={styles.name}>
              {f.name}
            </Link>
          ) : (
            <span className={styles.name}>{f.name}</span>
          )}
          <Caption1 block>{f.description}</Caption1>
        </li>
      ))}
    </ul>
  );
}

export function SettingsView({ data, actions, repository, loadCatalogue }: SettingsViewProps) {
  const styles = useStyles();
  const s = data.settings;
  const [draft, setDraft] = useState<SettingsDraft>({
    defaultIterations: String(s.defaultIterations),
    defaultSeed: String(s.defaultSeed),
    numberFormat: s.numberFormat,
    backendUrl: s.backendUrl,
  });
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const { errors, record } = checkSettings(draft);
  const field = (key: keyof SettingsDraft) => ({
    value: draft[key],
    onChange: (_: unknown, d: { value: string }) => setDraft({ ...draft, [key]: d.value }),
  });

  const exportFile = async () => {
    const bundle = await repository.exportAll(new Date().toISOString());
    const url = URL.createObjectURL(new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `openfpa-${bundle.exportedAt.slice(0, 10)}.json`;
    a.click();
    URL.revokeObjectURL(url);
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
    <section className={styles.root} aria-labelledby="settings-title">
      <Subtitle2 as="h2" id="settings-title">
        Settings
      </Subtitle2>
      <form
        className={styles.root}
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
        <div className={styles.row}>
          <Button appearance="primary" type="submit" disabled={Object.keys(errors).length > 0}>
            Save settings
          </Button>
        </div>
      </form>
      {notice && (
        <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      <TeamServer baseUrl={s.backendUrl} getConnector={paneConnector} tokenSource={tokenSource} />
      <Subtitle2 as="h3">Your data</Subtitle2>
      <Body1>
        {repository.mode === 'indexeddb'
          ? 'Kept in this browser (IndexedDB), with a copy in the workbook.'
          : 'Kept in the workbook only: save the workbook to keep changes.'}
      </Body1>
      <div className={styles.row}>
        <Button onClick={() => void exportFile()}>Export all (JSON)</Button>
        <label>
          <Caption1>Import (replaces everything): </Caption1>
          <input
            type="file"
            accept="application/json,.json"
            aria-label="Import a JSON export"
            onChange={(e) => void importFile(e.target.files?.[0])}
          />
        </label>
      </div>
      <Subtitle2 as="h3">About: planning functions</Subtitle2>
      <Catalogue load={loadCatalogue} />
    </section>
  );
}
