/**
 * Settings › Team server against a connector test double: connect with a pasted token, the status
 * line, disconnect, and a conflict shown with both versions and settled by the user's choice.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { TeamServer } from '../../taskpane/components/settings/TeamServer';
import type { ConnectorState } from '../../src/connector';
import { connectorDouble } from './connector-double';

/** The shared double with connect, disconnect, sync and settling a conflict recorded in `calls`. */
function teamServerDouble(initial: Partial<ConnectorState> = {}) {
  const { connector, publish: set } = connectorDouble({ state: initial, read: () => ({}) });
  const calls: string[] = [];
  Object.assign(connector, {
    connect: async (url: string, getToken: () => Promise<string>) => {
      calls.push(`connect ${url} ${await getToken()}`);
      return set({ status: 'online', baseUrl: url, lastSyncAt: Date.UTC(2026, 10, 23, 14, 5) });
    },
    disconnect: async () => {
      calls.push('disconnect');
      return set({ status: 'disconnected', baseUrl: null });
    },
    sync: async () => {
      calls.push('sync');
      return connector.getState();
    },
    resolveConflict: async (seq: number, choice: 'mine' | 'theirs') => {
      calls.push(`resolve ${seq} ${choice}`);
      return set({ conflicts: [] });
    },
  });
  return { connector, calls, set };
}

const pasted = (token: string) => async () => token;

it('connects with the pasted token and shows the status line', async () => {
  const { connector, calls } = teamServerDouble();
  render(<TeamServer baseUrl="https://fpa.example.com" getConnector={async () => connector} tokenSource={pasted} />);
  await waitFor(() => expect(screen.getByTestId('team-server-status').textContent).toBe('Not connected'));
  fireEvent.change(screen.getByLabelText(/Development token/), { target: { value: 'dev-token-1' } });
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Connect' })));
  expect(calls).toEqual(['connect https://fpa.example.com dev-token-1']);
  expect(screen.getByTestId('team-server-status').textContent).toMatch(/^Online · last sync /);
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Disconnect' })));
  expect(calls).toContain('disconnect');
  expect(screen.getByTestId('team-server-status').textContent).toBe('Not connected');
});

it('cannot connect without a backend URL', async () => {
  const { connector } = teamServerDouble();
  render(<TeamServer baseUrl="" getConnector={async () => connector} tokenSource={pasted} />);
  await waitFor(() =>
    expect((screen.getByRole('button', { name: 'Connect' }) as HTMLButtonElement).disabled).toBe(true),
  );
  expect(screen.getByText(/Set a backend URL/)).toBeTruthy();
});

it('shows queued writes offline, and a conflict with both versions until the user chooses', async () => {
  const conflict = {
    seq: 7,
    write: { endpoint: 'updateProposal' },
    message: 'The proposal changed on the server since you edited it.',
    yours: { amount: 120 },
    current: { amount: 95 },
    at: 0,
  };
  const { connector, calls } = teamServerDouble({
    status: 'offline',
    baseUrl: 'https://fpa.example.com',
    queued: 3,
    conflicts: [conflict as unknown as ConnectorState['conflicts'][number]],
  });
  render(<TeamServer baseUrl="https://fpa.example.com" getConnector={async () => connector} tokenSource={pasted} />);
  await waitFor(() =>
    expect(screen.getByTestId('team-server-status').textContent).toBe('Offline · 3 queued · 1 conflict'),
  );
  expect(screen.getByText(/"amount": 120/)).toBeTruthy();
  expect(screen.getByText(/"amount": 95/)).toBeTruthy();
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Keep theirs' })));
  expect(calls).toEqual(['resolve 7 theirs']);
  expect(screen.queryByText(/"amount": 120/)).toBeNull();
});

it('says so when the offline queue cannot be opened', async () => {
  render(
    <TeamServer
      baseUrl="https://fpa.example.com"
      getConnector={() => Promise.reject(new Error('IndexedDB is not available'))}
      tokenSource={pasted}
    />,
  );
  await waitFor(() =>
    expect(screen.getByText(/offline queue could not be opened \(IndexedDB is not available\)/)).toBeTruthy(),
  );
});
