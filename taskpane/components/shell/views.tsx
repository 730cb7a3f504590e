/**
 * The pane's places, in navigation order. A view is an id, a short label, an icon and a render
 * function over the shared context; adding a view (Cash, KPIs, Templates, Team…) is one entry here
 * and its name in view-names.ts, which the view's heading (ViewSection) reads too.
 * Labels stay one word so the tab row fits; what does not fit at the pane's width goes to "More".
 */
import type { ReactElement, ReactNode } from 'react';
import {
  ArrowSwap20Regular,
  Money20Regular,
  DataHistogram20Regular,
  Flag20Regular,
  History20Regular,
  Options20Regular,
  QuestionCircle20Regular,
  Settings20Regular,
  Table20Regular,
} from '@fluentui/react-icons';
import type { Connector } from '../../../src/connector';
import type { Repository } from '../../../src/store/repository';
import type { Solver } from '../../../src/solver/types';
import type { CatalogueEntry } from '../../function-catalogue';
import type { ReviewState } from '../../review/use-review';
import type { CashRunner } from '../../run/cash-runner';
import type { ScenarioRunner } from '../../run/scenario-runner';
import type { PaneActions, PaneData } from '../../state/use-pane-data';
import type { Workbook } from '../../workbook/types';
import { AnomaliesView } from '../anomalies/AnomaliesView';
import { BudgetView } from '../budget/BudgetView';
import { CashView } from '../cash/CashView';
import { DriversView } from '../drivers/DriversView';
import { HelpView } from '../help/HelpView';
import { ProposalsView } from '../proposals/ProposalsView';
import { ScenariosView } from '../scenarios/ScenariosView';
import { SettingsView } from '../settings/SettingsView';
import { VersionsView } from '../versions/VersionsView';
import { VIEW_NAMES, type ViewId } from './view-names';

/** The signed-in user's cost centres (none listed for "all"), or null in single-user mode. */
const signedInCostCentres = (review: ReviewState): readonly string[] | null => {
  const centres = review.signedIn?.user.costCentres;
  return centres === undefined ? null : centres === '*' ? [] : centres;
};

/** What every view may use. */
export interface ViewContext {
  data: PaneData;
  actions: PaneActions;
  repository: Repository;
  review: ReviewState;
  workbook: Workbook;
  runner: ScenarioRunner;
  /** Computes the Cash view's plans (the pane's worker, or this thread). */
  cashRunner: CashRunner;
  solver: Solver;
  loadCatalogue: () => Promise<CatalogueEntry[]>;
  /** The team server connection. */
  getConnector: () => Promise<Connector>;
  /** Opens another view (e.g. "Scan a table in Anomalies first" → Anomalies). */
  navigate: (id: string) => void;
}

export interface PaneView {
  /** Stable id, used in `?tab=` and the tab's DOM id. */
  id: ViewId;
  /** One short word (VIEW_NAMES): the tab's label and the view's heading. */
  label: string;
  icon: ReactElement;
  render: (context: ViewContext) => ReactNode;
}

/** A view whose tab label and heading are its name in VIEW_NAMES, so the two never differ from its id's. */
const view = (id: ViewId, icon: ReactElement, render: PaneView['render']): PaneView => ({
  id,
  label: VIEW_NAMES[id],
  icon,
  render,
});

export const VIEWS: PaneView[] = [
  view('drivers', <Options20Regular />, (c) => (
    <DriversView
      data={c.data}
      actions={c.actions}
      workbook={c.workbook}
      repository={c.repository}
      getConnector={c.getConnector}
    />
  )),
  view('scenarios', <DataHistogram20Regular />, (c) => (
    <ScenariosView data={c.data} actions={c.actions} workbook={c.workbook} runner={c.runner} />
  )),
  view('anomalies', <Flag20Regular />, (c) => <AnomaliesView repository={c.repository} review={c.review} />),
  view('proposals', <ArrowSwap20Regular />, (c) => (
    <ProposalsView repository={c.repository} review={c.review} workbook={c.workbook} solver={c.solver} />
  )),
  view('budget', <Table20Regular />, (c) => (
    <BudgetView
      workbook={c.workbook}
      repository={c.repository}
      identity={c.review.identity}
      getConnector={c.getConnector}
    />
  )),
  view('cash', <Money20Regular />, (c) => <CashView workbook={c.workbook} runner={c.cashRunner} />),
  view('versions', <History20Regular />, (c) => (
    <VersionsView
      workbook={c.workbook}
      costCentres={signedInCostCentres(c.review) ?? c.review.identity.costCentres}
      getConnector={c.getConnector}
      onOpenSettings={() => c.navigate('settings')}
    />
  )),
  view('settings', <Settings20Regular />, (c) => (
    <SettingsView data={c.data} actions={c.actions} repository={c.repository} />
  )),
  view('help', <QuestionCircle20Regular />, (c) => <HelpView loadCatalogue={c.loadCatalogue} />),
];

/** The view with this id, or the first. */
export const viewById = (id: string | null | undefined): PaneView => VIEWS.find((v) => v.id === id) ?? VIEWS[0];
