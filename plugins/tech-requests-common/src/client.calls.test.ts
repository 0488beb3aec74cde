import { ResponseError } from '@backstage/errors';
import { TechRequestsClient } from './client';
import {
  BASE,
  json,
  clientWith,
  aRequest,
} from './__testUtils__/clientSamples';

describe('TechRequestsClient', () => {
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

    it('follows the history page after page until no cursor is left', async () => {
      const { client, calls } = clientWith([
        json({ items: [{ id: 1 }, { id: 2 }], nextCursor: 'after-2' }),
        json({ items: [{ id: 3 }] }),
      ]);
      await expect(client.getHistory(7)).resolves.toEqual([
        { id: 1 },
        { id: 2 },
        { id: 3 },
      ]);
      expect(calls.map(call => call.url)).toEqual([
        `${BASE}/requests/7/history?limit=500`,
        `${BASE}/requests/7/history?limit=500&cursor=after-2`,
      ]);
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
});
