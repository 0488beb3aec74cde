// Tech Requests for an assistant: speaks MCP to the example backend's MCP actions server as
// example people, lists the tools, files a request after asking what already exists, and
// sees the refusal of what a person may not do.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { BASE_URL, makeDataDir, startPortal, tokenFor } from './portal.mjs';

/** An MCP client connected as a person (their Backstage token). */
async function connectAs(token) {
  const client = new Client({ name: 'tech-requests-e2e', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(
      new URL(`${BASE_URL}/api/mcp-actions/v1`),
      {
        requestInit: { headers: { Authorization: `Bearer ${token}` } },
      },
    ),
  );
  return client;
}

/** The tool whose name ends with the action's name, whatever the server's namespacing. */
function toolNamed(tools, action) {
  const tool = tools.find(
    candidate => candidate.name === action || candidate.name.endsWith(action),
  );
  assert.ok(tool, `no tool for ${action} among ${tools.map(t => t.name)}`);
  return tool.name;
}

/** The structured answer of a tool call, or its text parsed. */
function answerOf(result) {
  if (result.structuredContent) {
    return result.structuredContent;
  }
  return JSON.parse(result.content.find(part => part.type === 'text').text);
}

describe('Tech Requests through MCP', { timeout: 600_000 }, () => {
  const dataDir = makeDataDir();
  let portal;
  const clients = [];
  let jane;
  let tools;

  before(async () => {
    portal = await startPortal(dataDir, ['jane.doe', 'tom.baker']);
    jane = await connectAs(await tokenFor('jane.doe'));
    clients.push(jane);
    tools = (await jane.listTools()).tools;
  });

  after(async () => {
    for (const client of clients) {
      await client.close();
    }
    await portal?.stop();
  });

  it('lists the five tools, each with an input schema', () => {
    for (const action of [
      'file-request',
      'suggest-reuse',
      'read-request',
      'list-waiting-for-me',
      'check-gate',
    ]) {
      const tool = tools.find(t => t.name === toolNamed(tools, action));
      assert.equal(tool.inputSchema.type, 'object', action);
    }
  });

  it('suggests what exists, files a request as the caller, and finds it waiting', async () => {
    const suggested = answerOf(
      await jane.callTool({
        name: toolNamed(tools, 'suggest-reuse'),
        arguments: { text: 'Clients should sign engagement letters online' },
      }),
    );
    assert.ok(suggested.suggestions.length > 0);
    const filed = answerOf(
      await jane.callTool({
        name: toolNamed(tools, 'file-request'),
        arguments: {
          title: 'Engagement letters signed online',
          need: 'Clients should sign engagement letters online.',
          namedReuseCandidates: [suggested.suggestions[0].entityRef],
          submit: true,
        },
      }),
    );
    assert.equal(filed.status, 'submitted');
    assert.equal(filed.requestingGroup, 'group:default/legal');

    const read = answerOf(
      await jane.callTool({
        name: toolNamed(tools, 'read-request'),
        arguments: { id: filed.id },
      }),
    );
    assert.equal(read.request.requester, 'user:default/jane.doe');

    const gate = answerOf(
      await jane.callTool({
        name: toolNamed(tools, 'check-gate'),
        arguments: { requestId: filed.id },
      }),
    );
    assert.equal(gate.verdict, 'refused');
    assert.match(gate.reason, /is submitted/);
  });

  it("refuses what a person may not do: another department's draft", async () => {
    const draft = answerOf(
      await jane.callTool({
        name: toolNamed(tools, 'file-request'),
        arguments: { title: 'Legal draft', need: 'Not ready.' },
      }),
    );
    const tom = await connectAs(await tokenFor('tom.baker'));
    clients.push(tom);
    const refused = await tom.callTool({
      name: toolNamed(tools, 'read-request'),
      arguments: { id: draft.id },
    });
    assert.equal(refused.isError, true);
    assert.match(
      refused.content.map(part => part.text).join(' '),
      new RegExp(`No request with id ${draft.id}`),
    );
  });
});
