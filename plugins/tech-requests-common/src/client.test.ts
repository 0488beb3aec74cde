import { TechRequestsClient } from './client';
import {
  BASE,
  fakeFetch,
  json,
  clientWith,
  aRequest,
} from './__testUtils__/clientSamples';

describe('TechRequestsClient', () => {
  describe('URL building', () => {
    it('appends the path to the base URL', async () => {
      const { client, calls } = clientWith([json(aRequest)]);
      await client.getRequest(7);
      expect(calls.map(call => call.url)).toEqual([`${BASE}/requests/7`]);
    });

    it('drops a trailing slash of the base URL', async () => {
      const { client, calls } = clientWith([json(aRequest)], {
        baseUrl: `${BASE}/`,
      });
      await client.getRequest(7);
      expect(calls.map(call => call.url)).toEqual([`${BASE}/requests/7`]);
    });

    it('asks an async baseUrl function on every call', async () => {
      const bases = [`${BASE}/`, 'http://other.example.com/api/tech-requests'];
      let asked = 0;
      const { client, calls } = clientWith([json(aRequest), json(aRequest)], {
        baseUrl: async () => bases[asked++],
      });

      await client.getRequest(1);
      await client.getRequest(2);

      expect(asked).toBe(2);
      expect(calls.map(call => call.url)).toEqual([
        `${BASE}/requests/1`,
        'http://other.example.com/api/tech-requests/requests/2',
      ]);
    });

    it('rejects with the error of the baseUrl function without calling fetch', async () => {
      const { client, calls } = clientWith([], {
        baseUrl: async () => {
          throw new Error('discovery failed');
        },
      });
      await expect(client.getRequest(1)).rejects.toThrow('discovery failed');
      expect(calls).toEqual([]);
    });

    it.each([
      [
        'getRequest',
        '/requests/12',
        (c: TechRequestsClient) => c.getRequest(12),
      ],
      [
        'listReviews',
        '/requests/12/reviews',
        (c: TechRequestsClient) => c.listReviews(12),
      ],
      [
        'listComments',
        '/requests/12/comments',
        (c: TechRequestsClient) => c.listComments(12),
      ],
      [
        'getHistory',
        '/requests/12/history?limit=500',
        (c: TechRequestsClient) => c.getHistory(12),
      ],
      [
        'getHistoryPage',
        '/requests/12/history?limit=50&cursor=abc',
        (c: TechRequestsClient) =>
          c.getHistoryPage(12, { limit: 50, cursor: 'abc' }),
      ],
    ])('%s reads GET %s', async (_name, path, call) => {
      const { client, calls } = clientWith([json({ items: [], ...aRequest })]);
      await call(client);
      expect(calls).toEqual([
        {
          url: `${BASE}${path}`,
          init: { method: 'GET', headers: {}, body: undefined },
        },
      ]);
    });
  });

  describe('listRequests', () => {
    const page = { items: [aRequest], totalCount: 1 };

    it('sends no query string when there are no filters', async () => {
      const { client, calls } = clientWith([json(page), json(page)]);
      await client.listRequests();
      await client.listRequests({});
      expect(calls.map(call => call.url)).toEqual([
        `${BASE}/requests`,
        `${BASE}/requests`,
      ]);
    });

    it('repeats status, encodes values, keeps 0 and leaves out undefined', async () => {
      const { client, calls } = clientWith([json(page)]);

      await expect(
        client.listRequests({
          status: ['submitted', 'in-review'],
          requestingGroup: 'group:default/legal',
          requester: undefined,
          q: 'e-sign & more',
          sort: 'title',
          order: 'asc',
          limit: 10,
          offset: 0,
          cursor: undefined,
        }),
      ).resolves.toEqual(page);

      expect(calls).toHaveLength(1);
      expect(calls[0].url).toBe(
        `${BASE}/requests?status=submitted&status=in-review&requestingGroup=group%3Adefault%2Flegal&q=e-sign+%26+more&sort=title&order=asc&limit=10&offset=0`,
      );
      const params = new URL(calls[0].url).searchParams;
      expect(params.getAll('status')).toEqual(['submitted', 'in-review']);
      expect(params.get('requestingGroup')).toBe('group:default/legal');
      expect(params.get('q')).toBe('e-sign & more');
      expect(params.has('requester')).toBe(false);
      expect(params.has('cursor')).toBe(false);
      expect(calls[0].init).toEqual({
        method: 'GET',
        headers: {},
        body: undefined,
      });
    });

    it('sends a single status and a cursor', async () => {
      const { client, calls } = clientWith([json(page)]);
      await client.listRequests({
        status: ['approved'],
        cursor: 'eyJpZCI6N30=',
      });
      expect(calls[0].url).toBe(
        `${BASE}/requests?status=approved&cursor=eyJpZCI6N30%3D`,
      );
    });

    it('sends nothing for an empty status list', async () => {
      const { client, calls } = clientWith([json(page)]);
      await client.listRequests({ status: [], limit: 5 });
      expect(calls[0].url).toBe(`${BASE}/requests?limit=5`);
    });
  });

  describe('default fetch', () => {
    const originalFetch = globalThis.fetch;

    afterEach(() => {
      globalThis.fetch = originalFetch;
    });

    it('uses the global fetch when none is given', async () => {
      const { fetchFn, calls } = fakeFetch(json(aRequest));
      globalThis.fetch = fetchFn;
      const client = new TechRequestsClient({ baseUrl: BASE });

      await expect(client.getRequest(7)).resolves.toEqual(aRequest);

      expect(calls.map(call => call.url)).toEqual([`${BASE}/requests/7`]);
    });
  });
});

describe('deleteRequest', () => {
  it('sends DELETE and accepts the empty 204 answer', async () => {
    const { client, calls } = clientWith([new Response(null, { status: 204 })]);
    await expect(client.deleteRequest(7)).resolves.toBeUndefined();
    expect(calls.map(c => [c.init?.method, c.url])).toEqual([
      ['DELETE', `${BASE}/requests/7`],
    ]);
  });

  it('rejects with the backend error when deleting is not allowed', async () => {
    const { client } = clientWith([
      json(
        {
          error: {
            name: 'ConflictError',
            message: "'delete' is not possible while the request is submitted",
          },
          request: { method: 'DELETE', url: '/requests/7' },
          response: { statusCode: 409 },
        },
        409,
      ),
    ]);
    await expect(client.deleteRequest(7)).rejects.toMatchObject({
      statusCode: 409,
    });
  });
});
