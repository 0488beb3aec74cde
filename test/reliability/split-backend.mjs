// A split deployment of the example backend for catalog-outage.test.mjs: the catalog (with the
// Tech Requests catalog module) in one process, everything else in another, each started,
// killed and restarted on its own, each on its own port on loopback, each finding the other's
// plugins through `discovery.endpoints` (app-config.split-*.yaml).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnExampleBackend, waitFor } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The two sides: which plugins each runs (EXAMPLE_BACKEND_FEATURES) and where it listens. */
export const SIDES = {
  'tech-requests': {
    baseUrl: 'http://127.0.0.1:7027',
    config: 'app-config.split-tech-requests.yaml',
  },
  catalog: {
    baseUrl: 'http://127.0.0.1:7028',
    config: 'app-config.split-catalog.yaml',
  },
};

/** Whether anything answers HTTP on the side's port. */
export async function answers(baseUrl) {
  try {
    await fetch(`${baseUrl}/.backstage/health/v1/liveness`, {
      signal: AbortSignal.timeout(2_000),
    });
    return true;
  } catch {
    return false;
  }
}

/** Signs in as an example person through the development auth provider of `baseUrl`. */
export async function signIn(baseUrl, userName) {
  const res = await fetch(`${baseUrl}/api/auth/oauth2Proxy/refresh`, {
    headers: { 'x-forwarded-user': userName },
    signal: AbortSignal.timeout(15_000),
  });
  if (!res.ok) {
    throw new Error(`sign-in as ${userName} answered ${res.status}`);
  }
  return (await res.json()).backstageIdentity.token;
}

/**
 * Starts one side (`npm run start:backend` with EXAMPLE_BACKEND_FEATURES set to its name) on
 * the storage of freshStorage(), with the e2e config, app-config.reliability.yaml, the
 * storage's configs and the side's own config layered on, and waits until it is ready.
 * Its log is `<dataDir>/<side>.log`, appended to across restarts. The answer can `kill()` it
 * (SIGKILL to its whole process group, as a crash or a lost machine would) and `stop()` it.
 */
export async function startSide(side, storage) {
  const { baseUrl, config } = SIDES[side];
  if (await answers(baseUrl)) {
    throw new Error(
      `something already answers on ${baseUrl}; stop it before running this test`,
    );
  }
  const logFile = path.join(storage.dataDir, `${side}.log`);
  const startedAt = Date.now();
  const group = spawnExampleBackend(storage, {
    logFile,
    configs: [path.join(here, config)],
    env: { EXAMPLE_BACKEND_FEATURES: side, TECH_REQUESTS_BASE_URL: baseUrl },
  });
  const { child } = group;
  const end = async signal => {
    // Whatever outlasts the signal (the backend under backstage-cli) is killed too.
    await group.end(signal, 10_000);
    await waitFor(async () => !(await answers(baseUrl)), {
      timeoutMs: 30_000,
      what: `the ${side} side to let go of its port`,
    });
  };
  const handle = {
    side,
    baseUrl,
    logFile,
    /** The process group: `process.kill(-pid, 'SIGSTOP')` freezes the side. */
    pid: group.pid,
    kill: () => end('SIGKILL'),
    stop: () => end('SIGTERM'),
    /** The log written since this start. */
    log: group.log,
  };
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) {
          throw new Error(`the ${side} side exited with ${child.exitCode}`);
        }
        const res = await fetch(`${baseUrl}/.backstage/health/v1/readiness`, {
          signal: AbortSignal.timeout(2_000),
        });
        return res.ok;
      },
      { timeoutMs: 180_000, what: `the ${side} side (log: ${logFile})` },
    );
  } catch (error) {
    await handle.kill();
    throw error;
  }
  handle.startupMs = Date.now() - startedAt;
  return handle;
}

/** Whether backstage-cli restarted a side because a source file changed meanwhile. */
export function restartedBySourceChange(handle) {
  return /Change detected, restarting/.test(handle.log());
}
