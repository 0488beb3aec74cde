// The portal's search finds technology requests: by a word of their need, as anyone who may
// read them, and never a draft, which is its owner's alone. The example backend indexes them
// every 5 s here (test/e2e/app-config.e2e.yaml).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  call,
  makeDataDir,
  startPortal,
  tokenFor,
  waitFor,
} from './portal.mjs';

/** The titles and addresses of the requests a search as `token` finds for `term`. */
async function searchRequests(token, term) {
  const res = await call(
    token,
    'GET',
    `/api/search/query?term=${encodeURIComponent(term)}&types%5B0%5D=tech-requests`,
  );
  // The search engine has no index for a type until its first documents arrive.
  if (res.status === 500 && /Missing index/.test(res.body.error?.message)) {
    return [];
  }
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.results.map(result => ({
    title: result.document.title,
    location: result.document.location,
  }));
}

describe('requests in the portal search', { timeout: 300_000 }, () => {
  const dataDir = makeDataDir();
  let portal;
  const tokens = {};

  before(async () => {
    portal = await startPortal(dataDir, ['jane.doe', 'tom.baker']);
    for (const name of ['jane.doe', 'tom.baker']) {
      tokens[name] = await tokenFor(name);
    }
  });

  after(async () => {
    await portal?.stop();
  });

  it('finds a request by a word of its need, and never a draft', async () => {
    const run = Date.now().toString(36);
    const submittedWord = `quokka${run}`;
    const draftWord = `zebrafinch${run}`;
    const draft = await call(tokens['jane.doe'], 'POST', '/requests', {
      title: 'A private idea',
      need: `A ${draftWord} tracker, not ready to share.`,
    });
    assert.equal(draft.status, 201);
    const submitted = await call(tokens['jane.doe'], 'POST', '/requests', {
      title: 'Wildlife photo archive',
      need: `Legal keeps ${submittedWord} photos from field trips and wants them archived.`,
      submit: true,
    });
    assert.equal(submitted.status, 201);

    let found = [];
    await waitFor(
      async () => {
        found = await searchRequests(tokens['tom.baker'], submittedWord);
        return found.length > 0;
      },
      { timeoutMs: 60_000, what: `a search for "${submittedWord}" to find it` },
    );
    assert.deepEqual(found, [
      {
        title: 'Wildlife photo archive',
        location: `/tech-requests/${submitted.body.id}`,
      },
    ]);
    // Indexed in the same run as the submitted one: the draft is left out, not late.
    assert.deepEqual(await searchRequests(tokens['tom.baker'], draftWord), []);
    assert.deepEqual(await searchRequests(tokens['jane.doe'], draftWord), []);
  });
});
