import { mockServices } from '@backstage/backend-test-utils';
import {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import {
  RequestStatus,
  TechRequest,
} from '@tech-requests/plugin-tech-requests-common';
import { aTechRequest } from '@tech-requests/plugin-tech-requests-common/testUtils';
import { RequestSource } from './RequestSource';
import { TechRequestEntityProvider } from './TechRequestEntityProvider';

function aRequest(
  id: number,
  status: RequestStatus,
  title = `Request ${id}`,
): TechRequest {
  return aTechRequest({
    id,
    title,
    status,
    ...(status !== 'draft' && { entityName: `tr-${id}-request-${id}` }),
  });
}

/** A source over an in-memory list, which can be told to fail a number of times. */
class FakeSource implements RequestSource {
  failuresLeft = 0;
  calls = 0;
  constructor(public requests: TechRequest[]) {}

  private async maybeFail() {
    this.calls += 1;
    if (this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      throw new Error('connect ECONNREFUSED');
    }
  }

  async listAll() {
    await this.maybeFail();
    return this.requests;
  }

  async get(id: number) {
    await this.maybeFail();
    return this.requests.find(request => request.id === id);
  }
}

describe('TechRequestEntityProvider', () => {
  let source: FakeSource;
  let mutations: EntityProviderMutation[];
  let provider: TechRequestEntityProvider;

  const connection: EntityProviderConnection = {
    applyMutation: async mutation => {
      mutations.push(mutation);
    },
    refresh: async () => {},
  };
  const namesIn = (mutation: EntityProviderMutation) =>
    mutation.type === 'full'
      ? mutation.entities.map(e => e.entity.metadata.name)
      : {
          added: mutation.added.map(e => e.entity.metadata.name),
          removed: mutation.removed.map(e =>
            'entity' in e ? e.entity.metadata.name : e.entityRef,
          ),
        };

  beforeEach(async () => {
    source = new FakeSource([
      aRequest(1, 'draft'),
      aRequest(2, 'submitted'),
      aRequest(3, 'withdrawn'),
      aRequest(4, 'rejected'),
      aRequest(5, 'completed'),
    ]);
    mutations = [];
    provider = new TechRequestEntityProvider({
      source,
      logger: mockServices.logger.mock(),
      apiBaseUrl: 'http://localhost:7007/api/tech-requests',
      retry: { attempts: 3, delayMs: () => 1 },
    });
    await provider.connect(connection);
  });

  it('keeps what events brought in while a full sync was reading', async () => {
    // The list is read before request 6 is filed and request 2 withdrawn; their events are
    // handled before the full sync applies what it read.
    let listed!: () => void;
    const listing = new Promise<void>(resolve => {
      listed = resolve;
    });
    const before = [...source.requests];
    source.listAll = async () => {
      await listing;
      return before;
    };
    const syncing = provider.fullSync();
    source.requests = [
      ...before.map(request =>
        request.id === 2
          ? { ...request, status: 'withdrawn' as const, version: 2 }
          : request,
      ),
      aRequest(6, 'submitted'),
    ];
    await provider.onRequestChanged({
      requestId: 6,
      action: 'submit',
      actor: 'user:default/jane.doe',
      at: '2026-01-01T10:00:00.000Z',
    });
    await provider.onRequestChanged({
      requestId: 2,
      action: 'withdraw',
      actor: 'user:default/jane.doe',
      at: '2026-01-01T10:00:00.000Z',
    });
    listed();
    await syncing;

    const full = mutations.at(-1) as Extract<
      EntityProviderMutation,
      { type: 'full' }
    >;
    expect(full.type).toBe('full');
    expect(
      full.entities.map(e => [e.entity.metadata.name, e.entity.spec?.status]),
    ).toEqual([
      ['tr-2-request-2', 'withdrawn'],
      ['tr-3-request-3', 'withdrawn'],
      ['tr-4-request-4', 'rejected'],
      ['tr-5-request-5', 'completed'],
      ['tr-6-request-6', 'submitted'],
    ]);
  });

  it('keeps what events brought in while it waited for the catalog, and after it applied its list', async () => {
    let fulfilmentsRead!: () => void;
    const reading = new Promise<void>(resolve => {
      fulfilmentsRead = resolve;
    });
    let fullApplied!: () => void;
    const applying = new Promise<void>(resolve => {
      fullApplied = resolve;
    });
    const waiting = new TechRequestEntityProvider({
      source,
      logger: mockServices.logger.mock(),
      apiBaseUrl: 'http://localhost:7007/api/tech-requests',
      fulfilments: {
        all: async () => {
          await reading;
          return new Map();
        },
        of: async () => undefined,
      },
    });
    await waiting.connect({
      ...connection,
      applyMutation: async mutation => {
        if (mutation.type === 'full') {
          await applying;
        }
        mutations.push(mutation);
      },
    });
    const event = (requestId: number) => ({
      requestId,
      action: 'submit' as const,
      actor: 'user:default/jane.doe',
      at: '2026-01-01T10:00:00.000Z',
    });

    const syncing = waiting.fullSync();
    // Filed while the sync still waits for the catalog's answer.
    source.requests = [...source.requests, aRequest(6, 'submitted')];
    await waiting.onRequestChanged(event(6));
    fulfilmentsRead();
    await new Promise(resolve => setTimeout(resolve, 10));
    // Filed while the catalog applies the sync's list.
    source.requests = [...source.requests, aRequest(7, 'submitted')];
    await waiting.onRequestChanged(event(7));
    fullApplied();
    await syncing;

    const full = mutations.find(m => m.type === 'full')!;
    expect(namesIn(full)).toContain('tr-6-request-6');
    expect(namesIn(full)).not.toContain('tr-7-request-7');
    // Applied again once the list was, which would otherwise have removed it.
    expect(namesIn(mutations.at(-1)!)).toEqual({
      added: ['tr-7-request-7'],
      removed: [],
    });
  });

  it('has a stable name', () => {
    expect(provider.getProviderName()).toBe('tech-requests');
  });

  it('replaces all its entities in a full sync, leaving drafts out and keeping closed requests', async () => {
    await provider.fullSync();
    expect(mutations).toHaveLength(1);
    expect(namesIn(mutations[0])).toEqual([
      'tr-2-request-2',
      'tr-3-request-3',
      'tr-4-request-4',
      'tr-5-request-5',
    ]);
    const [first] = (
      mutations[0] as Extract<EntityProviderMutation, { type: 'full' }>
    ).entities;
    expect(first.locationKey).toBe('tech-requests:2');
    expect(first.entity.metadata.annotations).toMatchObject({
      'backstage.io/managed-by-location':
        'url:http://localhost:7007/api/tech-requests/requests/2',
      'backstage.io/managed-by-origin-location':
        'url:http://localhost:7007/api/tech-requests/requests/2',
      'tech-requests.io/request-id': '2',
    });
    expect(first.entity.spec).toMatchObject({
      status: 'submitted',
      owner: 'group:default/legal',
    });
  });

  it('drops a request that is gone from the backend at the next full sync', async () => {
    await provider.fullSync();
    source.requests = source.requests.filter(request => request.id !== 3);
    await provider.fullSync();
    expect(namesIn(mutations[1])).toEqual([
      'tr-2-request-2',
      'tr-4-request-4',
      'tr-5-request-5',
    ]);
  });

  it('retries a failing backend, and succeeds when it recovers', async () => {
    source.failuresLeft = 2;
    await provider.fullSync();
    expect(source.calls).toBe(3);
    expect(mutations).toHaveLength(1);
  });

  it('applies nothing when the backend keeps failing, so the catalog keeps what it has', async () => {
    await provider.fullSync();
    source.failuresLeft = 10;
    await expect(provider.fullSync()).rejects.toThrow('ECONNREFUSED');
    expect(mutations).toHaveLength(1);
  });

  it('adds or updates one entity when a request changes', async () => {
    source.requests[1] = { ...aRequest(2, 'in-review'), version: 2 };
    await provider.onRequestChanged({
      requestId: 2,
      action: 'start-review',
      actor: 'user:default/priya.shah',
      status: 'in-review',
      version: 2,
      at: '2026-01-02T00:00:00.000Z',
    });
    expect(mutations).toHaveLength(1);
    expect(namesIn(mutations[0])).toEqual({
      added: ['tr-2-request-2'],
      removed: [],
    });
    const delta = mutations[0] as Extract<
      EntityProviderMutation,
      { type: 'delta' }
    >;
    expect(delta.added[0].entity.spec?.status).toBe('in-review');
  });

  it('follows an event again later when the backend cannot answer for a while', async () => {
    const following = new TechRequestEntityProvider({
      source,
      logger: mockServices.logger.mock(),
      apiBaseUrl: 'http://localhost:7007/api/tech-requests',
      retry: { attempts: 2, delayMs: () => 1 },
      follow: { attempts: 3, delayMs: () => 5 },
    });
    await following.connect(connection);
    const event = {
      requestId: 2,
      action: 'submit' as const,
      actor: 'user:default/jane.doe',
      at: '2026-01-02T00:00:00.000Z',
    };
    // Two follows' worth of failures: the third one reads it.
    source.failuresLeft = 4;
    await following.follow(event);
    expect(mutations).toHaveLength(0);
    await new Promise(resolve => setTimeout(resolve, 100));
    expect(source.calls).toBe(5);
    expect(namesIn(mutations[0])).toEqual({
      added: ['tr-2-request-2'],
      removed: [],
    });

    // Failing for longer than that: given up on, for the full sync to repair.
    mutations = [];
    source.calls = 0;
    source.failuresLeft = 100;
    await following.follow(event);
    await new Promise(resolve => setTimeout(resolve, 100));
    expect(source.calls).toBe(6);
    expect(mutations).toHaveLength(0);
  });

  it('keeps drafts out when they change, and ignores requests that are gone', async () => {
    await provider.onRequestChanged({
      requestId: 1,
      action: 'edit',
      actor: 'user:default/jane.doe',
      status: 'draft',
      version: 2,
      at: '2026-01-02T00:00:00.000Z',
    });
    expect(namesIn(mutations[0])).toEqual({
      added: [],
      removed: ['tr-1-request-1'],
    });
    await provider.onRequestChanged({
      requestId: 99,
      action: 'delete',
      actor: 'user:default/jane.doe',
      at: '2026-01-02T00:00:00.000Z',
    });
    expect(mutations).toHaveLength(1);
  });

  describe('approved purchases', () => {
    const boughtBy = (
      id: number,
      group: string,
      decidedAt: string,
      title = `Request ${id}`,
    ): TechRequest => ({
      ...aRequest(id, 'approved', title),
      requestingGroup: `group:default/${group}`,
      decision: {
        outcome: 'approved',
        path: 'buy',
        vendor: 'DocuSign',
        rationale: 'Nothing in house signs documents.',
        decidedBy: 'user:default/lena.fischer',
        decidedAt,
      },
    });
    const product = (mutation: EntityProviderMutation, name: string) =>
      (mutation.type === 'full' ? mutation.entities : mutation.added).find(
        e => e.entity.kind === 'Resource' && e.entity.metadata.name === name,
      );

    it('become one Resource per product and group in a full sync, described by the latest decision', async () => {
      source.requests = [
        boughtBy(7, 'legal', '2026-03-02T00:00:00.000Z', 'Sign contracts'),
        boughtBy(8, 'legal', '2026-03-05T00:00:00.000Z', 'Sign NDAs'),
        boughtBy(9, 'sales', '2026-03-01T00:00:00.000Z'),
      ];
      await provider.fullSync();
      const [full] = mutations;
      expect(namesIn(full)).toEqual([
        'tr-7-request-7',
        'tr-8-request-8',
        'tr-9-request-9',
        'docusign-legal',
        'docusign-sales',
      ]);
      const legal = product(full, 'docusign-legal')!;
      // Keyless, so that the organisation's own entity of that name takes its place.
      expect(legal.locationKey).toBeUndefined();
      expect(legal.entity.metadata.description).toContain('Sign NDAs');
      expect(legal.entity.metadata.annotations).toMatchObject({
        'backstage.io/managed-by-location':
          'url:http://localhost:7007/api/tech-requests/requests/8',
        'tech-requests.io/bought-for': '8',
      });
      expect(legal.entity.spec).toMatchObject({
        type: 'saas-subscription',
        owner: 'group:default/legal',
      });
      const requests =
        full.type === 'full'
          ? full.entities.filter(e => e.entity.kind === 'TechnologyRequest')
          : [];
      expect(requests.map(e => e.entity.spec?.fulfilledBy)).toEqual([
        'resource:default/docusign-legal',
        'resource:default/docusign-legal',
        'resource:default/docusign-sales',
      ]);
    });

    it('step aside for what the organisation registered to fulfil the request, which the request then names', async () => {
      source.requests = [
        boughtBy(7, 'legal', '2026-03-02T00:00:00.000Z'),
        boughtBy(9, 'sales', '2026-03-01T00:00:00.000Z'),
        {
          ...aRequest(10, 'in-delivery'),
          decision: {
            outcome: 'approved',
            path: 'build',
            rationale: 'Core.',
            decidedBy: 'user:default/lena.fischer',
            decidedAt: '2026-03-01T00:00:00.000Z',
          },
        },
      ];
      const registered = new Map([
        [7, 'resource:default/docusign-enterprise'],
        [10, 'component:default/booking-service'],
      ]);
      const fulfilling = new TechRequestEntityProvider({
        source,
        logger: mockServices.logger.mock(),
        apiBaseUrl: 'http://localhost:7007/api/tech-requests',
        fulfilments: {
          all: async () => registered,
          of: async id => registered.get(id),
        },
      });
      await fulfilling.connect(connection);

      await fulfilling.fullSync();
      const [full] = mutations;
      expect(namesIn(full)).toEqual([
        'tr-7-request-7',
        'tr-9-request-9',
        'tr-10-request-10',
        'docusign-sales',
      ]);
      const fulfilledBy = (mutation: EntityProviderMutation) =>
        (mutation.type === 'full' ? mutation.entities : mutation.added)
          .filter(e => e.entity.kind === 'TechnologyRequest')
          .map(e => e.entity.spec?.fulfilledBy);
      expect(fulfilledBy(full)).toEqual([
        'resource:default/docusign-enterprise',
        'resource:default/docusign-sales',
        'component:default/booking-service',
      ]);

      await fulfilling.onRequestChanged({
        requestId: 7,
        action: 'start-delivery',
        actor: 'user:default/dev.patel',
        at: '2026-03-03T00:00:00.000Z',
      });
      expect(namesIn(mutations[1])).toEqual({
        added: ['tr-7-request-7'],
        removed: ['docusign-legal'],
      });
      expect(fulfilledBy(mutations[1])).toEqual([
        'resource:default/docusign-enterprise',
      ]);
    });

    it('come with the approval event', async () => {
      source.requests = [boughtBy(7, 'legal', '2026-03-02T00:00:00.000Z')];
      await provider.onRequestChanged({
        requestId: 7,
        action: 'approve',
        actor: 'user:default/lena.fischer',
        status: 'approved',
        version: 3,
        at: '2026-03-02T00:00:00.000Z',
      });
      expect(namesIn(mutations[0])).toEqual({
        added: ['tr-7-request-7', 'docusign-legal'],
        removed: [],
      });
    });
  });

  it('waits for the catalog before applying anything', async () => {
    const unconnected = new TechRequestEntityProvider({
      source,
      logger: mockServices.logger.mock(),
      apiBaseUrl: 'http://localhost:7007/api/tech-requests',
    });
    await unconnected.onRequestChanged({
      requestId: 2,
      action: 'edit',
      actor: 'user:default/jane.doe',
      at: '2026-01-02T00:00:00.000Z',
    });
    expect(source.calls).toBe(0);
    await expect(unconnected.fullSync()).rejects.toThrow('not connected');
  });
});
