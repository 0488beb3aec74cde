// Where a reliability run keeps its data: SQLite files in a temporary folder, or PostgreSQL
// databases under a prefix of its own, dropped afterwards.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeDataDir } from '../e2e/portal.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

export const PG_VARIABLE =
  'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';

/**
 * The databases each test file runs its scenarios on: SQLite always, PostgreSQL when
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING names a server. Without it the
 * PostgreSQL runs are skipped, saying why, except in CI, where that is a failure (`missing`).
 */
export function databases() {
  const pgUrl = process.env[PG_VARIABLE];
  return [
    { id: 'SQLITE_3', name: 'SQLite' },
    {
      id: 'POSTGRES_15',
      name: 'PostgreSQL',
      url: pgUrl,
      skip:
        !pgUrl && !process.env.CI
          ? `${PG_VARIABLE} is not set, so the PostgreSQL runs are skipped`
          : false,
      missing:
        !pgUrl && process.env.CI
          ? `CI must test on PostgreSQL too, but ${PG_VARIABLE} is not set`
          : undefined,
    },
  ];
}

async function withPg(url, work) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const pgDatabasesWithPrefix = (client, prefix) =>
  client
    .query(
      'SELECT datname FROM pg_database WHERE left(datname, length($1)) = $1',
      [prefix],
    )
    .then(result => result.rows.map(row => row.datname));

/**
 * A fresh place for one run's data: a temporary folder for SQLite files and logs, and for
 * PostgreSQL a database prefix no other run uses (the backend creates `<prefix>catalog`,
 * `<prefix>tech-requests`, … on first start). `drop()` deletes the PostgreSQL databases.
 */
export async function freshStorage(database, tag) {
  const dataDir = makeDataDir();
  if (database.id !== 'POSTGRES_15') {
    return {
      dataDir,
      configs: [],
      env: {},
      describe: `SQLite files in ${dataDir}`,
      drop: async () => {},
    };
  }
  const prefix = `trrel_${tag}_${process.pid}_${Date.now().toString(36)}_`;
  const existing = await withPg(database.url, client =>
    pgDatabasesWithPrefix(client, prefix),
  );
  if (existing.length) {
    throw new Error(`databases already exist for ${prefix}: ${existing}`);
  }
  return {
    dataDir,
    configs: [path.join(here, 'app-config.postgres.yaml')],
    env: { TECH_REQUESTS_RELIABILITY_PG_PREFIX: prefix },
    describe: `PostgreSQL databases ${prefix}*`,
    /** Runs `sql` in the run's database of `plugin` (`catalog`, `tech-requests`, …): rows. */
    query: (plugin, sql, values = []) =>
      withPg(
        Object.assign(new URL(database.url), {
          pathname: `/${prefix}${plugin}`,
        }).toString(),
        client => client.query(sql, values).then(result => result.rows),
      ),
    drop: async () => {
      const left = await withPg(database.url, async client => {
        for (const name of await pgDatabasesWithPrefix(client, prefix)) {
          await client.query(
            `DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`,
          );
        }
        return pgDatabasesWithPrefix(client, prefix);
      });
      if (left.length) {
        throw new Error(`could not drop ${left.join(', ')}`);
      }
    },
  };
}
