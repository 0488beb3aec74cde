import { GateOptions } from './options';

/** The parts of the gate's answer this command reads. */
export interface GateAnswer {
  allowed: boolean;
  verdict: string;
  reason: string;
  mode: string;
  [field: string]: unknown;
}

/** What became of the question: an answer, or why there is none. */
export type Asked =
  | { answered: true; answer: GateAnswer }
  | { answered: false; badCall: boolean; problem: string };

/** Asks `GET /api/tech-requests/gate` with the options' query and token. */
export async function askGate(
  options: GateOptions,
  fetchImpl: typeof fetch = fetch,
): Promise<Asked> {
  const url = `${options.baseUrl}/api/tech-requests/gate?${new URLSearchParams(
    options.query,
  )}`;
  let response: Response;
  try {
    response = await fetchImpl(url, {
      headers: {
        accept: 'application/json',
        ...(options.token && { authorization: `Bearer ${options.token}` }),
      },
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    return {
      answered: false,
      badCall: false,
      problem: `could not reach ${options.baseUrl}: ${(error as Error).message}`,
    };
  }
  const body = await response.json().catch(() => undefined);
  if (response.ok && typeof body?.allowed === 'boolean') {
    return { answered: true, answer: body as GateAnswer };
  }
  const message = body?.error?.message ?? response.statusText;
  return {
    answered: false,
    // The gate names what is wrong with the question; anything else is the gate's trouble.
    badCall: response.status === 400,
    problem: `the gate answered ${response.status}: ${message}${
      response.status === 401
        ? ' (is the token a service token of this backend?)'
        : ''
    }`,
  };
}

/** The exit code of an outcome. */
export const EXIT = {
  allowed: 0,
  refused: 1,
  badCall: 2,
  unanswered: 3,
} as const;

/** What to print, where, and the exit code. */
export function verdictOf(
  asked: Asked,
  json: boolean,
): { exitCode: number; stdout?: string; stderr?: string } {
  if (!asked.answered) {
    return {
      exitCode: asked.badCall ? EXIT.badCall : EXIT.unanswered,
      stderr: `tech-requests-gate: ${asked.problem}`,
    };
  }
  const { answer } = asked;
  const exitCode = answer.allowed ? EXIT.allowed : EXIT.refused;
  if (json) {
    return { exitCode, stdout: JSON.stringify(answer, null, 2) };
  }
  if (answer.verdict === 'refused') {
    return answer.allowed
      ? {
          exitCode,
          stderr: `warning: not covered (the gate only warns for now): ${answer.reason}`,
        }
      : { exitCode, stderr: `refused: ${answer.reason}` };
  }
  return { exitCode, stdout: `${answer.verdict}: ${answer.reason}` };
}
