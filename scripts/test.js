#!/usr/bin/env node
// Runs the whole test suite once: every package's tests (Jest, through backstage-cli), then
// the end-to-end tests of the running example backend (test/, node's test runner). Ends with
// how many tests ran per database, and one summary line.
//
// Store and API tests run on SQLite always, and on PostgreSQL and MySQL when
// BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING and
// BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING point at servers (README.md, "Getting started").
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const DATABASE_VARIABLES = {
  POSTGRES_15: 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING',
  MYSQL_8: 'BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING',
};

const missing = Object.values(DATABASE_VARIABLES).filter(
  name => !process.env[name],
);
if (missing.length) {
  if (process.env.CI) {
    console.error(
      `CI must test every supported database; not set: ${missing.join(', ')}`,
    );
    process.exit(1);
  }
  console.log(`Not set, so those databases are skipped: ${missing.join(', ')}`);
}

const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tech-requests-tests-'));
const run = (command, args) =>
  spawnSync(command, args, { stdio: 'inherit', cwd: root }).status ?? 1;

// Package tests.
const jestResults = path.join(outDir, 'jest.json');
const jestStatus = run('npx', [
  'backstage-cli',
  'repo',
  'test',
  '--watchAll=false',
  '--json',
  `--outputFile=${jestResults}`,
  ...process.argv.slice(2),
]);

// End-to-end tests: every *.test.mjs under test/.
const e2eFiles = fs
  .readdirSync(path.join(root, 'test'), { recursive: true })
  .filter(file => file.endsWith('.test.mjs'))
  .map(file => path.join('test', file));
const tapResults = path.join(outDir, 'e2e.tap');
const e2eStatus = run('node', [
  // One file at a time: each starts the example backend on the same port.
  '--test',
  '--test-concurrency=1',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  '--test-reporter=tap',
  `--test-reporter-destination=${tapResults}`,
  ...e2eFiles,
]);

let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(jestResults)) {
  const jest = JSON.parse(fs.readFileSync(jestResults, 'utf8'));
  passed += jest.numPassedTests;
  failed += jest.numFailedTests;
  skipped += jest.numPendingTests;
  // Suites parameterised over databases are named '... on "SQLITE_3"' and so on.
  const perDatabase = {};
  for (const file of jest.testResults) {
    for (const test of file.assertionResults) {
      const match = /on "(\w+)"/.exec(test.ancestorTitles.join(' '));
      if (match) {
        const counts = (perDatabase[match[1]] ??= { passed: 0, failed: 0 });
        counts[test.status === 'passed' ? 'passed' : 'failed'] += 1;
      }
    }
  }
  for (const [database, counts] of Object.entries(perDatabase)) {
    console.log(
      `database ${database}: ${counts.passed} passed, ${counts.failed} failed`,
    );
  }
}
if (fs.existsSync(tapResults)) {
  const tap = fs.readFileSync(tapResults, 'utf8');
  const count = name =>
    Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
  passed += count('pass');
  failed += count('fail') + count('cancelled');
  skipped += count('skipped') + count('todo');
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(jestStatus || e2eStatus);
