// Long-running commands the tests start (backends, the app's dev server) and must be able to end
// entirely: npm and backstage-cli start children of their own, so each command runs in its own
// process group and is signalled as a group.
import { spawn } from 'node:child_process';
import fs from 'node:fs';

/**
 * Starts `command` with `args` in its own process group, its output appended to `logFile`.
 * `env` is layered on this process's environment. The answer:
 * - `child`, `pid` (also the group's id), `exited` (settles when the command exits);
 * - `signal(name, waitMs)`: sends `name` to the whole group, unless the command has already
 *   exited, and waits at most `waitMs` for it to exit;
 * - `signalGroup(name)`: sends `name` to the whole group, whether or not the command is running;
 * - `end(name, waitMs = 10_000)`: `signal(name, waitMs)`, then SIGKILL to whatever is left of the
 *   group (the backend under backstage-cli can outlive npm), then closes the log;
 * - `closeLog()`: closes the log, once however often it is called;
 * - `logFile`, `logFrom` (its size before this start) and `log()`, the text written since.
 */
export function startLoggedGroup({ command, args, cwd, env, logFile }) {
  const log = fs.openSync(logFile, 'a');
  // The log is appended to across restarts; this start's part begins here.
  const logFrom = fs.statSync(logFile).size;
  let closed = false;
  const closeLog = () => {
    if (!closed) {
      closed = true;
      fs.closeSync(log);
    }
  };
  let child;
  try {
    child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', log, log],
      detached: true,
    });
  } catch (error) {
    closeLog();
    throw error;
  }
  // Listened to from the start, so that an exit before anyone waits is not missed.
  const exited = new Promise(resolve => child.once('exit', resolve));
  /** A group that is already gone is what ending it wants; any other failure is not. */
  const signalGroup = name => {
    try {
      process.kill(-child.pid, name);
    } catch (error) {
      if (error.code !== 'ESRCH') {
        throw error;
      }
    }
  };
  const signal = async (name, waitMs) => {
    if (child.exitCode === null && child.signalCode === null) {
      signalGroup(name);
      await Promise.race([
        exited,
        new Promise(resolve => setTimeout(resolve, waitMs)),
      ]);
    }
  };
  const end = async (name, waitMs = 10_000) => {
    await signal(name, waitMs);
    signalGroup('SIGKILL');
    closeLog();
  };
  return {
    child,
    pid: child.pid,
    exited,
    signal,
    signalGroup,
    end,
    closeLog,
    logFile,
    logFrom,
    log: () => fs.readFileSync(logFile).subarray(logFrom).toString(),
  };
}
