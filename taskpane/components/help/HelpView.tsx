/**
 * Help: how to use each place in the pane, how to type numbers in the user's locale, and the
 * reference of every registered function (read from the functions.json Excel itself reads), each
 * linked to its help page.
 */
import { useEffect, useState } from 'react';
import {
  Body1,
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { CatalogueEntry } from '../../function-catalogue';
import { useNumbers } from '../../state/numbers';
import { usePlainListStyles } from '../shell/plain-list';
import { VIEW_NAMES, type ViewId } from '../shell/view-names';
import { ViewSection } from '../shared/TitledSection';
import { useLayoutStyles } from '../shared/layout-styles';

const useStyles = makeStyles({
  name: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  code: { fontFamily: tokens.fontFamilyMonospace },
  guide: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  summary: {
    cursor: 'pointer',
    fontWeight: tokens.fontWeightSemibold,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
});

function Catalogue({ load }: { load: () => Promise<CatalogueEntry[]> }) {
  const styles = useStyles();
  const plain = usePlainListStyles();
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
    <ul className={plain.list} data-testid="function-list" aria-label="Functions">
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

/**
 * What each view is for, one entry per view but Help itself, in the tab order (VIEW_NAMES): a view
 * added to the pane without its entry does not type-check.
 */
export const VIEW_GUIDE: Record<Exclude<ViewId, 'help'>, string> = {
  drivers:
    'The uncertain inputs of a scenario: a name, a distribution and its parameters, with a preview. Import a driver table from the selection or export one for FPA.SCENARIO.MC; add rank correlations and the model (one "name = expression" per line). Learn updates a driver from its actuals.',
  scenarios:
    'Run the model many times: choose outputs, trials and seed, watch progress with the time left, then read P5/P50/P95, VaR and CVaR, the histogram and which drivers matter most (tornado). Write the results to a sheet, or save runs to compare.',
  anomalies:
    'Select a plan/actual table and scan it. Each persistent issue is one item with its months; review it (accept, explain, dismiss, escalate) as cards or as a compact table. Your own cost centres come first.',
  proposals:
    'From the scanned lines, set how far each line may move, find candidate reallocations (with KPIs linked, the ones that buy the most KPI return for their risk), and turn one into a proposal that goes through submit, approve and apply, with an audit trail.',
  budget:
    'Create a budget workbook for your cost centres, accounts and months (Plan, Actuals, Forecast, Variance and a Dashboard), or load the sample company; preview what will change before anything is written. Load actuals from a CSV file, the selection or the team server.',
  cash: 'Plan where idle cash goes: the net flows per period, the instruments (name, term, rate per period), opening and minimum cash and an optional credit line give the best plan, written to a sheet. One row of flows per trial gives one plan that holds across them, with the risk of a shortfall. Payables chooses which bills to pay early for their discount.',
  versions:
    'The budget versions a team server keeps for each cost centre (an applied proposal makes a new one): write any of them into the workbook, compare two line by line, or save the edited sheet as a new version.',
  settings:
    'The default number of trials (iterations) and seed for scenarios, the number format used when results are written, and the team server to connect to. Export all your data as one JSON file, or import one.',
};

const GUIDE: { title: string; text: string }[] = [
  ...(Object.keys(VIEW_NAMES) as ViewId[])
    .filter((id) => id !== 'help')
    .map((id) => ({ title: VIEW_NAMES[id], text: VIEW_GUIDE[id as keyof typeof VIEW_GUIDE] })),
  {
    title: 'Your name and role',
    text: 'The chip at the top right says who you are. Working alone, set your name, role and cost centres there; with a team server, sign-in decides them.',
  },
];

export function HelpView({ loadCatalogue }: { loadCatalogue: () => Promise<CatalogueEntry[]> }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const numbers = useNumbers();
  const { locale } = numbers.style;
  return (
    <ViewSection view="help" className={layout.column}>
      <div className={styles.guide}>
        {GUIDE.map((g) => (
          <details key={g.title}>
            <summary className={styles.summary}>{g.title}</summary>
            <Body1 block>{g.text}</Body1>
          </details>
        ))}
        <details>
          <summary className={styles.summary}>Typing numbers</summary>
          <div>
            <Body1 block>
              Numbers are read and shown as in {locale}: type{' '}
              <span className={styles.code}>{numbers.format(1234.5, 'number', { decimals: 1 })}</span>, a percentage
              such as <span className={styles.code}>{numbers.format(0.125, 'percent')}</span>, a negative in brackets{' '}
              <span className={styles.code}>({numbers.format(1200, 'count')})</span>, or a scale:{' '}
              <span className={styles.code}>250k</span>,{' '}
              <span className={styles.code}>1{numbers.symbols.decimal}2m</span>. The pane shows a negative with a minus
              sign, <span className={styles.code}>{numbers.format(-1200, 'count')}</span>; typing it with the keyboard's{' '}
              <span className={styles.code}>-</span> is the same.
            </Body1>
            <Body1 block>
              Rates say what period they are for (per month, per year). Cash rates are per period; a rate that looks
              annual is pointed out, with its conversion.
            </Body1>
          </div>
        </details>
      </div>
      <Subtitle2 as="h3">Functions</Subtitle2>
      <Caption1>Every function the add-in registers in Excel; each name opens its help page.</Caption1>
      <Catalogue load={loadCatalogue} />
    </ViewSection>
  );
}
