// The delivery gate's command line against the running example backend, as a pipeline runs
// it: a service token, a request id or an entity ref, and the exit code.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  BASE_URL,
  approveToBuild,
  fileSubmitted,
  makeDataDir,
  startPortal,
  tokenFor,
} from './portal.mjs';

const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);
const CLI = path.join(
  root,
  'plugins/tech-requests-gate-cli/bin/tech-requests-gate',
);
/** The static token of test/e2e/app-config.e2e.yaml. */
const PIPELINE_TOKEN = 'e2e-pipeline-token-for-the-delivery-gate';

/** Runs the command as a pipeline would; answers its exit code and output. */
function gate(args, env = {}) {
  const ran = spawnSync(process.execPath, [CLI, ...args], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      TECH_REQUESTS_URL: BASE_URL,
      TECH_REQUESTS_TOKEN: PIPELINE_TOKEN,
      ...env,
    },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: ran.status, out: ran.stdout.trim(), err: ran.stderr.trim() };
}

describe('the delivery gate from a pipeline', { timeout: 600_000 }, () => {
  const dataDir = makeDataDir();
  let portal;
  const tokens = {};
  const people = ['jane.doe', 'priya.shah', 'lena.fischer'];
  let approved;
  let open;

  before(async () => {
    portal = await startPortal(dataDir, people);
    for (const name of people) {
      tokens[name] = await tokenFor(name);
    }
    approved = await fileSubmitted(tokens['jane.doe'], 'Clinic booking page');
    open = await fileSubmitted(
      tokens['jane.doe'],
      'Clinic waiting-room display',
    );
    await approveToBuild(
      { reviewer: tokens['priya.shah'], decider: tokens['lena.fischer'] },
      approved.id,
    );
  });

  after(async () => {
    await portal?.stop();
  });

  it('exits 0 for work an approved request covers', () => {
    const ran = gate(['--request', String(approved.id)]);
    assert.equal(ran.code, 0, ran.err);
    assert.match(
      ran.out,
      new RegExp(
        `^covered: Request ${approved.id} \\("Clinic booking page"\\) was approved to build on \\d{4}-`,
      ),
    );
  });

  it('exits 1 with the reason for work no approved request covers', () => {
    const waiting = gate(['--request', String(open.id)]);
    assert.equal(waiting.code, 1);
    assert.match(
      waiting.err,
      /^refused: Request \d+ \("Clinic waiting-room display"\) is submitted: waiting for a reviewer to pick it up$/,
    );

    // An example component that no request names.
    const unnamed = gate([
      '--entity',
      'component:default/esign-gateway',
      '--json',
    ]);
    assert.equal(unnamed.code, 1);
    const answer = JSON.parse(unnamed.out);
    assert.equal(answer.verdict, 'refused');
    assert.equal(
      answer.fileRequestUrl,
      'http://localhost:3017/tech-requests/new',
    );
  });

  it('exits 2 on a mistake in the call, and 3 when the gate cannot be asked', () => {
    assert.equal(gate(['--request', 'twelve']).code, 2);
    assert.equal(gate(['--entity', 'not a ref']).code, 2);
    const wrongToken = gate(['--request', '1'], {
      TECH_REQUESTS_TOKEN: 'not-the-token',
    });
    assert.equal(wrongToken.code, 3);
    assert.match(wrongToken.err, /answered 401/);
    const nowhere = gate(['--request', '1', '--url', 'http://127.0.0.1:9']);
    assert.equal(nowhere.code, 3);
  });
});
