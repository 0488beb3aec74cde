/**
 * `tech-requests-gate`: asks the Tech Requests delivery gate from a pipeline, and exits
 * non-zero, with the reason, when no approved request covers the work.
 *
 * @packageDocumentation
 */
import { askGate, EXIT, verdictOf } from './askGate';
import { readOptions, USAGE, UsageError } from './options';

export { askGate, verdictOf, EXIT } from './askGate';
export type { Asked, GateAnswer } from './askGate';
export { readOptions, UsageError } from './options';
export type { GateOptions } from './options';

/** Where the command writes. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

/** Runs the command; answers its exit code. */
export async function run(
  argv: string[],
  env: Record<string, string | undefined>,
  output: Output,
  fetchImpl: typeof fetch = fetch,
): Promise<number> {
  let options;
  try {
    options = readOptions(argv, env);
  } catch (error) {
    if (!(error instanceof UsageError)) {
      throw error;
    }
    output.err(
      `${error.message ? `tech-requests-gate: ${error.message}\n\n` : ''}${USAGE}`,
    );
    return error.message ? EXIT.badCall : EXIT.allowed;
  }
  const { exitCode, stdout, stderr } = verdictOf(
    await askGate(options, fetchImpl),
    options.json,
  );
  if (stdout) {
    output.out(stdout);
  }
  if (stderr) {
    output.err(stderr);
  }
  return exitCode;
}

/** The command as the `tech-requests-gate` binary runs it. */
export function main() {
  run(process.argv.slice(2), process.env, {
    out: text => process.stdout.write(`${text}\n`),
    err: text => process.stderr.write(`${text}\n`),
  }).then(
    code => {
      process.exitCode = code;
    },
    error => {
      process.stderr.write(`tech-requests-gate: ${error}\n`);
      process.exitCode = EXIT.unanswered;
    },
  );
}
