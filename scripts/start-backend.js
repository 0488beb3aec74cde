#!/usr/bin/env node
// Starts examples/backend with the root app-config.yaml, plus any `--config FILE` given on the
// command line. Those paths are read relative to where the command was typed, not to
// examples/backend, so `npm run start:backend -- --config extra.yaml` works from the root.
//
// On a first start (no requests yet) it loads the example requests, so the portal is not
// empty; TECH_REQUESTS_SEED=false turns that off.
const { spawn } = require('node:child_process');
const path = require('node:path');
const { seedExamples } = require('./seed-examples');

const root = path.resolve(__dirname, '..');
const typedIn = process.env.INIT_CWD || process.cwd();
const args = process.argv.slice(2);
const extra = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--config' && args[i + 1]) {
    extra.push('--config', path.resolve(typedIn, args[++i]));
  } else if (arg.startsWith('--config=')) {
    extra.push(
      '--config',
      path.resolve(typedIn, arg.slice('--config='.length)),
    );
  } else {
    extra.push(arg);
  }
}

const child = spawn(
  'npx',
  [
    'backstage-cli',
    'package',
    'start',
    '--config',
    path.join(root, 'app-config.yaml'),
    ...extra,
  ],
  { cwd: path.join(root, 'examples/backend'), stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', code => process.exit(code ?? 1));

async function seedWhenUp(baseUrl) {
  for (let attempt = 0; attempt < 240 && child.exitCode === null; attempt++) {
    try {
      if ((await fetch(`${baseUrl}/api/tech-requests/health`)).ok) {
        const loaded = await seedExamples(baseUrl);
        if (loaded) {
          console.log(`Loaded ${loaded} example technology requests`);
        }
        return;
      }
    } catch (error) {
      if (error.cause?.code !== 'ECONNREFUSED') {
        console.warn(`Example requests not loaded: ${error.message}`);
        return;
      }
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}

if (process.env.TECH_REQUESTS_SEED !== 'false') {
  seedWhenUp(process.env.TECH_REQUESTS_BASE_URL ?? 'http://localhost:7007');
}
