/**
 * The KPI editor signed in to a team server: a saved KPI is also shared through the connector (the
 * typed client's createKpi), and a KPI without an owner cost centre is refused next to that field.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ApiClient } from '../../src/connector';
import type { KpiDefinition } from '../../src/model/kpi';
import { createMemoryRepository } from '../../src/store/memory-repository';
import { KpiEditor } from '../../taskpane/components/kpis/KpiEditor';
import type { SignedIn } from '../../taskpane/connector/use-signed-in';
import { sampleKpiRows } from '../../taskpane/review/sample-sheet';
import { createWorkbookDouble } from '../../taskpane/workbook/workbook-double';

it('signed in, Save KPI shares the KPI; without an owner cost centre it says so next to the field', async () => {
  const sent: KpiDefinition[] = [];
  const api = {
    createKpi: async (kpi: KpiDefinition) => {
      sent.push(kpi);
      return { sent: true, body: { ...kpi, id: 'k-1', version: 1 } };
    },
  } as unknown as ApiClient;
  const signedIn: SignedIn = {
    server: 'https://fpa.example.com',
    user: { id: 'ana', roles: ['analyst'], costCentres: ['MKT'] },
    api,
  };
  const repository = createMemoryRepository();
  const workbook = createWorkbookDouble({ selection: { address: 'KPI!A1:M2', values: sampleKpiRows() } });
  const onChange = jest.fn(async () => undefined);
  render(
    <FluentProvider theme={webLightTheme}>
      <KpiEditor
        repository={repository}
        workbook={workbook}
        lineIds={['MKT-ADS']}
        kpis={[]}
        onChange={onChange}
        signedIn={signedIn}
      />
    </FluentProvider>,
  );
  fireEvent.change(screen.getByLabelText('KPI name'), { target: { value: 'Leads' } });
  fireEvent.click(screen.getByRole('button', { name: 'Read target and actual from selection' }));
  await screen.findByText('12 periods read (11 actuals).', {}, { timeout: 10000 });
  fireEvent.click(screen.getByLabelText('MKT-ADS'));
  fireEvent.click(screen.getByRole('button', { name: 'Save KPI' }));
  await screen.findByText(/Signed in, a KPI belongs to a cost centre/, {}, { timeout: 10000 });
  expect(sent).toEqual([]);

  fireEvent.change(screen.getByLabelText('Owner cost centre'), { target: { value: 'MKT' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save KPI' }));
  await waitFor(() => expect(sent).toHaveLength(1), { timeout: 10000 });
  expect(sent[0]).toMatchObject({ ownerCostCentre: 'MKT', name: 'Leads', links: [{ line: 'MKT-ADS' }] });
  expect(await repository.list('kpis')).toEqual([
    expect.objectContaining({ id: 'Leads', shared: { id: 'k-1', version: 1 } }),
  ]);
}, 30000);
