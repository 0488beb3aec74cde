import {
  FindingSeverity,
  RequestDecision,
  RequestStatus,
  ReuseCandidate,
  SimilarRequest,
  TechRequest,
} from '@tech-requests/plugin-tech-requests-common';
import { aRequest } from '../__testUtils__/aRequest';
import {
  assessFit,
  BLOCKER_PENALTY,
  CatalogFacts,
  FIT_RULES,
  FitRuleSetting,
  fitScore,
  MAX_FIT_SCORE,
  RadarEntry,
  unknownRuleIds,
  WARNING_PENALTY,
} from './fit';

const RADAR: RadarEntry[] = [
  {
    name: 'DocuSign',
    ring: 'hold',
    aliases: ['DocuSign eSignature'],
    source: 'techRequests.standards.radar',
  },
  { name: 'Adobe Sign', ring: 'trial', source: 'radar.json' },
  { name: 'Yousign', ring: 'assess', source: 'radar.json' },
  {
    name: 'Zoom',
    ring: 'adopt',
    aliases: ['Zoom Video'],
    source: 'https://radar.example.com',
  },
];
const ALL_SOURCES = [
  'techRequests.standards.radar',
  'radar.json',
  'https://radar.example.com',
];

function facts(
  entityRef: string,
  fields: Partial<CatalogFacts> = {},
): CatalogFacts {
  return {
    entityRef,
    kind: entityRef.split(':')[0],
    lifecycle: 'production',
    offersApi: true,
    ...fields,
  };
}

const ENTITIES = [
  facts('component:default/crm', { kind: 'Component', title: 'CRM' }),
  facts('component:default/legacy-crm', {
    kind: 'Component',
    offersApi: false,
  }),
  facts('system:default/erp', { kind: 'System', offersApi: false }),
  facts('api:default/crm-api', { kind: 'API', offersApi: false }),
  facts('resource:default/bucket', { kind: 'Resource', offersApi: false }),
  facts('component:default/old-mailer', {
    kind: 'Component',
    lifecycle: 'deprecated',
  }),
  facts('system:default/mainframe', {
    kind: 'System',
    lifecycle: 'deprecated',
  }),
  facts('component:default/esign-gateway', { title: 'E-sign gateway' }),
  facts('component:default/beta-sign', { lifecycle: 'experimental' }),
  facts('component:default/old-sign', { lifecycle: 'deprecated' }),
  facts('component:default/unlabelled', { lifecycle: undefined }),
];

interface Extras {
  entities?: CatalogFacts[];
  similarRequests?: SimilarRequest[];
  rules?: Record<string, FitRuleSetting>;
  radar?: RadarEntry[];
}

function fit(overrides: Partial<TechRequest>, extras: Extras = {}) {
  const entities = extras.entities ?? ENTITIES;
  return assessFit({
    request: aRequest(overrides),
    entities: new Map(entities.map(entity => [entity.entityRef, entity])),
    similarRequests: extras.similarRequests ?? [],
    standards: { radar: extras.radar ?? RADAR, rules: extras.rules ?? {} },
  });
}

/** ruleId, severity and evidence of each finding, in order. */
function summary(overrides: Partial<TechRequest>, extras: Extras = {}) {
  return fit(overrides, extras).findings.map(finding => [
    finding.ruleId,
    finding.severity,
    finding.evidence,
  ]);
}

const vendors = (...names: string[]) => ({
  vendorCandidates: names.map(name => ({ name })),
});

function decision(fields: Partial<RequestDecision>): RequestDecision {
  return {
    outcome: 'approved',
    rationale: 'Fits',
    decidedBy: 'user:default/boss',
    decidedAt: '2025-02-01T00:00:00Z',
    ...fields,
  };
}

function candidate(
  entityRef: string,
  state: ReuseCandidate['state'] = 'confirmed',
): ReuseCandidate {
  return { entityRef, origin: 'engine', state, reasons: [] };
}

function similar(fields: Partial<SimilarRequest> = {}): SimilarRequest {
  return {
    id: 7,
    title: 'E-signature',
    status: 'in-review',
    requestingGroup: 'group:default/sales',
    entityRef: 'technologyrequest:default/tr-7-e-signature',
    score: 0.5,
    reasons: [],
    ...fields,
  };
}

describe('FIT_RULES', () => {
  it('lists every rule once', () => {
    const ids = FIT_RULES.map(rule => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([
      'vendor-on-hold',
      'vendor-in-trial',
      'vendor-adopted',
      'vendor-not-on-radar',
      'integration-not-in-catalog',
      'integration-without-api',
      'integration-deprecated',
      'build-on-deprecated-system',
      'duplicate-request',
      'reuse-target-not-in-production',
      'reuse-available',
      'catalog-unavailable',
    ]);
  });
});

describe('assessFit vendor rules', () => {
  const hold = ['vendor-on-hold', 'blocker', ['techRequests.standards.radar']];
  it.each<[string, Partial<TechRequest>, Extras, unknown[]]>([
    ['a vendor on hold by name', vendors('DocuSign'), {}, [hold]],
    [
      'a vendor on hold, ignoring case and spaces',
      vendors('  docusign '),
      {},
      [hold],
    ],
    ['a vendor on hold by alias', vendors('DOCUSIGN ESIGNATURE'), {}, [hold]],
    [
      'the decided vendor on hold',
      { decision: decision({ path: 'buy', vendor: 'DocuSign' }) },
      {},
      [hold],
    ],
    [
      'a vendor named as candidate, alias and decision once',
      {
        ...vendors('DocuSign', 'docusign eSignature'),
        decision: decision({ path: 'buy', vendor: 'docusign' }),
      },
      {},
      [hold],
    ],
    [
      'two vendors on hold in the same radar, each',
      vendors('DocuSign', 'Acme'),
      {
        radar: [
          { name: 'DocuSign', ring: 'hold', source: 'radar.json' },
          { name: 'Acme', ring: 'hold', source: 'radar.json' },
        ],
      },
      [
        ['vendor-on-hold', 'blocker', ['radar.json']],
        ['vendor-on-hold', 'blocker', ['radar.json']],
      ],
    ],
    [
      'the strictest ring when two entries match',
      vendors('Zoom'),
      {
        radar: [
          { name: 'Zoom', ring: 'adopt', source: 'a' },
          {
            name: 'Zoom Classic',
            ring: 'hold',
            aliases: ['zoom'],
            source: 'b',
          },
        ],
      },
      [['vendor-on-hold', 'blocker', ['b']]],
    ],
    [
      'a vendor in trial',
      vendors('Adobe Sign'),
      {},
      [['vendor-in-trial', 'info', ['radar.json']]],
    ],
    [
      'a vendor in assess',
      vendors('yousign'),
      {},
      [['vendor-in-trial', 'info', ['radar.json']]],
    ],
    [
      'an adopted vendor by alias',
      vendors('zoom video'),
      {},
      [['vendor-adopted', 'info', ['https://radar.example.com']]],
    ],
    [
      'a vendor not on the radar, with every radar source',
      vendors('Acme'),
      {},
      [['vendor-not-on-radar', 'info', ALL_SOURCES]],
    ],
    [
      'nothing for a vendor when the radar is empty',
      vendors('Acme'),
      { radar: [] },
      [],
    ],
    ['nothing without vendors', {}, {}, []],
    ['nothing for a blank vendor name', vendors('   '), {}, []],
  ])('reports %s', (_, overrides, extras, expected) => {
    expect(summary(overrides, extras)).toEqual(expected);
  });

  it.each([
    [
      'DocuSign',
      'DocuSign is on hold in the Tech Radar: new use needs an exception',
    ],
    [
      'docusign esignature',
      'DocuSign is on hold in the Tech Radar: new use needs an exception',
    ],
    [
      'Adobe Sign',
      'Adobe Sign is in trial in the Tech Radar: expect conditions',
    ],
    ['Yousign', 'Yousign is in assess in the Tech Radar: expect conditions'],
    ['Zoom', 'Zoom is adopted in the Tech Radar'],
    [
      ' Acme ',
      'Acme is not on the Tech Radar: architecture has not assessed it yet',
    ],
  ])('says of %p: %s', (name, message) => {
    expect(fit(vendors(name)).findings.map(f => f.message)).toEqual([message]);
  });
});

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
      'component:default/ghost is not in the catalog: an integration target should be registered',
    ],
    [
      'system:default/erp',
      'system:default/erp offers no API in the catalog: integrations go through registered APIs',
    ],
    [
      'component:default/old-mailer',
      'component:default/old-mailer is deprecated: integrating with it adds work when it goes',
    ],
  ])('says of %s: %s', (ref, message) => {
    expect(fit({ integrations: [ref] }).findings[0].message).toBe(message);
  });

  it('names the system a build would rest on, by its title', () => {
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
      'The request would build on Mainframe (system:default/mainframe), a deprecated system: build on its successor instead',
    );
  });
});

describe('assessFit duplicate-request', () => {
  const duplicate = [
    'duplicate-request',
    'warning',
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
      [['duplicate-request', 'warning', ['tech-requests:request/7']]],
    ],
    ['nothing below 0.5', similar({ score: 0.49 }), []],
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
      'Request #7 "E-signature" of group:default/sales asks for much the same and is still in-review: consider joining forces',
    );
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
      'component:default/beta-sign is experimental: reuse it only when its owners commit to running it for others',
    ],
    [
      'component:default/old-sign',
      'component:default/old-sign is deprecated: reuse it only with a plan to move off it',
    ],
    [
      'component:default/esign-gateway',
      'E-sign gateway (component:default/esign-gateway) is confirmed for reuse and runs in production',
    ],
  ])('says of %s: %s', (ref, message) => {
    expect(
      fit({ reuseSuggestions: [candidate(ref)] }).findings[0].message,
    ).toBe(message);
  });
});

describe('assessFit rule settings', () => {
  const onHold = vendors('DocuSign');
  it.each<[string, Record<string, FitRuleSetting>, unknown[], number]>([
    ['defaults', {}, [['vendor-on-hold', 'blocker']], 65],
    ['a disabled rule', { 'vendor-on-hold': { enabled: false } }, [], 100],
    [
      'a severity override',
      { 'vendor-on-hold': { severity: 'warning' } },
      [['vendor-on-hold', 'warning']],
      90,
    ],
    [
      'an override to info',
      { 'vendor-on-hold': { severity: 'info' } },
      [['vendor-on-hold', 'info']],
      100,
    ],
    [
      'an enabled rule with an override',
      { 'vendor-on-hold': { enabled: true, severity: 'warning' } },
      [['vendor-on-hold', 'warning']],
      90,
    ],
    [
      'a disabled rule with an override',
      { 'vendor-on-hold': { enabled: false, severity: 'warning' } },
      [],
      100,
    ],
    [
      'an unknown severity, ignored',
      { 'vendor-on-hold': { severity: 'fatal' as FindingSeverity } },
      [['vendor-on-hold', 'blocker']],
      65,
    ],
    [
      'an unknown rule, ignored',
      { 'no-such-rule': { enabled: false } },
      [['vendor-on-hold', 'blocker']],
      65,
    ],
    [
      'another rule disabled',
      { 'vendor-adopted': { enabled: false } },
      [['vendor-on-hold', 'blocker']],
      65,
    ],
  ])('applies %s', (_, rules, expected, score) => {
    const result = fit(onHold, { rules });
    expect(result.findings.map(f => [f.ruleId, f.severity])).toEqual(expected);
    expect(result.score).toBe(score);
  });

  it('raises an info rule to a blocker', () => {
    const result = fit(vendors('Zoom'), {
      rules: { 'vendor-adopted': { severity: 'blocker' } },
    });
    expect(result.findings.map(f => f.severity)).toEqual(['blocker']);
    expect(result.score).toBe(65);
  });

  it.each<[Record<string, FitRuleSetting>, string[]]>([
    [{}, []],
    [{ 'vendor-on-hold': {}, 'reuse-available': { enabled: false } }, []],
    [
      {
        'vendor-on-hold': {},
        'no-such-rule': {},
        'Vendor-On-Hold': { enabled: false },
      },
      ['no-such-rule', 'Vendor-On-Hold'],
    ],
  ])('finds unknown rule ids in %j', (settings, expected) => {
    expect(unknownRuleIds(settings)).toEqual(expected);
  });
});

describe('fit score', () => {
  const many = (count: number, severity: FindingSeverity) =>
    Array.from({ length: count }, () => ({ severity }));
  it.each<[string, FindingSeverity[], number]>([
    ['no findings', [], 100],
    ['info only', ['info', 'info', 'info'], 100],
    ['one warning', ['warning'], 90],
    ['one blocker', ['blocker'], 65],
    ['a blocker and a warning', ['blocker', 'warning', 'info'], 55],
    [
      'two blockers and three warnings, exactly 0',
      [...many(2, 'blocker'), ...many(3, 'warning')].map(f => f.severity),
      0,
    ],
    ['three blockers, floored at 0', ['blocker', 'blocker', 'blocker'], 0],
    [
      'eleven warnings, floored at 0',
      many(11, 'warning').map(f => f.severity),
      0,
    ],
    ['nine warnings', many(9, 'warning').map(f => f.severity), 10],
  ])('is right for %s', (_, severities, score) => {
    expect(fitScore(severities.map(severity => ({ severity })))).toBe(score);
  });

  it('uses the named constants', () => {
    expect([MAX_FIT_SCORE, BLOCKER_PENALTY, WARNING_PENALTY]).toEqual([
      100, 35, 10,
    ]);
  });
});

describe('assessFit', () => {
  it('orders blockers, warnings, info and scores them', () => {
    const result = fit({
      ...vendors('Zoom', 'DocuSign'),
      integrations: ['component:default/ghost'],
      reuseSuggestions: [candidate('component:default/esign-gateway')],
    });
    expect(result.findings.map(f => [f.ruleId, f.severity])).toEqual([
      ['vendor-on-hold', 'blocker'],
      ['integration-not-in-catalog', 'warning'],
      ['vendor-adopted', 'info'],
      ['reuse-available', 'info'],
    ]);
    expect(result.score).toBe(55);
  });

  it('scores a clean request 100 with no findings', () => {
    expect(fit({ integrations: ['component:default/crm'] })).toEqual({
      score: 100,
      findings: [],
    });
  });
});
