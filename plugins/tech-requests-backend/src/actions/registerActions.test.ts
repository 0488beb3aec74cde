import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { mockCredentials } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { PEOPLE, pluginBackendOn } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe('the actions an assistant calls', () => {
  // The mock registry names every action `test:<name>`.
  const registry = actionsRegistryServiceMock();
  pluginBackendOn(databases, 'SQLITE_3', {
    extraFeatures: [
      createServiceFactory({
        service: actionsRegistryServiceRef,
        deps: {},
        factory: () => registry,
      }),
    ],
    config: { app: { baseUrl: 'https://portal.example.com' } },
  });
  const invoke = (name: string, input: object, as = PEOPLE.jane) =>
    registry.invoke({
      id: `test:${name}`,
      input: input as any,
      credentials: mockCredentials.user(as),
    });

  it('lists the five operations, each with its schemas', async () => {
    const { actions } = await registry.list();
    expect(actions.map(action => action.name).sort()).toEqual([
      'check-gate',
      'file-request',
      'list-waiting-for-me',
      'read-request',
      'suggest-reuse',
    ]);
    const file = actions.find(action => action.name === 'file-request')!;
    expect(file.schema.input).toMatchObject({
      type: 'object',
      required: ['title', 'need'],
    });
    expect(file.attributes).toMatchObject({ readOnly: false });
  });

  it('files a request for the caller, finds it again, and knows what waits for them', async () => {
    const { output: suggested } = (await invoke('suggest-reuse', {
      text: 'Customers sign contracts online',
    })) as any;
    expect(suggested.suggestions[0].entityRef).toBe(
      'component:default/esign-gateway',
    );

    const { output: filed } = (await invoke('file-request', {
      title: 'Sign engagement letters',
      need: 'Clients sign engagement letters online.',
      namedReuseCandidates: [suggested.suggestions[0].entityRef],
    })) as any;
    expect(filed).toMatchObject({
      title: 'Sign engagement letters',
      status: 'draft',
      requestingGroup: 'group:default/legal',
      url: `https://portal.example.com/tech-requests/${filed.id}`,
    });

    const { output: read } = (await invoke('read-request', {
      id: filed.id,
    })) as any;
    expect(read.request).toMatchObject({
      id: filed.id,
      need: 'Clients sign engagement letters online.',
      namedReuseCandidates: ['component:default/esign-gateway'],
    });

    const { output: waiting } = (await invoke(
      'list-waiting-for-me',
      {},
    )) as any;
    expect(waiting.requests.map((r: any) => r.id)).toContain(filed.id);

    const { output: gate } = (await invoke('check-gate', {
      requestId: filed.id,
    })) as any;
    expect(gate).toMatchObject({ allowed: false, verdict: 'refused' });
    expect(gate.reason).toContain('is a draft');
  });

  it('refuses what the caller may not do, and input that does not fit, naming it', async () => {
    await expect(
      registry.invoke({
        id: 'test:file-request',
        input: { title: 'Scripted', need: 'By a service.' },
        credentials: mockCredentials.service(),
      }),
    ).rejects.toThrow('Filing a request needs a person, not a service');
    await expect(invoke('file-request', { title: 'No need' })).rejects.toThrow(
      /need/,
    );
    await expect(invoke('read-request', { id: 999999 })).rejects.toThrow(
      'No request with id 999999',
    );
    await expect(
      invoke('check-gate', { requestId: 1, entityRef: 'component:x' }),
    ).rejects.toThrow(/not both or neither/);
  });
});
