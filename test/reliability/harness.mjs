// Shared by the reliability tests: the databases they run on, a backend they start, kill and
// restart themselves (on loopback, port 7017, like the end-to-end tests), an HTTP client that
// counts and times out every request, and the figures they print.
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import {
  API,
  BASE_URL,
  makeDataDir,
  tokenFor,
  waitFor,
} from '../e2e/portal.mjs';
import { startLoggedGroup } from '../e2e/processes.mjs';

export { API, BASE_URL, makeDataDir, tokenFor, waitFor };
export { databases, freshStorage, PG_VARIABLE } from './storage.mjs';
import { databases, freshStorage } from './storage.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

/** Writes a figure line to the test's output, where the spec reporter shows it. */
export function print(...lines) {
  for (const line of lines) {
    process.stdout.write(`[reliability] ${line}\n`);
  }
}

/** The backend started last (its `logFile` and `log()`), to explain failures. */
let lastLog;

/**
 * Whether backstage-cli restarted the backend since it started, because a source file
 * changed: someone editing the plugins meanwhile explains requests that fail.
 */
export function restartedByDevServer() {
  if (!lastLog) {
    return false;
  }
  // The first start prints it too, when files change while it compiles.
  return /Change detected, restarting/.test(lastLog.log());
}

function explained(error) {
  if (restartedByDevServer()) {
    error.message += ` (the backend restarted meanwhile because a source file changed; log: ${lastLog.logFile})`;
  }
  return error;
}

async function portAnswers() {
  try {
    await fetch(`${API}/health`, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs the example backend as README.md does (`npm run start:backend`) on `storage`, with the
 * e2e config, app-config.reliability.yaml (loopback only), the storage's configs and then
 * `configs` layered on, without the example requests, logging to `logFile`. `env` names where
 * it answers (TECH_REQUESTS_BASE_URL) and anything else it needs; the storage's env comes last.
 * Answers startLoggedGroup's handle: one backend and a split deployment's sides start alike.
 */
export function spawnExampleBackend(storage, { logFile, configs = [], env }) {
  const layered = [
    path.join(root, 'test/e2e/app-config.e2e.yaml'),
    path.join(here, 'app-config.reliability.yaml'),
    ...storage.configs,
    ...configs,
  ];
  return startLoggedGroup({
    command: 'npm',
    args: [
      'run',
      'start:backend',
      '--',
      ...layered.flatMap(file => ['--config', file]),
    ],
    cwd: root,
    env: {
      TECH_REQUESTS_E2E_DATA_DIR: storage.dataDir,
      TECH_REQUESTS_SEED: 'false',
      ...env,
      ...storage.env,
    },
    logFile,
  });
}

/**
 * Starts the example backend (spawnExampleBackend) on BASE_URL and waits until the API
 * answers and `people` can sign in. The answer can `stop()` it (SIGTERM), `kill()` it (SIGKILL
 * to the whole process group, as a crash would) and tell its `logFile`.
 */
export async function startBackend(storage, people = ['jane.doe']) {
  if (await portAnswers()) {
    throw new Error(
      `something already answers on ${BASE_URL}; stop it before running these tests`,
    );
  }
  const logFile = path.join(storage.dataDir, 'backend.log');
  const startedAt = Date.now();
  const backend = spawnExampleBackend(storage, {
    logFile,
    env: { TECH_REQUESTS_BASE_URL: BASE_URL },
  });
  lastLog = backend;
  const { child } = backend;
  /** SIGKILL to every process of the group, then waits until the port is free. */
  const kill = async () => {
    // Straight away, as a crash would: no SIGTERM first.
    await backend.signal('SIGKILL', 10_000);
    backend.closeLog();
    await waitFor(async () => !(await portAnswers()), {
      timeoutMs: 30_000,
      what: 'the killed backend to let go of its port',
    });
  };
  const stop = async () => {
    // SIGTERM, then whatever is left of the group (the backend under backstage-cli) goes too.
    await backend.end('SIGTERM', 10_000);
    await waitFor(async () => !(await portAnswers()), {
      timeoutMs: 30_000,
      what: 'the backend to let go of its port',
    });
  };
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) {
          throw new Error(`the backend exited with ${child.exitCode}`);
        }
        return (await fetch(`${API}/health`)).ok;
      },
      { timeoutMs: 180_000, what: `the backend (log: ${logFile})` },
    );
    for (const person of people) {
      await waitFor(async () => Boolean(await tokenFor(person)), {
        timeoutMs: 120_000,
        what: `the catalog to know ${person} (log: ${logFile})`,
      });
    }
  } catch (error) {
    await kill();
    throw explained(error);
  }
  return {
    stop,
    kill,
    logFile,
    pid: child.pid,
    startupMs: Date.now() - startedAt,
  };
}

/** Signs in every person, answering a map from name to token. */
export async function tokensFor(people) {
  const tokens = {};
  for (const person of people) {
    tokens[person] = await tokenFor(person);
  }
  return tokens;
}

/**
 * An HTTP client that allows at most `limit` requests and `timeoutMs` for each: every test
 * is bounded in time and in the number of requests it makes.
 */
export class Client {
  /** `baseUrl` is the backend's, for a backend on another port than the shared one. */
  constructor(limit, timeoutMs = 30_000, baseUrl = BASE_URL) {
    this.limit = limit;
    this.timeoutMs = timeoutMs;
    this.baseUrl = baseUrl;
    this.used = 0;
  }

  /**
   * Sends a request to the API (or to `/api/...` paths of the backend). `body` is sent as
   * JSON; `raw` as it is, with `contentType` (JSON unless told). Answers the status, the parsed
   * body (or the text, when it is not JSON), its content type and how long it took.
   */
  async send(token, method, urlPath, { body, raw, contentType, headers } = {}) {
    this.used += 1;
    if (this.used > this.limit) {
      throw new Error(`request budget of ${this.limit} exceeded`);
    }
    const url = urlPath.startsWith('/api/')
      ? `${this.baseUrl}${urlPath}`
      : `${this.baseUrl}/api/tech-requests${urlPath}`;
    const payload =
      raw !== undefined
        ? raw
        : body === undefined
          ? undefined
          : JSON.stringify(body);
    const started = performance.now();
    const res = await fetch(url, {
      method,
      headers: {
        ...(token && { Authorization: `Bearer ${token}` }),
        ...(payload !== undefined && {
          'Content-Type': contentType ?? 'application/json',
        }),
        ...headers,
      },
      body: payload,
      signal: AbortSignal.timeout(this.timeoutMs),
    }).catch(error => {
      throw explained(error);
    });
    const text = await res.text();
    const ms = performance.now() - started;
    let parsed = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: keep the text.
    }
    return {
      status: res.status,
      body: parsed,
      ms,
      contentType: res.headers.get('content-type') ?? '',
    };
  }
}

/**
 * Every request as GET /requests lists it: the total, each id with its version (`items`),
 * and the requests themselves (`records`).
 */
export async function snapshot(client, token) {
  const items = [];
  const records = [];
  let cursor;
  let totalCount;
  for (let page = 0; page < 100; page++) {
    const query = new URLSearchParams({
      sort: 'created',
      order: 'asc',
      limit: '100',
      ...(cursor && { cursor }),
    });
    const res = await client.send(token, 'GET', `/requests?${query}`);
    if (res.status !== 200) {
      throw new Error(`GET /requests answered ${res.status}`);
    }
    totalCount ??= res.body.totalCount;
    items.push(...res.body.items.map(item => [item.id, item.version]));
    records.push(...res.body.items);
    cursor = res.body.nextCursor;
    if (!cursor) {
      break;
    }
  }
  return { totalCount, items, records };
}

/** The value below which `share` (0–1) of the sorted numbers lie (nearest rank). */
export function percentile(sorted, share) {
  if (!sorted.length) {
    return NaN;
  }
  const rank = Math.ceil(share * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export const ms = value => `${Math.round(value)} ms`;

/**
 * The describe block of one database: runs `body(database)` inside `describe('... on "ID"')`
 * (the suffix scripts/test.js uses to count per database), skipping PostgreSQL without a
 * server outside CI, and failing in CI.
 */
export function perDatabase(title, options, body) {
  for (const database of databases()) {
    const name = `${title} on "${database.id}"`;
    if (database.missing) {
      describe(name, () => {
        it('has a PostgreSQL server to run on', () => {
          throw new Error(database.missing);
        });
      });
      continue;
    }
    if (database.skip) {
      // A skipped test rather than a skipped suite, so that the run counts it as skipped.
      print(`${name}: skipped, ${database.skip}`);
      describe(name, () => {
        it(`runs on ${database.name}`, { skip: database.skip }, () => {});
      });
      continue;
    }
    describe(name, options, () => {
      after(() => {
        if (restartedByDevServer()) {
          print(
            `${name}: WARNING: the backend restarted during these tests because a source file changed (${lastLog.logFile}); their results are not to be trusted`,
          );
        }
      });
      body(database);
    });
  }
}

/**
 * Starts the example backend for the tests of the calling describe block: a before hook puts
 * it on fresh storage (`freshStorage(database, prefix)`), waits until `people` can sign in,
 * signs them in (unless `signIn` is false) and prints how long it took; an after hook stops it
 * and drops the storage. Answers an object whose `storage`, `backend` and `tokens` are set once
 * it has started. A test that restarts the backend assigns the new one to `backend`, so that
 * the after hook stops that one.
 */
export function exampleBackendFor(
  database,
  prefix,
  people,
  { signIn = true } = {},
) {
  const example = { storage: undefined, backend: undefined, tokens: undefined };
  before(async () => {
    example.storage = await freshStorage(database, prefix);
    example.backend = await startBackend(example.storage, people);
    if (signIn) {
      example.tokens = await tokensFor(people);
    }
    print(
      `${database.id}: backend up in ${ms(example.backend.startupMs)} on ${example.storage.describe}`,
    );
  });
  after(async () => {
    await example.backend?.stop();
    await example.storage?.drop();
  });
  return example;
}

/** A low-risk request's answers: no mandatory review holds a decision back. */
export const LOW_RISK = {
  dataClassification: 'public',
  hosting: 'on-premises',
  signIn: 'company-account',
  dataLocation: 'eu',
  handlesPersonalData: false,
};

/** The example people of examples/catalog/org.yaml, with the groups they belong to. */
export function examplePeople() {
  const text = fs.readFileSync(
    path.join(root, 'examples/catalog/org.yaml'),
    'utf8',
  );
  return parseAllDocuments(text)
    .map(doc => doc.toJS())
    .filter(entity => entity?.kind === 'User')
    .map(entity => ({
      name: entity.metadata.name,
      groups: entity.spec?.memberOf ?? [],
    }));
}

/**
 * What the catalog's own tables say about the technology requests, for a failure to explain
 * itself: how many the providers handed over, processed, stitched, with errors, and when the
 * catalog means to look at them next.
 */
export async function catalogState(storage) {
  if (!storage.query) {
    return [];
  }
  try {
    const [row] = await storage.query(
      'catalog',
      `SELECT count(*) AS handed_over,
              count(rs.processed_entity) AS processed,
              count(fe.final_entity) AS stitched,
              count(*) FILTER (WHERE rs.errors IS NOT NULL AND rs.errors <> '[]') AS with_errors,
              count(sq.entity_ref) AS awaiting_stitch,
              min(rs.next_update_at) - now() AS next_update_min,
              max(rs.next_update_at) - now() AS next_update_max,
              min(sq.next_stitch_at) - now() AS next_stitch_min,
              (SELECT rs2.errors FROM refresh_state rs2
                 WHERE rs2.entity_ref LIKE 'technologyrequest:%' AND rs2.errors <> '[]' LIMIT 1) AS an_error
         FROM refresh_state rs
         LEFT JOIN final_entities fe ON fe.entity_id = rs.entity_id
         LEFT JOIN stitch_queue sq ON sq.entity_ref = rs.entity_ref
        WHERE rs.entity_ref LIKE 'technologyrequest:%'`,
    );
    return [`catalog tables: ${JSON.stringify(row)}`];
  } catch (error) {
    return [`catalog tables unreadable: ${error.message}`];
  }
}

/**
 * Of the given request titles, those the catalog processed and then never stitched: a result
 * hash is stored, no final entity exists and no stitch is pending. The catalog writes the
 * processed entity and marks it for stitching in two steps; an instance killed between them
 * leaves an entity that every later processing finds unchanged and never stitches, until its
 * content changes. Empty where the catalog's tables cannot be read.
 */
export async function processedNeverStitched(storage, titles) {
  if (!storage.query || titles.length === 0) {
    return [];
  }
  const rows = await storage.query(
    'catalog',
    `SELECT t.title
       FROM unnest($1::text[]) AS t(title)
       JOIN refresh_state rs
         ON rs.entity_ref LIKE 'technologyrequest:%'
        AND rs.unprocessed_entity::jsonb -> 'metadata' ->> 'title' = t.title
       LEFT JOIN final_entities fe ON fe.entity_id = rs.entity_id
       LEFT JOIN stitch_queue sq ON sq.entity_ref = rs.entity_ref
      WHERE rs.processed_entity IS NOT NULL
        AND rs.result_hash IS NOT NULL AND rs.result_hash <> ''
        AND fe.final_entity IS NULL
        AND sq.entity_ref IS NULL`,
    [titles],
  );
  return rows.map(row => row.title);
}

/**
 * Where each of the requests titled `titles` stands in the catalog's own tables (PostgreSQL
 * only): not handed over by the provider, or handed over and then processed, stitched or
 * waiting for either, and whether the rows its filters search were written. One line per
 * distinct standing, with how many and an example.
 */
export async function catalogStandingOf(storage, titles) {
  if (!storage.query || titles.length === 0) {
    return [];
  }
  try {
    const rows = await storage.query(
      'catalog',
      `SELECT t.title,
              rs.entity_ref IS NOT NULL AS handed_over,
              rs.processed_entity IS NOT NULL AS processed,
              rs.result_hash IS NOT NULL AND rs.result_hash <> '' AS has_result_hash,
              fe.final_entity IS NOT NULL AS stitched,
              (SELECT count(*) FROM search WHERE search.entity_id = rs.entity_id)::int
                AS search_rows,
              sq.entity_ref IS NOT NULL AS awaiting_stitch,
              round(extract(epoch FROM rs.next_update_at - now())) AS next_update_s,
              round(extract(epoch FROM sq.next_stitch_at - now())) AS next_stitch_s,
              rs.errors
         FROM unnest($1::text[]) AS t(title)
         LEFT JOIN refresh_state rs
           ON rs.entity_ref LIKE 'technologyrequest:%'
          AND rs.unprocessed_entity::jsonb -> 'metadata' ->> 'title' = t.title
         LEFT JOIN final_entities fe ON fe.entity_id = rs.entity_id
         LEFT JOIN stitch_queue sq ON sq.entity_ref = rs.entity_ref`,
      [titles],
    );
    const standings = new Map();
    for (const { title, ...standing } of rows) {
      const key = JSON.stringify({
        ...standing,
        next_update_s: standing.next_update_s === null ? null : '…',
        next_stitch_s: standing.next_stitch_s === null ? null : '…',
      });
      const entry = standings.get(key) ?? { count: 0, title, standing };
      entry.count += 1;
      standings.set(key, entry);
    }
    return [...standings.values()].map(
      ({ count, title, standing }) =>
        `${count} not in the catalog's answer, standing like "${title}": ${JSON.stringify(standing)}`,
    );
  } catch (error) {
    return [`catalog tables unreadable: ${error.message}`];
  }
}

/** The last `count` lines of an instance's log. */
export function logTail(logFile, count) {
  const lines = fs.readFileSync(logFile, 'utf8').trimEnd().split('\n');
  return [`last ${count} lines of ${logFile}:`, ...lines.slice(-count)];
}
