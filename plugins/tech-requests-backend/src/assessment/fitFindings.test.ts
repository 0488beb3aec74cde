import {
  RequestStatus,
  SimilarRequest,
  TechRequest,
} from '@tech-requests/plugin-tech-requests-common';
import {
  facts,
  fit,
  summary,
  decision,
  candidate,
  similar,
} from '../__testUtils__/fitSamples';

describe('assessFit integration rules', () => {
  const building = { preferredPath: 'build' } as const;
  it.each<[string, Partial<TechRequest>, unknown[]]>([
    ['nothing for a production component with an API', {}, []],
    [
      'an integration missing from the catalog',
      { integrations: ['component:default/ghost'] },
      [['integration-not-in-catalog', 'warning', ['component:default/ghost']]],
    ],
    [
      'a component without an API',
      { integrations: ['component:default/legacy-crm'] },
      [
        [
          'integration-without-api',
          'warning',
          ['component:default/legacy-crm'],
        ],
      ],
    ],
    [
      'a system without an API',
      { integrations: ['system:default/erp'] },
      [['integration-without-api', 'warning', ['system:default/erp']]],
    ],
    [
      'a target found whatever the case of its ref',
      { integrations: ['System:default/ERP'] },
      [['integration-without-api', 'warning', ['system:default/erp']]],
    ],
    [
      'nothing for an API, which is an API itself',
      { integrations: ['api:default/crm-api'] },
      [],
    ],
    [
      'nothing for a resource without an API',
      { integrations: ['resource:default/bucket'] },
      [],
    ],
    [
      'a deprecated component',
      { integrations: ['component:default/old-mailer'] },
      [['integration-deprecated', 'warning', ['component:default/old-mailer']]],
    ],
    [
      'a deprecated component, not blocking a build',
      { ...building, integrations: ['component:default/old-mailer'] },
      [['integration-deprecated', 'warning', ['component:default/old-mailer']]],
    ],
    [
      'a deprecated system when buying',
      { preferredPath: 'buy', integrations: ['system:default/mainframe'] },
      [['integration-deprecated', 'warning', ['system:default/mainframe']]],
    ],
    [
      'a deprecated system when the requester would build',
      { ...building, integrations: ['system:default/mainframe'] },
      [
        ['build-on-deprecated-system', 'blocker', ['system:default/mainframe']],
        ['integration-deprecated', 'warning', ['system:default/mainframe']],
      ],
    ],
    [
      'a deprecated system when the decision is to build',
      {
        preferredPath: 'buy',
        decision: decision({ path: 'build' }),
        integrations: ['system:default/mainframe'],
      },
      [
        ['build-on-deprecated-system', 'blocker', ['system:default/mainframe']],
        ['integration-deprecated', 'warning', ['system:default/mainframe']],
      ],
    ],
    [
      'a deprecated system when the decision overrules a build',
      {
        ...building,
        decision: decision({ path: 'reuse' }),
        integrations: ['system:default/mainframe'],
      },
      [['integration-deprecated', 'warning', ['system:default/mainframe']]],
    ],
    [
      'a deprecated system when a deferral leaves the build preference',
      {
        ...building,
        decision: decision({ outcome: 'deferred' }),
        integrations: ['system:default/mainframe'],
      },
      [
        ['build-on-deprecated-system', 'blocker', ['system:default/mainframe']],
        ['integration-deprecated', 'warning', ['system:default/mainframe']],
      ],
    ],
    [
      'a target listed twice once',
      {
        integrations: ['component:default/ghost', 'component:default/ghost'],
      },
      [['integration-not-in-catalog', 'warning', ['component:default/ghost']]],
    ],
  ])('reports %s', (_, overrides, expected) => {
    expect(summary(overrides)).toEqual(expected);
  });

  it.each([
    [
      'component:default/ghost',
      'ghost is not in the catalog: an integration target should be registered',
    ],
    [
      'system:default/erp',
      'erp offers no API in the catalog: integrations go through registered APIs',
    ],
    [
      'component:default/old-mailer',
      'old-mailer is deprecated: integrating with it adds work when it goes',
    ],
  ])('says of %s: %s', (ref, message) => {
    expect(fit({ integrations: [ref] }).findings[0].message).toBe(message);
  });

  it('names the system a build would rest on by its title, leaving its ref to the evidence', () => {
    const [finding] = fit(
      { ...building, integrations: ['system:default/mainframe'] },
      {
        entities: [
          facts('system:default/mainframe', {
            title: 'Mainframe',
            lifecycle: 'deprecated',
          }),
        ],
      },
    ).findings;
    expect(finding.message).toBe(
      'The request would build on Mainframe, a deprecated system: build on its successor instead',
    );
    expect(finding.evidence).toEqual(['system:default/mainframe']);
  });
});

describe('assessFit duplicate-request', () => {
  const duplicate = [
    'duplicate-request',
    'info',
    ['technologyrequest:default/tr-7-e-signature'],
  ];
  it.each<[string, SimilarRequest, unknown[]]>([
    ['an in-review request of another group', similar(), [duplicate]],
    ['a submitted one', similar({ status: 'submitted' }), [duplicate]],
    ['a deferred one', similar({ status: 'deferred' }), [duplicate]],
    ['one scoring 0.9', similar({ score: 0.9 }), [duplicate]],
    [
      'one without an entity, by its id',
      similar({ entityRef: undefined }),
      [['duplicate-request', 'info', ['tech-requests:request/7']]],
    ],
    [
      'nothing for the same group',
      similar({ requestingGroup: 'group:default/legal' }),
      [],
    ],
    [
      'nothing for the same group in other case',
      similar({ requestingGroup: 'group:default/Legal' }),
      [],
    ],
    ['nothing for the request itself', similar({ id: 1 }), []],
    ...(
      [
        'draft',
        'approved',
        'rejected',
        'in-delivery',
        'completed',
        'withdrawn',
      ] as RequestStatus[]
    ).map(
      status =>
        [`nothing for a ${status} one`, similar({ status }), []] as [
          string,
          SimilarRequest,
          unknown[],
        ],
    ),
  ])('reports %s', (_, request, expected) => {
    expect(summary({}, { similarRequests: [request] })).toEqual(expected);
  });

  it('says which request and where it stands', () => {
    expect(fit({}, { similarRequests: [similar()] }).findings[0].message).toBe(
      'Request #7 "E-signature" of sales asks for much the same and is still in review: consider joining forces',
    );
  });

  it('costs no points: requests are matched by their words, and may not be duplicates at all', () => {
    const alone = fit({}, { similarRequests: [] });
    const withDuplicates = fit(
      {},
      { similarRequests: [similar(), similar({ id: 8, score: 0.95 })] },
    );
    expect(withDuplicates.findings).toHaveLength(2);
    expect(withDuplicates.score).toBe(alone.score);
  });
});

describe('assessFit reuse rules', () => {
  it.each<[string, Partial<TechRequest>, unknown[]]>([
    [
      'a confirmed experimental candidate',
      { reuseSuggestions: [candidate('component:default/beta-sign')] },
      [
        [
          'reuse-target-not-in-production',
          'warning',
          ['component:default/beta-sign'],
        ],
      ],
    ],
    [
      'a confirmed deprecated candidate',
      { reuseSuggestions: [candidate('component:default/old-sign')] },
      [
        [
          'reuse-target-not-in-production',
          'warning',
          ['component:default/old-sign'],
        ],
      ],
    ],
    [
      "the decision's experimental target",
      {
        decision: decision({
          path: 'reuse',
          targetEntityRef: 'component:default/beta-sign',
        }),
      },
      [
        [
          'reuse-target-not-in-production',
          'warning',
          ['component:default/beta-sign'],
        ],
      ],
    ],
    [
      'a target both confirmed and decided once',
      {
        reuseSuggestions: [candidate('component:default/beta-sign')],
        decision: decision({
          path: 'reuse',
          targetEntityRef: 'component:default/beta-sign',
        }),
      },
      [
        [
          'reuse-target-not-in-production',
          'warning',
          ['component:default/beta-sign'],
        ],
      ],
    ],
    [
      'a confirmed production candidate as available',
      { reuseSuggestions: [candidate('component:default/esign-gateway')] },
      [['reuse-available', 'info', ['component:default/esign-gateway']]],
    ],
    [
      "nothing for the decision's production target",
      {
        decision: decision({
          path: 'reuse',
          targetEntityRef: 'component:default/esign-gateway',
        }),
      },
      [],
    ],
    [
      'nothing for a suggested candidate',
      {
        reuseSuggestions: [
          candidate('component:default/beta-sign', 'suggested'),
        ],
      },
      [],
    ],
    [
      'nothing for a dismissed candidate',
      {
        reuseSuggestions: [
          candidate('component:default/old-sign', 'dismissed'),
        ],
      },
      [],
    ],
    [
      'nothing for a candidate not in the catalog',
      { reuseSuggestions: [candidate('component:default/ghost')] },
      [],
    ],
    [
      'nothing for a candidate without lifecycle',
      { reuseSuggestions: [candidate('component:default/unlabelled')] },
      [],
    ],
  ])('reports %s', (_, overrides, expected) => {
    expect(summary(overrides)).toEqual(expected);
  });

  it.each([
    [
      'component:default/beta-sign',
      'beta-sign is experimental: reuse it only when its owners commit to running it for others',
    ],
    [
      'component:default/old-sign',
      'old-sign is deprecated: reuse it only with a plan to move off it',
    ],
    [
      'component:default/esign-gateway',
      'E-sign gateway is confirmed for reuse and runs in production',
    ],
  ])('says of %s: %s', (ref, message) => {
    expect(
      fit({ reuseSuggestions: [candidate(ref)] }).findings[0].message,
    ).toBe(message);
  });
});
