#!/usr/bin/env node
// Runs every package's tests once (no watch mode) and ends with a one-line summary.
// Store and API tests run on SQLite always, and on PostgreSQL and MySQL when
// BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING and
// BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING point at servers (README.md, "Tests").
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const DATABASES = {
  PostgreSQL: 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING',
  MySQL: 'BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING',
};
const reachable = ['SQLite', ...Object.keys(DATABASES).filter(name => process.env[DATABASES[name]])];
const missing = Object.keys(DATABASES).filter(name => !process.env[DATABASES[name]]);
console.log(`Database tests run on: ${reachable.join(', ')}`);
if (missing.length) {
  const message = `Not configured: ${missing.map(name => DATABASES[name]).join(', ')}`;
  if (process.env.CI) {
    console.error(`${message}. CI must test every supported database.`);
    process.exit(1);
  }
  console.log(`${message} (those databases are skipped).`);
}

const results = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tech-requests-tests-')), 'results.json');
const run = spawnSync(
  'npx',
  ['backstage-cli', 'repo', 'test', '--watchAll=false', '--json', `--outputFile=${results}`, ...process.argv.slice(2)],
  { stdio: 'inherit', cwd: path.resolve(__dirname, '..') },
);
if (fs.existsSync(results)) {
  const { numPassedTests, numFailedTests, numPendingTests } = JSON.parse(fs.readFileSync(results, 'utf8'));
  console.log(`tests: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests} skipped`);
}
process.exit(run.status ?? 1);
