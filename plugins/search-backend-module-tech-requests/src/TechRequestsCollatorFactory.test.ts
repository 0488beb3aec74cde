import {
  anApprovedReuseRequest,
  aTechRequest,
} from '@tech-requests/plugin-tech-requests-common/testUtils';
import { techRequestReadPermission } from '@tech-requests/plugin-tech-requests-common';
import { TechRequestsCollatorFactory } from './TechRequestsCollatorFactory';

async function collect(factory: TechRequestsCollatorFactory) {
  const documents: any[] = [];
  for await (const document of await factory.getCollator()) {
    documents.push(document);
  }
  return documents;
}

const PAGES = [
  [
    aTechRequest({ id: 1, title: 'A private draft', status: 'draft' }),
    aTechRequest({
      id: 2,
      title: 'Online contract signing',
      status: 'submitted',
      capabilities: ['e-signature'],
    }),
  ],
  [anApprovedReuseRequest()],
];

describe('TechRequestsCollatorFactory', () => {
  it('indexes every request but drafts, each read-checked by its id', async () => {
    const factory = new TechRequestsCollatorFactory({
      pages: async function* pages() {
        yield* PAGES;
      },
    });
    expect(factory.type).toBe('tech-requests');
    expect(factory.visibilityPermission).toBe(techRequestReadPermission);

    const documents = await collect(factory);

    expect(documents.map(d => d.title)).toEqual([
      'Online contract signing',
      'E-signature for contracts',
    ]);
    expect(documents[0]).toEqual({
      title: 'Online contract signing',
      text: 'Legal wants clients to sign engagement letters online.\ne-signature',
      location: '/tech-requests/2',
      authorization: { resourceRef: '2' },
      status: 'submitted',
      requestingGroup: 'group:default/legal',
      requester: 'user:default/jane.doe',
      capabilities: ['e-signature'],
    });
    expect(documents[1].decision).toBe('approved reuse');
  });

  it('links to where the app mounts the request pages', async () => {
    const factory = new TechRequestsCollatorFactory({
      pages: async function* pages() {
        yield [PAGES[0][1]];
      },
      locationTemplate: '/requests/:id/overview',
    });
    expect((await collect(factory))[0].location).toBe('/requests/2/overview');
  });
});
