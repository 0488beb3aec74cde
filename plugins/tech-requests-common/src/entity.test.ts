import {
  ANNOTATION_REQUEST_ID,
  requestEntityName,
  requestToEntity,
  TECH_REQUEST_API_VERSION,
  TECH_REQUEST_KIND,
} from './entity';
import { MAX_ID, makeRequest } from './__testUtils__/entitySamples';

describe('requestToEntity', () => {
  it('builds the full entity of an approved reuse request', () => {
    expect(requestToEntity(makeRequest())).toStrictEqual({
      apiVersion: 'tech-requests.io/v1alpha1',
      kind: 'TechnologyRequest',
      metadata: {
        name: 'tr-42-e-signature-for-contracts',
        namespace: 'default',
        title: 'E-signature for contracts',
        description:
          'Legal signs around 4,000 contracts a year on paper. We need an e-signature tool that works with our contract system.',
        annotations: { 'tech-requests.io/request-id': '42' },
      },
      spec: {
        status: 'approved',
        lifecycle: 'Approved',
        owner: 'group:default/legal',
        requester: 'user:default/rita.requester',
        decision: 'reuse',
        dataClassification: 'confidential',
        capabilities: ['e-signature', 'audit trail'],
        // Only the confirmed candidate: suggested and dismissed ones are no relation.
        reuseCandidates: ['component:default/docusign-gateway'],
        integrations: ['system:default/contracts', 'api:default/contracts-api'],
        fulfilledBy: 'component:default/docusign-gateway',
      },
    });
  });

  it('builds the entity of a submitted request without a decision', () => {
    const request = makeRequest({
      status: 'submitted',
      decision: undefined,
      capabilities: [],
      integrations: [],
      namedReuseCandidates: [],
      reuseSuggestions: [],
      dataClassification: 'internal',
    });
    expect(requestToEntity(request)).toStrictEqual({
      apiVersion: TECH_REQUEST_API_VERSION,
      kind: TECH_REQUEST_KIND,
      metadata: {
        name: 'tr-42-e-signature-for-contracts',
        namespace: 'default',
        title: 'E-signature for contracts',
        description:
          'Legal signs around 4,000 contracts a year on paper. We need an e-signature tool that works with our contract system.',
        annotations: { [ANNOTATION_REQUEST_ID]: '42' },
      },
      spec: {
        status: 'submitted',
        lifecycle: 'Submitted',
        owner: 'group:default/legal',
        requester: 'user:default/rita.requester',
        dataClassification: 'internal',
        capabilities: [],
        reuseCandidates: [],
        integrations: [],
      },
    });
  });

  it('keeps the name fixed at submission when the title changes', () => {
    const entity = requestToEntity(
      makeRequest({
        title: 'Something else entirely',
        entityName: 'tr-42-old-title',
      }),
    );
    expect(entity.metadata.name).toBe('tr-42-old-title');
    expect(entity.metadata.title).toBe('Something else entirely');
  });

  it.each([
    [42, 'E-signature for contracts', 'tr-42-e-signature-for-contracts'],
    [7, 'Signature électronique', 'tr-7-signature-electronique'],
    [8, '電子署名', 'tr-8'],
    [
      MAX_ID,
      '<script>alert(1)</script>',
      'tr-2147483647-script-alert-1-script',
    ],
  ])(
    'derives the name of request %p titled %j without an entity name',
    (id, title, name) => {
      const entity = requestToEntity(
        makeRequest({ id, title, entityName: undefined }),
      );
      expect(entity.metadata.name).toBe(name);
      expect(entity.metadata.name).toBe(requestEntityName(id, title));
      expect(entity.metadata.title).toBe(title);
    },
  );

  it('puts the request id annotation next to the given annotations', () => {
    const entity = requestToEntity(makeRequest({ id: 1234 }), {
      annotations: {
        'backstage.io/managed-by-location':
          'url:https://tech-requests.example.com/requests',
        'backstage.io/managed-by-origin-location':
          'url:https://tech-requests.example.com/requests',
      },
    });
    expect(entity.metadata.annotations).toStrictEqual({
      'backstage.io/managed-by-location':
        'url:https://tech-requests.example.com/requests',
      'backstage.io/managed-by-origin-location':
        'url:https://tech-requests.example.com/requests',
      'tech-requests.io/request-id': '1234',
    });
  });

  it('does not let a given annotation override the request id', () => {
    const entity = requestToEntity(makeRequest({ id: 5 }), {
      annotations: { [ANNOTATION_REQUEST_ID]: '999' },
    });
    expect(entity.metadata.annotations).toStrictEqual({
      [ANNOTATION_REQUEST_ID]: '5',
    });
  });

  it('writes the request id of a large id as a plain string', () => {
    const entity = requestToEntity(makeRequest({ id: MAX_ID }));
    expect(entity.metadata.annotations?.[ANNOTATION_REQUEST_ID]).toBe(
      '2147483647',
    );
  });

  describe('description', () => {
    it.each([
      ['  leading and trailing  ', 'leading and trailing'],
      ['line\nbreaks\r\nand\ttabs', 'line breaks and tabs'],
      ['many     spaces\n\n\n\nand blank lines', 'many spaces and blank lines'],
      [
        '\u00a0non-breaking\u00a0spaces\u2003too\u00a0',
        'non-breaking spaces too',
      ],
      ['', ''],
      [' \n\t ', ''],
    ])('collapses the whitespace of %j', (need, description) => {
      expect(requestToEntity(makeRequest({ need })).metadata.description).toBe(
        description,
      );
    });

    it('keeps a need of exactly 500 characters whole', () => {
      const need = 'n'.repeat(500);
      expect(requestToEntity(makeRequest({ need })).metadata.description).toBe(
        need,
      );
    });

    it('keeps a need that is 500 characters once its whitespace is collapsed', () => {
      const need = `${'n'.repeat(250)}\n\n\n\n${'m'.repeat(249)}   `;
      expect(requestToEntity(makeRequest({ need })).metadata.description).toBe(
        `${'n'.repeat(250)} ${'m'.repeat(249)}`,
      );
    });

    it('cuts a need of 501 characters to 500 ending with …', () => {
      const description = requestToEntity(
        makeRequest({ need: 'n'.repeat(501) }),
      ).metadata.description;
      expect(description).toBe(`${'n'.repeat(499)}…`);
      expect(description).toHaveLength(500);
    });

    it('cuts a long need of words to 500 characters ending with …', () => {
      const description = requestToEntity(
        makeRequest({ need: 'word '.repeat(2000) }),
      ).metadata.description;
      expect(description).toBe(`${'word '.repeat(99)}word…`);
      expect(description).toHaveLength(500);
    });

    it('never cuts an emoji in half', () => {
      const need = `${'a'.repeat(498)}😀${'b'.repeat(10)}`;
      const { description } = requestToEntity(makeRequest({ need })).metadata;
      expect(description).toBe(`${'a'.repeat(498)}😀…`);
    });

    it('drops the space before the … when the cut lands on one', () => {
      const need = `${'a'.repeat(498)} ${'b'.repeat(100)}`;
      expect(requestToEntity(makeRequest({ need })).metadata.description).toBe(
        `${'a'.repeat(498)}…`,
      );
    });
  });

  describe('decision and fulfilledBy', () => {
    const decision = {
      rationale: 'Because.',
      decidedBy: 'user:default/rob.reviewer',
      decidedAt: '2025-06-01T10:00:00.000Z',
    };

    it('sets both for an approved reuse with a target', () => {
      const { spec } = requestToEntity(makeRequest());
      expect(spec.decision).toBe('reuse');
      expect(spec.fulfilledBy).toBe('component:default/docusign-gateway');
    });

    it('sets both for an approved buy with a target', () => {
      const { spec } = requestToEntity(
        makeRequest({
          decision: {
            ...decision,
            outcome: 'approved',
            path: 'buy',
            vendor: 'DocuSign',
            targetEntityRef: 'resource:default/docusign-saas',
          },
        }),
      );
      expect(spec.decision).toBe('buy');
      expect(spec.fulfilledBy).toBe('resource:default/docusign-saas');
    });

    it('sets the decision but no fulfilledBy for a build approval without a target', () => {
      const { spec } = requestToEntity(
        makeRequest({
          decision: { ...decision, outcome: 'approved', path: 'build' },
        }),
      );
      expect(spec.decision).toBe('build');
      expect(spec).not.toHaveProperty('fulfilledBy');
    });

    it('sets neither for an approval without a path or target', () => {
      const { spec } = requestToEntity(
        makeRequest({ decision: { ...decision, outcome: 'approved' } }),
      );
      expect(spec).not.toHaveProperty('decision');
      expect(spec).not.toHaveProperty('fulfilledBy');
    });

    it.each(['rejected', 'deferred'] as const)(
      'sets neither when the outcome is %s, even with a path and target',
      outcome => {
        const { spec } = requestToEntity(
          makeRequest({
            status: outcome,
            decision: {
              ...decision,
              outcome,
              path: 'reuse',
              targetEntityRef: 'component:default/docusign-gateway',
            },
          }),
        );
        expect(spec).not.toHaveProperty('decision');
        expect(spec).not.toHaveProperty('fulfilledBy');
      },
    );

    it('sets neither without a decision', () => {
      const { spec } = requestToEntity(
        makeRequest({ status: 'in-review', decision: undefined }),
      );
      expect(spec).not.toHaveProperty('decision');
      expect(spec).not.toHaveProperty('fulfilledBy');
    });
  });

  it('does not change the request', () => {
    const request = makeRequest();
    const before = structuredClone(request);
    requestToEntity(request, { annotations: { a: 'b' } });
    expect(request).toStrictEqual(before);
  });
});
