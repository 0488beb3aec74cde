import { EXIT, run } from './index';

/** Runs the command against a gate that answers `status` with `body`, collecting its output. */
async function runAgainst(
  argv: string[],
  status: number,
  body: unknown,
  env: Record<string, string> = {},
) {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    calls.push({ url, headers: init.headers as Record<string, string> });
    return new Response(JSON.stringify(body), { status });
  }) as unknown as typeof fetch;
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(
    argv,
    { TECH_REQUESTS_URL: 'https://backstage.example.com/', ...env },
    { out: text => out.push(text), err: text => err.push(text) },
    fetchImpl,
  );
  return { code, out: out.join('\n'), err: err.join('\n'), calls };
}

const answer = (fields: object) => ({
  allowed: true,
  verdict: 'covered',
  reason: 'Request 42 ("Booking") was approved to build on 2026-11-03',
  mode: 'enforce',
  ...fields,
});

describe('tech-requests-gate', () => {
  it('exits 0 for covered work, asking the gate with the token', async () => {
    const ran = await runAgainst(['--request', '42'], 200, answer({}), {
      TECH_REQUESTS_TOKEN: 'pipeline-token',
    });
    expect(ran.code).toBe(EXIT.allowed);
    expect(ran.out).toBe(
      'covered: Request 42 ("Booking") was approved to build on 2026-11-03',
    );
    expect(ran.calls).toEqual([
      {
        url: 'https://backstage.example.com/api/tech-requests/gate?requestId=42',
        headers: {
          accept: 'application/json',
          authorization: 'Bearer pipeline-token',
        },
      },
    ]);
  });

  it('exits 1 with the reason when refused, and 0 with a warning in warn-only mode', async () => {
    const refused = {
      allowed: false,
      verdict: 'refused',
      reason: 'No request names component:default/shadow-it: file one at …',
      mode: 'enforce',
    };
    const enforced = await runAgainst(
      ['--entity=component:default/shadow-it'],
      200,
      refused,
    );
    expect(enforced.code).toBe(EXIT.refused);
    expect(enforced.err).toBe(`refused: ${refused.reason}`);
    expect(enforced.calls[0].url).toBe(
      'https://backstage.example.com/api/tech-requests/gate?entityRef=component%3Adefault%2Fshadow-it',
    );

    const warned = await runAgainst(
      ['--entity', 'component:default/shadow-it'],
      200,
      { ...refused, allowed: true, mode: 'warn' },
    );
    expect(warned.code).toBe(EXIT.allowed);
    expect(warned.err).toMatch(/^warning: not covered/);
  });

  it('prints the whole answer with --json', async () => {
    const ran = await runAgainst(
      ['--request', '42', '--json'],
      200,
      answer({ request: { id: 42 } }),
    );
    expect(JSON.parse(ran.out)).toMatchObject({ request: { id: 42 } });
  });

  it('exits 2 on a mistake in the call, before or at the gate', async () => {
    const mistakes: [string[], RegExp][] = [
      [[], /give either --request or --entity/],
      [['--request', '1', '--entity', 'component:a'], /give either/],
      [['--request', 'abc'], /--request must be a request id/],
      [['--request'], /--request needs a value/],
      [['--repo', 'x'], /unknown argument: --repo/],
      [['--request', '1', '--timeout', '-3'], /--timeout must be/],
    ];
    for (const [argv, message] of mistakes) {
      const ran = await runAgainst(argv, 200, answer({}));
      expect({ argv, code: ran.code }).toEqual({ argv, code: EXIT.badCall });
      expect(ran.err).toMatch(message);
      expect(ran.err).toContain('Usage: tech-requests-gate');
      expect(ran.calls).toEqual([]);
    }
    const noUrl = await run(
      ['--request', '1'],
      {},
      { out: () => {}, err: () => {} },
    );
    expect(noUrl).toBe(EXIT.badCall);

    const badRef = await runAgainst(['--entity', 'not a ref'], 400, {
      error: { name: 'InputError', message: 'entityRef must be an entity ref' },
    });
    expect(badRef.code).toBe(EXIT.badCall);
    expect(badRef.err).toBe(
      'tech-requests-gate: the gate answered 400: entityRef must be an entity ref',
    );
  });

  it('exits 3 when the gate cannot be asked', async () => {
    const unauthorised = await runAgainst(['--request', '1'], 401, {
      error: { name: 'AuthenticationError', message: 'Missing credentials' },
    });
    expect(unauthorised.code).toBe(EXIT.unanswered);
    expect(unauthorised.err).toContain('is the token a service token');
    const broken = await runAgainst(['--request', '1'], 502, 'Bad gateway');
    expect(broken.code).toBe(EXIT.unanswered);

    const unreachable = await run(
      ['--request', '1', '--url', 'http://127.0.0.1:9'],
      {},
      { out: () => {}, err: () => {} },
      (async () => {
        throw new TypeError('fetch failed');
      }) as unknown as typeof fetch,
    );
    expect(unreachable).toBe(EXIT.unanswered);
  });

  it('shows its usage on --help and exits 0', async () => {
    const ran = await runAgainst(['--help'], 200, answer({}));
    expect(ran.code).toBe(EXIT.allowed);
    expect(ran.err).toMatch(/^Usage: tech-requests-gate/);
  });
});
