/**
 * Prior against posterior in the Drivers view: actuals read from the selection, the conjugate update
 * shown with both distributions' parameters, P5–P95 ranges, the conjugate parameters and the evidence,
 * and "Use the posterior" making the driver its posterior.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { DriverUpdatePanel } from '../../taskpane/components/drivers/DriverUpdate';
import { createWorkbookDouble } from '../../taskpane/workbook/workbook-double';
import { updateDriver } from '../../src/scenario/posterior/update-driver';
import type { DriverRecord } from '../../src/store/schema';
import type { Cell } from '../../taskpane/workbook/types';

const price: DriverRecord = { id: 'd1', name: 'price', distribution: 'normal', params: { mean: 130, sd: 10 } };

function setup(values: Cell[][], driver = price) {
  const onUse = jest.fn();
  const workbook = createWorkbookDouble({ selection: { address: 'Actuals!B2:B5', values } });
  render(
    <FluentProvider theme={webLightTheme}>
      <DriverUpdatePanel driver={driver} workbook={workbook} onUse={onUse} onClose={() => undefined} />
    </FluentProvider>,
  );
  return onUse;
}

/** The distribution written out for a row ("prior normal(mean 130, sd 10)"). */
const distribution = (row: string) =>
  screen.getByTestId('driver-update-distributions').querySelector(`[data-distribution="${row}"]`)!.textContent;

const cells = (row: string) =>
  [
    ...screen.getByRole('table', { name: 'Prior and posterior of price' }).querySelectorAll(`[data-row="${row}"] > *`),
  ].map((c) => c.textContent);

it('shows the normal prior against its normal–inverse-gamma posterior, and uses the posterior', async () => {
  const onUse = setup([['actual'], [140], [null], [138], [142]]);
  fireEvent.click(screen.getByRole('button', { name: 'Read actuals from selection' }));
  await screen.findByRole('table', { name: 'Prior and posterior of price' });
  const u = updateDriver('price', 'normal', { mean: 130, sd: 10 }, { values: [140, 138, 142] });
  // Closed form: κ₀ = 1, so the location is (1 × 130 + 420) / (1 + 3) = 137.5.
  expect(u.posterior.family).toBe('student');
  expect(u.posterior.params.location).toBeCloseTo(137.5, 12);
  expect(distribution('prior')).toBe('prior normal(mean 130, sd 10)');
  expect(distribution('posterior')).toMatch(/^posterior student\(df \d+(\.\d+)?, location 137\.5, scale 5\.716/);
  // The statistics at one precision from their spread (about 20 wide: whole numbers), as finance reads them.
  expect(cells('prior')).toEqual(['prior', '114', '130', '146', '130', '10']);
  expect(cells('posterior')[0]).toBe('posterior');
  expect(cells('posterior')[2]).toBe(String(Math.round(u.predictive.p50)));
  expect(
    cells('posterior')
      .slice(1)
      .every((c) => /^\d+$/.test(c ?? '')),
  ).toBe(true);
  // the ranges on one axis, named for a screen reader
  expect(screen.getByRole('img', { name: /^prior P5 113\.55.* to P95 146\.44.*; posterior P5 / })).toBeTruthy();
  const evidence = screen.getByTestId('driver-update-evidence').textContent!;
  expect(evidence).toMatch(/^Evidence: 3 actuals from Actuals!B2:B5; normal-inverse-gamma \(mu 137\.5, kappa 4, /);
  fireEvent.click(screen.getByRole('button', { name: 'Use the posterior' }));
  expect(onUse).toHaveBeenCalledWith(
    expect.objectContaining({
      id: 'd1',
      name: 'price',
      distribution: 'student',
      params: u.posterior.params,
      note: expect.stringMatching(/^Posterior of normal\(mean 130, sd 10\) after 3 actuals \(normal-inverse-gamma\)\./),
    }),
  );
});

it('one actual is "1 actual", in the evidence and in the posterior\'s note', async () => {
  const onUse = setup([[140]]);
  fireEvent.click(screen.getByRole('button', { name: 'Read actuals from selection' }));
  await screen.findByRole('table', { name: 'Prior and posterior of price' });
  expect(screen.getByTestId('driver-update-evidence').textContent).toMatch(/^Evidence: 1 actual from /);
  fireEvent.click(screen.getByRole('button', { name: 'Use the posterior' }));
  expect(onUse).toHaveBeenCalledWith(expect.objectContaining({ note: expect.stringMatching(/ after 1 actual \(/) }));
});

it('a poisson count driver is learnt by gamma–Poisson', async () => {
  setup([[3, 5, 4, 6]], { id: 'd2', name: 'price', distribution: 'poisson', params: { lambda: 4 } });
  fireEvent.click(screen.getByRole('button', { name: 'Read actuals from selection' }));
  await screen.findByRole('table', { name: 'Prior and posterior of price' });
  expect(distribution('posterior')).toMatch(/^posterior negbinomial\(/);
  expect(screen.getByTestId('driver-update-evidence').textContent).toMatch(/4 actuals .*gamma-poisson/);
});

it('refuses a two-column selection, next to the button', async () => {
  setup([
    [1, 2],
    [3, 4],
  ]);
  fireEvent.click(screen.getByRole('button', { name: 'Read actuals from selection' }));
  expect((await screen.findByRole('alert')).textContent).toMatch(/one row or one column/);
  expect(screen.queryByRole('table')).toBeNull();
});

it('with no actual selected the prior stays and cannot be used as a posterior', async () => {
  setup([[null], [null]]);
  fireEvent.click(screen.getByRole('button', { name: 'Read actuals from selection' }));
  await screen.findByRole('table', { name: 'Prior and posterior of price' });
  await waitFor(() => expect(within(screen.getByTestId('driver-update')).getByText(/No actuals/)).toBeTruthy());
  expect((screen.getByRole('button', { name: 'Use the posterior' }) as HTMLButtonElement).disabled).toBe(true);
});
