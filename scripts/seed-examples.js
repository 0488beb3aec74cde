// Loads the example requests of examples/seed/requests.yaml into a running example backend
// whose database has no requests yet. It signs in as each example person through the
// development auth provider and uses the public API, so the examples go through the same
// rules as anything a person does.
const fs = require('node:fs');
const path = require('node:path');
const { parse } = require('yaml');

const SEED_FILE = path.resolve(__dirname, '../examples/seed/requests.yaml');

async function call(baseUrl, token, method, urlPath, body) {
  const res = await fetch(`${baseUrl}/api/tech-requests${urlPath}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) {
    throw new Error(`${method} ${urlPath} answered ${res.status}: ${text}`);
  }
  return text ? JSON.parse(text) : undefined;
}

function tokens(baseUrl) {
  const cache = new Map();
  return async userName => {
    if (!cache.has(userName)) {
      const res = await fetch(`${baseUrl}/api/auth/oauth2Proxy/refresh`, {
        headers: { 'x-forwarded-user': userName },
      });
      if (!res.ok) {
        throw new Error(`cannot sign in as ${userName} (${res.status})`);
      }
      cache.set(userName, (await res.json()).backstageIdentity.token);
    }
    return cache.get(userName);
  };
}

/**
 * Applies one step of an example: a transition, a review, a comment, a reuse assessment or
 * an edit; answers the request as it is afterwards.
 */
async function applyStep(baseUrl, token, request, step) {
  if (step.transition) {
    return call(
      baseUrl,
      token,
      'POST',
      `/requests/${request.id}/transitions`,
      step.transition,
    );
  }
  if (step.review) {
    await call(
      baseUrl,
      token,
      'POST',
      `/requests/${request.id}/reviews`,
      step.review,
    );
  } else if (step.comment) {
    await call(baseUrl, token, 'POST', `/requests/${request.id}/comments`, {
      body: step.comment,
    });
  } else if (step.reuse) {
    return call(
      baseUrl,
      token,
      'POST',
      `/requests/${request.id}/reuse-candidates`,
      { ...step.reuse, version: request.version },
    );
  } else if (step.edit) {
    return call(baseUrl, token, 'PATCH', `/requests/${request.id}`, {
      ...step.edit,
      version: request.version,
    });
  } else {
    throw new Error(`unknown step ${JSON.stringify(step)}`);
  }
  return request;
}

/** Seeds the examples unless the backend already holds requests; answers how many it loaded. */
async function seedExamples(baseUrl, { catalogWaitMs = 120_000 } = {}) {
  const tokenFor = tokens(baseUrl);
  const examples = parse(fs.readFileSync(SEED_FILE, 'utf8'));
  // Sign-in needs the catalog to know the example people, which takes a few seconds.
  const deadline = Date.now() + catalogWaitMs;
  let firstToken;
  while (!firstToken) {
    try {
      firstToken = await tokenFor(examples[0].as);
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
      await new Promise(resolve => setTimeout(resolve, 1000));
    }
  }
  const existing = await call(baseUrl, firstToken, 'GET', '/requests?limit=1');
  if (existing.totalCount > 0) {
    return 0;
  }
  // Submitted examples keep the engine's suggestions, so the reuse index must be there first.
  while (true) {
    try {
      await call(baseUrl, firstToken, 'POST', '/reuse/suggestions', {
        text: 'warm-up',
      });
      break;
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
      await new Promise(resolve => setTimeout(resolve, 1000));
    }
  }
  for (const example of examples) {
    let request = await call(
      baseUrl,
      await tokenFor(example.as),
      'POST',
      '/requests',
      example.request,
    );
    for (const step of example.steps ?? []) {
      request = await applyStep(
        baseUrl,
        await tokenFor(step.as),
        request,
        step,
      );
    }
  }
  return examples.length;
}

module.exports = { seedExamples };
