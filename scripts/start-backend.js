#!/usr/bin/env node
// Starts examples/backend with the root app-config.yaml, plus any `--config FILE` given on the
// command line. Those paths are read relative to where the command was typed, not to
// examples/backend, so `npm run start:backend -- --config extra.yaml` works from the root.
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const typedIn = process.env.INIT_CWD || process.cwd();
const args = process.argv.slice(2);
const extra = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--config' && args[i + 1]) {
    extra.push('--config', path.resolve(typedIn, args[++i]));
  } else if (arg.startsWith('--config=')) {
    extra.push('--config', path.resolve(typedIn, arg.slice('--config='.length)));
  } else {
    extra.push(arg);
  }
}

const child = spawn(
  'npx',
  ['backstage-cli', 'package', 'start', '--config', path.join(root, 'app-config.yaml'), ...extra],
  { cwd: path.join(root, 'examples/backend'), stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', code => process.exit(code ?? 1));
