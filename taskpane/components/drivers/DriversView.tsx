/**
 * Drivers: the list with edit/delete, the driver form, import from the selected range and export to
 * a sheet in the FPA.SCENARIO.MC layout, the correlation matrix and the model expressions; signed in
 * to a team server, the team's models too (TeamModels).
 */
import { useMemo, useState } from 'react';
import { Body1, Button, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { NoticeBar, type Notice } from '../shared/Notice';
import { isFpaError } from '../../../src/errors';
import { countOf } from '../../../src/format/count-of';
import type { Connector } from '../../../src/connector';
import type { Repository } from '../../../src/store/repository';
import type { DriverRecord } from '../../../src/store/schema';
import { signedInOf, useConnector } from '../../connector/use-signed-in';
import { driverTableRows, parseDriverTable } from '../../drivers/driver-table';
import { checkDriver } from '../../drivers/validate-driver';
import { newId, PaneActions, PaneData } from '../../state/use-pane-data';
import type { Workbook } from '../../workbook/types';
import { CorrelationEditor } from './CorrelationEditor';
import { DriverForm } from './DriverForm';
import { DriverUpdatePanel } from './DriverUpdate';
import { ModelEditor } from './ModelEditor';
import { TeamModels } from './TeamModels';
import { WorkbookModel } from './WorkbookModel';
import { useNumbers } from '../../state/numbers';
import { ViewSection } from '../shared/TitledSection';
import { useLayoutStyles } from '../shared/layout-styles';

export interface DriversViewProps {
  data: PaneData;
  actions: PaneActions;
  workbook: Workbook;
  /** The local store (team models are taken into it). */
  repository: Repository;
  /** The team server connection; signed in, the view shares the model there. */
  getConnector: () => Promise<Connector>;
}

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalXS,
  },
  itemText: { flexGrow: 1, flexBasis: '150px', minWidth: 0, overflowWrap: 'anywhere' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  itemActions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexShrink: 0 },
  compact: { minWidth: 'auto' },
});

/** A driver in one line, its parameters through the one formatter: "uniform(min 50,000, max 70,000)". */
function describe(d: DriverRecord, number: (v: number) => string): string {
  return `${d.distribution}(${Object.entries(d.params)
    .map(([k, v]) => `${k} ${Array.isArray(v) ? v.map(number).join('; ') : number(v)}`)
    .join(', ')})`;
}

export function DriversView({ data, actions, workbook, repository, getConnector }: DriversViewProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const team = useConnector(getConnector);
  const signedIn = useMemo(() => signedInOf(team.state, team.connector), [team.state, team.connector]);
  const { toInput } = useNumbers();
  const [editing, setEditing] = useState<DriverRecord | 'new' | null>(null);
  const [learning, setLearning] = useState<DriverRecord | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const names = useMemo(() => data.drivers.map((d) => d.name), [data.drivers]);
  const others = editing && editing !== 'new' ? names.filter((n) => n !== editing.name) : names;

  const save = async (draft: Omit<DriverRecord, 'id'>) => {
    const id = editing && editing !== 'new' ? editing.id : newId('driver');
    await actions.saveDriver({ ...draft, id });
    setEditing(null);
  };

  const importSelection = async () => {
    try {
      const { address, values } = await workbook.readSelection();
      const parsed = parseDriverTable(values);
      const problems = [...parsed.problems];
      const byName = new Map(data.drivers.map((d) => [d.name.toLowerCase(), d]));
      let count = 0;
      for (const d of parsed.drivers) {
        const params = Object.fromEntries(
          Object.entries(d.params).map(([k, v]) => [k, Array.isArray(v) ? v.join(';') : String(v)]),
        );
        const check = checkDriver({ name: d.name, distribution: d.distribution, params }, []);
        const first = Object.values(check.errors)[0];
        if (first) {
          problems.push(`${d.name || '(no name)'}: ${first}`);
          continue;
        }
        await actions.saveDriver({ ...d, id: byName.get(d.name.toLowerCase())?.id ?? newId('driver') });
        count++;
      }
      setNotice({
        intent: problems.length ? 'warning' : 'success',
        text: `Imported ${countOf(count, 'driver')} from ${address}.${problems.length ? ` Skipped: ${problems.join(' ')}` : ''}`,
      });
    } catch (error) {
      const text = isFpaError(error) ? error.fullMessage : error instanceof Error ? error.message : String(error);
      setNotice({ intent: 'error', text });
    }
  };

  const exportSheet = async () => {
    try {
      const sheet = await workbook.addSheet('Drivers');
      const address = await workbook.writeTable(sheet, 'A1', driverTableRows(data.drivers));
      setNotice({
        intent: 'success',
        text: `Wrote ${data.drivers.length} drivers to ${address}; FPA.SCENARIO.MC can read that range.`,
      });
    } catch (error) {
      setNotice({ intent: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <ViewSection view="drivers" className={layout.spacedColumn}>
      {notice && <NoticeBar {...notice} />}
      {data.drivers.length === 0 && (
        <Body1>
          No drivers yet. Add one, or import a table (name, distribution, param1..param4) from the selection.
        </Body1>
      )}
      <ul className={styles.list} aria-label="Drivers" data-testid="driver-list">
        {data.drivers.map((d) => (
          <li key={d.id} className={styles.item}>
            <span className={styles.itemText}>
              <Body1 as="span" block>
                {d.name}
              </Body1>
              <Caption1>{describe(d, (v) => toInput(v))}</Caption1>
            </span>
            <span className={styles.itemActions}>
              <Button
                size="small"
                className={styles.compact}
                onClick={() => setEditing(d)}
                aria-label={`Edit ${d.name}`}
              >
                Edit
              </Button>
              <Button
                size="small"
                className={styles.compact}
                onClick={() => setLearning(d)}
                aria-label={`Learn ${d.name} from actuals`}
              >
                Learn
              </Button>
              <Button
                size="small"
                className={styles.compact}
                onClick={() => void actions.removeDriver(d.id)}
                aria-label={`Delete ${d.name}`}
              >
                Delete
              </Button>
            </span>
          </li>
        ))}
      </ul>
      {learning && (
        <DriverUpdatePanel
          key={learning.id}
          driver={learning}
          workbook={workbook}
          onClose={() => setLearning(null)}
          onUse={(posterior) => {
            void actions.saveDriver(posterior);
            setLearning(null);
            setNotice({
              intent: 'success',
              text: `${posterior.name} is now its posterior, ${posterior.distribution}; the next scenario run uses it.`,
            });
          }}
        />
      )}
      {editing ? (
        <DriverForm
          key={editing === 'new' ? 'new' : editing.id}
          initial={editing === 'new' ? undefined : editing}
          otherNames={others}
          onSave={(d) => void save(d)}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <div className={styles.row}>
          <Button appearance="primary" onClick={() => setEditing('new')}>
            Add driver
          </Button>
          <Button onClick={() => void importSelection()}>Import from selection</Button>
          <Button onClick={() => void exportSheet()} disabled={data.drivers.length === 0}>
            Export to sheet
          </Button>
        </div>
      )}
      <Subtitle2 as="h3">Correlations</Subtitle2>
      <CorrelationEditor
        key={`${names.join('|')}:${JSON.stringify(data.model.correlation ?? null)}`}
        names={names}
        value={data.model.correlation}
        onSave={(c) => void actions.saveModel({ ...data.model, correlation: c })}
      />
      <Subtitle2 as="h3">Model</Subtitle2>
      <ModelEditor
        expressions={data.model.expressions}
        driverNames={names}
        onSave={(text) =>
          void actions.saveModel({ ...data.model, expressions: text, driverIds: data.drivers.map((d) => d.id) })
        }
      />
      <Subtitle2 as="h3">Use this workbook's model</Subtitle2>
      <WorkbookModel
        workbook={workbook}
        driverNames={names}
        onUse={(text) => {
          void actions.saveModel({ ...data.model, expressions: text, driverIds: data.drivers.map((d) => d.id) });
          setNotice({ intent: 'success', text: "The model is now the translation of the workbook's formulas." });
        }}
      />
      {signedIn && team.connector && team.state && (
        <TeamModels
          signedIn={signedIn}
          connector={team.connector}
          state={team.state}
          repository={repository}
          model={data.model}
          drivers={data.drivers}
          onChanged={actions.reload}
        />
      )}
    </ViewSection>
  );
}
