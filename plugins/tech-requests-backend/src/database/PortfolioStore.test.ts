import { mockServices } from '@backstage/backend-test-utils';
import { aRequest } from '../__testUtils__/aRequest';
import { createTestDatabases } from '../__testUtils__/databases';
import {
  PORTFOLIO,
  PORTFOLIO_CAPABILITIES,
  PortfolioLedger,
} from './PortfolioLedger';
import { PortfolioStore } from './PortfolioStore';
import { RequestStore } from './RequestStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'the portfolio facts of requests filed before they were kept, on %p',
  databaseId => {
    it('are written once, for filed requests only', async () => {
      const knex = await databases.init(databaseId);
      const ledger = new PortfolioLedger();
      const store = await RequestStore.create(
        mockServices.database({ knex }),
        ledger,
      );
      const file = (fields: Parameters<typeof aRequest>[0]) => {
        const { id: _id, ...request } = aRequest(fields);
        return store.transaction(tx => store.insertRequest(tx, request));
      };
      const filed = await file({
        submittedAt: '2026-03-01T00:00:00.000Z',
        capabilities: ['E-Signature ', 'audit trail'],
      });
      await file({ status: 'draft', submittedAt: undefined });
      // As if filed before the portfolio's tables existed.
      await knex(PORTFOLIO_CAPABILITIES).delete();
      await knex(PORTFOLIO).delete();

      const portfolio = new PortfolioStore(knex);
      expect(await portfolio.recordMissing(ledger)).toBe(1);
      expect(await portfolio.recordMissing(ledger)).toBe(0);
      expect(
        await knex(PORTFOLIO).select('request_id', 'requesting_group'),
      ).toEqual([
        { request_id: filed, requesting_group: 'group:default/legal' },
      ]);
      // Without a vocabulary, phrases count as written, in lower case.
      expect(
        (await knex(PORTFOLIO_CAPABILITIES).select('capability'))
          .map(row => row.capability)
          .sort(),
      ).toEqual(['audit trail', 'e-signature']);
    });
  },
);
