#!/usr/bin/env node
// Starts examples/backend in development with the root app-config.yaml and
// app-config.development.yaml, plus any `--config FILE` given on the command line. Those paths are read relative to where the command was typed, not to
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

const watcherCommand = [
  path.join(root, 'node_modules/.bin/backstage-cli'),
  [
    'package',
    'start',
    '--config',
    path.join(root, 'app-config.yaml'),
    '--config',
    path.join(root, 'app-config.development.yaml'),
    ...extra,
  ],
  { cwd: path.join(root, 'examples/backend'), stdio: 'inherit' },
];

// The watcher (backstage-cli) runs the backend and restarts it when a source file changes.
// It is started directly, not through npx, so that a signal sent to it reaches the backend.
let watcher;
let replacing = false;
function startWatcher() {
  watcher = spawn(...watcherCommand);
  watcher.on('exit', code => {
    if (replacing) {
      replacing = false;
      startWatcher();
    } else {
      process.exit(code ?? 1);
    }
  });
}
startWatcher();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    watcher.kill(signal);
    // A watcher whose backend died does not exit on a signal: it waits for that backend.
    setTimeout(() => watcher.kill('SIGKILL'), 15_000).unref();
  });
}

/**
 * Starts the watcher and the backend again. A watcher whose backend died waits for a file
 * change that would not help (and would not restart it either), so it is replaced.
 */
function replaceWatcher() {
  replacing = true;
  watcher.kill('SIGKILL');
}

async function seedWhenUp(baseUrl) {
  for (let attempt = 0; attempt < 240; attempt++) {
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

/** Whether the backend answers at all: a refused connection means no process listens. */
async function listening(baseUrl) {
  try {
    await fetch(`${baseUrl}/api/tech-requests/health`, {
      signal: AbortSignal.timeout(10_000),
    });
    return true;
  } catch (error) {
    // A slow answer under load is still an answer.
    return error.cause?.code !== 'ECONNREFUSED';
  }
}

/**
 * The watcher restarts the backend when a source file changes, but not when the backend
 * process dies (a crash, an out-of-memory kill): it would wait, and this script with it.
 * Once the backend has answered, a port refusing connections for longer than a restart takes
 * means it died: start it again, and give up, exiting, when that does not bring it back.
 */
async function superviseBackend(baseUrl) {
  const DOWN_BEFORE_RESTART_MS = 45_000;
  const DOWN_BEFORE_GIVING_UP_MS = 180_000;
  const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
  let wasUp = false;
  let downSince;
  let restartedAt;
  for (;;) {
    await sleep(2000);
    if (await listening(baseUrl)) {
      wasUp = true;
      downSince = undefined;
      restartedAt = undefined;
      continue;
    }
    if (!wasUp) {
      continue;
    }
    const now = Date.now();
    downSince ??= now;
    if (restartedAt && now - restartedAt > DOWN_BEFORE_GIVING_UP_MS) {
      console.error(
        `The backend did not come back ${Math.round((now - restartedAt) / 1000)} s after a restart; stopping.`,
      );
      watcher.kill('SIGKILL');
      process.exit(1);
    }
    if (!restartedAt && now - downSince > DOWN_BEFORE_RESTART_MS) {
      console.error(
        `The backend has not answered on ${baseUrl} for ${Math.round((now - downSince) / 1000)} s: its process died. Starting it again.`,
      );
      restartedAt = now;
      replaceWatcher();
    }
  }
}

const baseUrl = process.env.TECH_REQUESTS_BASE_URL ?? 'http://localhost:7007';
if (process.env.TECH_REQUESTS_SEED !== 'false') {
  seedWhenUp(baseUrl);
}
superviseBackend(baseUrl);
