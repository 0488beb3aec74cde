import { createTestDatabases } from '../__testUtils__/databases';
import { startPluginBackend } from '../__testUtils__/backend';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe('starting the plugin', () => {
  it('refuses a misspelt setting, naming it, instead of keeping its default', async () => {
    const knex = await databases.init('SQLITE_3');
    await expect(
      startPluginBackend({
        knex,
        techRequests: { risk: { tiers: { hihg: 5 } } },
      }),
    ).rejects.toThrow(/Unknown configuration: techRequests\.risk\.tiers\.hihg/);
  });
});
