#!/usr/bin/env node
// Starts the example portal: the backend (scripts/start-backend.js, which also loads the
// example requests on a first start) and the frontend app on http://localhost:3000.
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const children = [
  spawn(
    'node',
    [path.join(__dirname, 'start-backend.js'), ...process.argv.slice(2)],
    {
      cwd: root,
      stdio: 'inherit',
    },
  ),
  spawn(
    'npx',
    [
      'backstage-cli',
      'package',
      'start',
      '--config',
      path.join(root, 'app-config.yaml'),
    ],
    { cwd: path.join(root, 'examples/app'), stdio: 'inherit' },
  ),
];
const stopAll = signal =>
  children.forEach(child => child.exitCode === null && child.kill(signal));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => stopAll(signal));
}
for (const child of children) {
  child.on('exit', code => {
    stopAll('SIGTERM');
    process.exit(code ?? 1);
  });
}
