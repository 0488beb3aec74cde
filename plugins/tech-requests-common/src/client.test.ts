import { ResponseError } from '@backstage/errors';
import { TechRequestsClient, TechRequestsClientOptions } from './client';
import { TechRequest } from './model';
import { aTechRequest } from './testUtils';

const BASE = 'http://backstage.example.com/api/tech-requests';

interface RecordedCall {
  url: string;
  init: RequestInit | undefined;
}

/** A fetch that records its calls and answers with the given responses, in order. */
function fakeFetch(...responses: Response[]) {
  const calls: RecordedCall[] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    calls.push({ url: String(input), init });
    const response = responses.shift();
    if (!response) {
      throw new Error(`unexpected call to ${String(input)}`);
    }
    return response;
  };
  return { fetchFn, calls };
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function clientWith(
  responses: Response[],
  options: Partial<TechRequestsClientOptions> = {},
) {
  const { fetchFn, calls } = fakeFetch(...responses);
  const client = new TechRequestsClient({
    baseUrl: BASE,
    fetch: fetchFn,
    ...options,
  });
  return { client, calls };
}

const aRequest: TechRequest & { allowedActions: [] } = {
  ...aTechRequest({ id: 7 }),
  allowedActions: [],
};

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
        '/requests/12/history',
        (c: TechRequestsClient) => c.getHistory(12),
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

  describe('methods, headers and bodies', () => {
    const authorization = { Authorization: 'Bearer script-token' };

    it('creates a request with POST and a JSON body', async () => {
      const { client, calls } = clientWith([json(aRequest, 201)]);
      const input = { title: 'E-sign', need: 'Sign online', submit: true };

      await expect(client.createRequest(input)).resolves.toEqual(aRequest);

      expect(calls).toEqual([
        {
          url: `${BASE}/requests`,
          init: {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(input),
          },
        },
      ]);
    });

    it('sends the configured headers on calls with a body', async () => {
      const { client, calls } = clientWith([json(aRequest)], {
        headers: authorization,
      });
      await client.updateRequest(7, { version: 3, title: 'New title' });
      expect(calls).toEqual([
        {
          url: `${BASE}/requests/7`,
          init: {
            method: 'PATCH',
            headers: {
              Authorization: 'Bearer script-token',
              'Content-Type': 'application/json',
            },
            body: '{"version":3,"title":"New title"}',
          },
        },
      ]);
    });

    it('sends the configured headers, and no Content-Type, on calls without a body', async () => {
      const { client, calls } = clientWith([json(aRequest)], {
        headers: authorization,
      });
      await client.getRequest(7);
      expect(calls[0].init).toEqual({
        method: 'GET',
        headers: { Authorization: 'Bearer script-token' },
        body: undefined,
      });
    });

    it('posts a transition', async () => {
      const approved = { ...aRequest, status: 'approved' };
      const { client, calls } = clientWith([json(approved)]);
      const body = {
        action: 'approve' as const,
        rationale: 'Fits',
        decision: { path: 'buy' as const, vendor: 'Acme' },
        version: 4,
      };

      await expect(client.transition(7, body)).resolves.toEqual(approved);

      expect(calls).toEqual([
        {
          url: `${BASE}/requests/7/transitions`,
          init: {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          },
        },
      ]);
      expect(JSON.parse(String(calls[0].init?.body))).toEqual(body);
    });

    it('posts a review', async () => {
      const review = {
        area: 'security' as const,
        verdict: 'concerns' as const,
        comment: 'SSO?',
      };
      const stored = {
        id: 1,
        requestId: 7,
        reviewer: 'user:default/rob',
        createdAt: 'x',
        ...review,
      };
      const { client, calls } = clientWith([json(stored, 201)]);

      await expect(client.addReview(7, review)).resolves.toEqual(stored);

      expect(calls).toEqual([
        {
          url: `${BASE}/requests/7/reviews`,
          init: {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: '{"area":"security","verdict":"concerns","comment":"SSO?"}',
          },
        },
      ]);
    });

    it('posts a comment wrapped in an object', async () => {
      const stored = {
        id: 2,
        requestId: 7,
        author: 'user:default/jane.doe',
        body: 'Which data?',
        createdAt: 'x',
      };
      const { client, calls } = clientWith([json(stored, 201)]);

      await expect(client.addComment(7, 'Which data?')).resolves.toEqual(
        stored,
      );

      expect(calls).toEqual([
        {
          url: `${BASE}/requests/7/comments`,
          init: {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: '{"body":"Which data?"}',
          },
        },
      ]);
    });

    it('unwraps the items of list answers', async () => {
      const reviews = [{ id: 1 }, { id: 2 }];
      const comments = [{ id: 3 }];
      const history = [{ id: 4 }, { id: 5 }, { id: 6 }];
      const { client } = clientWith([
        json({ items: reviews }),
        json({ items: comments }),
        json({ items: history }),
      ]);

      await expect(client.listReviews(7)).resolves.toEqual(reviews);
      await expect(client.listComments(7)).resolves.toEqual(comments);
      await expect(client.getHistory(7)).resolves.toEqual(history);
    });
  });

  describe('failures', () => {
    const conflictBody = {
      error: {
        name: 'ConflictError',
        message:
          'Request 7 has changed since version 3; it is at version 4 now',
      },
      request: { method: 'PATCH', url: '/api/tech-requests/requests/7' },
      response: { statusCode: 409 },
    };

    it('rejects with a ResponseError carrying the Backstage error body', async () => {
      const { client } = clientWith([json(conflictBody, 409)]);

      const error = await client
        .updateRequest(7, { version: 3, title: 'Late edit' })
        .then(
          () => undefined,
          (e: unknown) => e,
        );

      expect(error).toBeInstanceOf(ResponseError);
      const responseError = error as ResponseError;
      expect(responseError.statusCode).toBe(409);
      expect(responseError.body).toEqual(conflictBody);
      expect(responseError.body.error.message).toBe(
        'Request 7 has changed since version 3; it is at version 4 now',
      );
      expect(responseError.body.error.name).toBe('ConflictError');
      expect(responseError.cause.name).toBe('ConflictError');
      expect(responseError.cause.message).toBe(conflictBody.error.message);
    });

    it('rejects list calls too, rather than unwrapping the error body', async () => {
      const notFound = {
        error: { name: 'NotFoundError', message: 'No request 99' },
        request: {
          method: 'GET',
          url: '/api/tech-requests/requests/99/history',
        },
        response: { statusCode: 404 },
      };
      const { client } = clientWith([json(notFound, 404)]);

      await expect(client.getHistory(99)).rejects.toMatchObject({
        name: 'ResponseError',
        statusCode: 404,
        body: { error: { name: 'NotFoundError', message: 'No request 99' } },
      });
    });

    it('wraps a body that is not a Backstage error', async () => {
      const { client } = clientWith([
        new Response('upstream timed out', {
          status: 502,
          statusText: 'Bad Gateway',
          headers: { 'Content-Type': 'text/plain' },
        }),
      ]);

      const error = await client.getRequest(7).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(ResponseError);
      expect((error as ResponseError).statusCode).toBe(502);
      expect((error as ResponseError).body.error).toEqual({
        name: 'Error',
        message:
          'Request failed with status 502 Bad Gateway, upstream timed out',
      });
    });

    it('passes on a failure of fetch itself', async () => {
      const client = new TechRequestsClient({
        baseUrl: BASE,
        fetch: async () => {
          throw new TypeError('fetch failed');
        },
      });
      await expect(client.getRequest(7)).rejects.toThrow(
        new TypeError('fetch failed'),
      );
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
