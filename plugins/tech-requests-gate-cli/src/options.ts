/** What the command was asked: which gate, as whom, about what. */
export interface GateOptions {
  /** The portal's backend, such as `https://backstage.example.com`. */
  baseUrl: string;
  /** A service token of the backend (`backend.auth.externalAccess`). */
  token?: string;
  /** The `GET /gate` query: a request id or an entity ref. */
  query: { requestId: string } | { entityRef: string };
  /** Print the gate's whole answer as JSON instead of a sentence. */
  json: boolean;
  /** How long to wait for the backend. */
  timeoutMs: number;
}

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {}

export const USAGE = `Usage: tech-requests-gate (--request <id> | --entity <entity ref>) [options]

Asks the Tech Requests delivery gate whether the work is covered by an approved request.

  --request <id>       a request's id
  --entity <ref>       an entity whose tech-requests.io/request-id annotation names its request,
                       such as component:default/booking-service
  --url <url>          the Backstage backend (or TECH_REQUESTS_URL)
  --token <token>      a service token of the backend (or TECH_REQUESTS_TOKEN)
  --json               print the gate's answer as JSON
  --timeout <seconds>  how long to wait for the backend (30)

Exit codes: 0 the work may go on (in warn-only mode, also when it is not covered),
1 refused, 2 a mistake in the call, 3 the gate could not be asked.`;

const FLAGS_WITH_VALUES = new Set([
  '--request',
  '--entity',
  '--url',
  '--token',
  '--timeout',
]);

/** Reads the command line and the environment; throws UsageError on what it cannot use. */
export function readOptions(
  argv: string[],
  env: Record<string, string | undefined>,
): GateOptions {
  const values = new Map<string, string>();
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (flag === '--json') {
      json = true;
    } else if (flag === '--help' || flag === '-h') {
      throw new UsageError('');
    } else if (FLAGS_WITH_VALUES.has(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') {
        throw new UsageError(`${flag} needs a value`);
      }
      values.set(flag, value);
    } else {
      throw new UsageError(`unknown argument: ${argv[i]}`);
    }
  }

  const request = values.get('--request');
  const entity = values.get('--entity');
  if ((request === undefined) === (entity === undefined)) {
    throw new UsageError('give either --request or --entity');
  }
  if (request !== undefined && !/^[1-9]\d*$/.test(request)) {
    throw new UsageError(`--request must be a request id, got '${request}'`);
  }
  const baseUrl = values.get('--url') ?? env.TECH_REQUESTS_URL;
  if (!baseUrl) {
    throw new UsageError(
      'say where the backend is: --url or TECH_REQUESTS_URL',
    );
  }
  if (!URL.canParse(baseUrl)) {
    throw new UsageError(`--url must be an address, got '${baseUrl}'`);
  }
  const timeout = Number(values.get('--timeout') ?? 30);
  if (!Number.isFinite(timeout) || timeout <= 0) {
    throw new UsageError(`--timeout must be a number of seconds`);
  }
  const token = values.get('--token') ?? env.TECH_REQUESTS_TOKEN;
  return {
    baseUrl: baseUrl.replace(/\/+$/, ''),
    ...(token && { token }),
    query:
      request !== undefined ? { requestId: request } : { entityRef: entity! },
    json,
    timeoutMs: timeout * 1000,
  };
}
