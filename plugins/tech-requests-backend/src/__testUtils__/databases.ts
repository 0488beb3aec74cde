import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';

/**
 * The databases the plugin supports. SQLite always runs; PostgreSQL and MySQL run when
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING and
 * BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING point at servers (see the README).
 */
export const SUPPORTED_DATABASES: TestDatabaseId[] = [
  'SQLITE_3',
  'POSTGRES_15',
  'MYSQL_8',
];

/** A TestDatabases over every supported database that this machine can reach. */
export function createTestDatabases(): TestDatabases {
  return TestDatabases.create({
    ids: SUPPORTED_DATABASES,
    disableDocker: true,
  });
}
