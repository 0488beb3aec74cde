import { TechRequestsClient, TechRequestsClientOptions } from '../client';
import { TechRequest } from '../model';
import { aTechRequest } from '../testUtils';

export const BASE = 'http://backstage.example.com/api/tech-requests';

export interface RecordedCall {
  url: string;
  init: RequestInit | undefined;
}

/** A fetch that records its calls and answers with the given responses, in order. */
export function fakeFetch(...responses: Response[]) {
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

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

export function clientWith(
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

export const aRequest: TechRequest & { allowedActions: [] } = {
  ...aTechRequest({ id: 7 }),
  allowedActions: [],
};
