import { ServiceUnavailableError } from '@backstage/errors';
import { readCatalog } from './catalogReads';

const responseError = (statusCode: number) =>
  Object.assign(new Error(`Request failed with ${statusCode}`), {
    name: 'ResponseError',
    statusCode,
  });

describe('readCatalog', () => {
  it('answers what the catalog answered', async () => {
    await expect(readCatalog('x', async () => 42)).resolves.toBe(42);
  });

  it.each([
    [
      'the catalog refuses the connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:7007'), {
        code: 'ECONNREFUSED',
      }),
    ],
    ['the catalog answers 500', responseError(500)],
    ['the catalog answers 503', responseError(503)],
  ])('fails with 503 when %s', async (_case, error) => {
    const read = readCatalog('component:default/esign', () =>
      Promise.reject(error),
    );
    await expect(read).rejects.toBeInstanceOf(ServiceUnavailableError);
    await expect(read).rejects.toThrow(
      /The catalog could not be read \(component:default\/esign\); try again shortly/,
    );
  });

  it('fails with 503 when the catalog does not answer in time', async () => {
    const read = readCatalog(
      'the assessed entities',
      () => new Promise(() => {}),
      20,
    );
    await expect(read).rejects.toBeInstanceOf(ServiceUnavailableError);
    await expect(read).rejects.toThrow(/did not answer within 20 ms/);
  });

  it.each([[400], [403], [404]])(
    'passes the catalog answering %p through',
    async status => {
      const error = responseError(status);
      await expect(readCatalog('x', () => Promise.reject(error))).rejects.toBe(
        error,
      );
    },
  );
});
