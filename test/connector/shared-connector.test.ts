import type { Connector } from '../../src/connector/connector';
import { shareConnector, sharedConnector, unshareConnector } from '../../src/connector/shared-connector';

describe('the connection the pane shares with the custom functions', () => {
  afterEach(() => unshareConnector());

  test('nothing is shared until the pane shares its connector', async () => {
    expect(sharedConnector()).toBeNull();
    const connector = { getState: () => ({ status: 'online' }) } as unknown as Connector;
    shareConnector(Promise.resolve(connector));
    expect(await sharedConnector()).toBe(connector);
    unshareConnector();
    expect(sharedConnector()).toBeNull();
  });

  test('it lives on the runtime, not in one bundle: another copy of the module sees it', async () => {
    const connector = {} as Connector;
    shareConnector(Promise.resolve(connector));
    await jest.isolateModulesAsync(async () => {
      const other = await import('../../src/connector/shared-connector');
      expect(await other.sharedConnector()).toBe(connector);
    });
  });
});
