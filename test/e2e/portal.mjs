// Starts and stops the example backend for end-to-end tests, the way README.md does.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLoggedGroup } from './processes.mjs';

const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);
export const BASE_URL = 'http://localhost:7017';
export const APP_URL = 'http://localhost:3017';
export const API = `${BASE_URL}/api/tech-requests`;

/** Debian's Chromium, which the browser tests drive with playwright-core. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Why a browser test is skipped, or false: CI installs Chromium and must run them; elsewhere a
 * missing browser skips them, saying why.
 */
export const browserSkip =
  !process.env.CI && !fs.existsSync(CHROMIUM)
    ? `no Chromium at ${CHROMIUM}: install Debian's chromium package, or set CHROMIUM_PATH`
    : false;

/** A fresh data folder for one test run. */
export function makeDataDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tech-requests-e2e-'));
}

export async function waitFor(check, { timeoutMs, what }) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      if (await check()) {
        return;
      }
    } catch (error) {
      lastError = error;
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error(
    `Timed out waiting for ${what}${lastError ? `: ${lastError.message}` : ''}`,
  );
}

/** Signs in as an example person through the development auth provider; returns a token. */
export async function tokenFor(userName) {
  const res = await fetch(`${BASE_URL}/api/auth/oauth2Proxy/refresh`, {
    headers: { 'x-forwarded-user': userName },
  });
  if (!res.ok) {
    throw new Error(`sign-in as ${userName} answered ${res.status}`);
  }
  return (await res.json()).backstageIdentity.token;
}

/**
 * Starts a long-running command in its own process group, logging to `<dataDir>/<name>.log`,
 * and waits for `ready`; the answer's `stop` ends the whole group.
 */
async function startProcess({ name, command, args, cwd, env, dataDir, ready }) {
  const logFile = path.join(dataDir, `${name}.log`);
  const group = startLoggedGroup({ command, args, cwd, env, logFile });
  let stopped = false;
  const stop = async () => {
    if (stopped) {
      return;
    }
    stopped = true;
    if (group.child.exitCode === null) {
      await group.signal('SIGTERM', 10_000);
      // Only a command that outlasted SIGTERM is killed; once it has exited, the rest of
      // its group is left to shut down by itself.
      if (group.child.exitCode === null) {
        group.signalGroup('SIGKILL');
      }
    }
    group.closeLog();
  };
  try {
    await ready(logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return { stop, logFile };
}

/**
 * Starts `npm run start:backend` with the e2e config layered on, and waits until the API is
 * up and the given example people can sign in (the catalog has read them).
 */
export function startPortal(dataDir, people = ['jane.doe']) {
  return startProcess({
    name: 'backend',
    command: 'npm',
    args: [
      'run',
      'start:backend',
      '--',
      '--config',
      'test/e2e/app-config.e2e.yaml',
    ],
    cwd: root,
    env: {
      TECH_REQUESTS_E2E_DATA_DIR: dataDir,
      TECH_REQUESTS_BASE_URL: BASE_URL,
    },
    dataDir,
    ready: async logFile => {
      await waitFor(async () => (await fetch(`${API}/health`)).ok, {
        timeoutMs: 120_000,
        what: `the backend (log: ${logFile})`,
      });
      for (const person of people) {
        await waitFor(async () => Boolean(await tokenFor(person)), {
          timeoutMs: 120_000,
          what: `the catalog to know ${person}`,
        });
      }
    },
  });
}

/** Calls the API as a person; answers the status and the parsed body. */
export async function call(token, method, urlPath, body) {
  const res = await fetch(
    urlPath.startsWith('/api/') ? `${BASE_URL}${urlPath}` : `${API}${urlPath}`,
    {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    },
  );
  return { status: res.status, body: await res.json() };
}

/**
 * Files and submits a small public request as `token`'s person (Jane, in the tests); answers
 * the request.
 */
export async function fileSubmitted(token, title) {
  const filed = await call(token, 'POST', '/requests', {
    title,
    need: `${title}, for the clinic.`,
    dataClassification: 'public',
    hosting: 'on-premises',
    signIn: 'company-account',
    dataLocation: 'eu',
    submit: true,
  });
  if (filed.status !== 201) {
    throw new Error(`filing '${title}' answered ${filed.status}`);
  }
  return filed.body;
}

/**
 * Takes a submitted request into review as a reviewer (Priya) and approves it to build as a
 * decider (Lena): a small public request needs no mandatory review.
 */
export async function approveToBuild({ reviewer, decider }, id) {
  await call(reviewer, 'POST', `/requests/${id}/transitions`, {
    action: 'start-review',
  });
  const decision = await call(decider, 'POST', `/requests/${id}/transitions`, {
    action: 'approve',
    rationale: 'Build it on the web platform.',
    decision: { path: 'build' },
  });
  if (decision.status !== 200) {
    throw new Error(
      `approving request ${id} answered ${decision.status}: ${JSON.stringify(decision.body)}`,
    );
  }
}

/**
 * Starts the example app's dev server (`backstage-cli package start` in examples/app) with the
 * e2e config, and waits until it serves the page.
 */
export function startApp(dataDir) {
  return startProcess({
    name: 'app',
    command: 'npx',
    args: [
      'backstage-cli',
      'package',
      'start',
      '--config',
      path.join(root, 'app-config.yaml'),
      '--config',
      path.join(root, 'test/e2e/app-config.e2e.yaml'),
    ],
    cwd: path.join(root, 'examples/app'),
    env: { TECH_REQUESTS_E2E_DATA_DIR: dataDir, BROWSER: 'none' },
    dataDir,
    ready: logFile =>
      waitFor(async () => (await fetch(APP_URL)).ok, {
        timeoutMs: 300_000,
        what: `the app (log: ${logFile})`,
      }),
  });
}
