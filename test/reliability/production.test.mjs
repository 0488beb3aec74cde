// The production configuration: the example backend run as production runs it (NODE_ENV
// production, app-config.yaml with app-config.production.yaml, PostgreSQL, secrets from the
// environment). It starts, signs people in only through Microsoft, and serves a static token
// only what its access restrictions allow; with the development sign-in layered on, it
// refuses to start, naming why.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startLoggedGroup } from '../e2e/processes.mjs';
import { databases, freshStorage, print, waitFor } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const BASE_URL = 'http://localhost:7018';
const REPORTING_TOKEN = 'reporting-token-for-the-production-check';
const postgres = databases().find(database => database.id === 'POSTGRES_15');

/** The example backend in production mode, with these config files, logging to `logFile`. */
function productionBackend(configs, { env, logFile }) {
  return startLoggedGroup({
    command: process.execPath,
    args: [
      '--require',
      path.join(
        root,
        'node_modules/@backstage/cli-node/config/nodeTransform.cjs',
      ),
      'src/index',
      ...configs.flatMap(file => ['--config', path.join(root, file)]),
    ],
    cwd: path.join(root, 'examples/backend'),
    env: { NODE_ENV: 'production', ...env },
    logFile,
  });
}

describe('the production configuration', { skip: postgres.skip }, () => {
  if (postgres.missing) {
    it('has a PostgreSQL server to run on', () => {
      throw new Error(postgres.missing);
    });
    return;
  }
  const cleanups = [];
  after(async () => {
    for (const cleanup of cleanups.reverse()) {
      await cleanup();
    }
  });

  it('refuses to start with the development sign-in layered on, naming it', async () => {
    const storage = await freshStorage(postgres, 'prodrefuse');
    cleanups.push(storage.drop);
    const logFile = path.join(storage.dataDir, 'refused.log');
    const backend = productionBackend(
      [
        'app-config.yaml',
        'app-config.development.yaml',
        'test/reliability/app-config.production-check.yaml',
      ],
      { env: storage.env, logFile },
    );
    cleanups.push(() => backend.end('SIGKILL'));
    const started = Date.now();
    const code = await Promise.race([
      backend.exited,
      new Promise(resolve =>
        setTimeout(() => resolve('still running'), 120_000),
      ),
    ]);
    const log = fs.readFileSync(logFile, 'utf8');
    print(
      `production with the development sign-in: exit code ${code} after ${Date.now() - started} ms`,
    );
    assert.equal(code, 1, log.slice(-2000));
    assert.match(
      log,
      /x-forwarded-user header sign-in lets any caller act as anyone/,
    );
    assert.match(log, /dangerouslyAllowInProduction/);
  });

  it(
    'starts on PostgreSQL with a real sign-in and a restricted static token',
    { timeout: 240_000 },
    async () => {
      const storage = await freshStorage(postgres, 'prod');
      cleanups.push(storage.drop);
      const pg = new URL(postgres.url);
      const backend = productionBackend(
        [
          'app-config.yaml',
          'app-config.production.yaml',
          'test/reliability/app-config.production-check.yaml',
        ],
        {
          env: {
            ...storage.env,
            APP_BASE_URL: 'http://localhost:3018',
            BACKEND_BASE_URL: BASE_URL,
            POSTGRES_HOST: pg.hostname,
            POSTGRES_PORT: pg.port || '5432',
            POSTGRES_USER: decodeURIComponent(pg.username || 'postgres'),
            POSTGRES_PASSWORD: decodeURIComponent(pg.password || 'unused'),
            TECH_REQUESTS_REPORTING_TOKEN: REPORTING_TOKEN,
            AUTH_SESSION_SECRET: 'a-session-secret-for-the-check',
            AUTH_MICROSOFT_CLIENT_ID: 'client-id',
            AUTH_MICROSOFT_CLIENT_SECRET: 'client-secret',
            AUTH_MICROSOFT_TENANT_ID: 'tenant-id',
          },
          logFile: path.join(storage.dataDir, 'production.log'),
        },
      );
      cleanups.push(() => backend.end('SIGTERM'));
      const started = Date.now();
      await waitFor(
        async () => (await fetch(`${BASE_URL}/api/tech-requests/health`)).ok,
        {
          timeoutMs: 180_000,
          what: `the production backend (log: ${backend.logFile})`,
        },
      );
      print(
        `production backend up in ${Date.now() - started} ms on ${storage.describe}`,
      );

      const header = await fetch(`${BASE_URL}/api/auth/oauth2Proxy/refresh`, {
        headers: { 'x-forwarded-user': 'lena.fischer' },
      });
      assert.equal(header.status, 404, 'no header sign-in in production');
      const microsoft = await fetch(
        `${BASE_URL}/api/auth/microsoft/start?env=production`,
        { redirect: 'manual' },
      );
      assert.equal(microsoft.status, 302);
      assert.match(
        microsoft.headers.get('location'),
        /^https:\/\/login\.microsoftonline\.com\/tenant-id\//,
      );

      const asReporting = urlPath =>
        fetch(`${BASE_URL}${urlPath}`, {
          headers: { Authorization: `Bearer ${REPORTING_TOKEN}` },
        });
      const list = await asReporting('/api/tech-requests/requests');
      assert.equal(list.status, 200);
      assert.deepEqual(await list.json(), { items: [], totalCount: 0 });
      const catalog = await asReporting('/api/catalog/entities?limit=1');
      assert.equal(
        catalog.status,
        403,
        'the token is restricted to tech-requests',
      );
      const unknown = await fetch(`${BASE_URL}/api/tech-requests/requests`, {
        headers: { Authorization: 'Bearer not-a-token' },
      });
      assert.equal(unknown.status, 401);
    },
  );
});
