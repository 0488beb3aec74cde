import { TechRequest } from '@tech-requests/plugin-tech-requests-common';
import { IndexEntry, IndexMatch, ReuseIndex } from './ReuseIndex';
import { describeEntity, ReuseEntity } from './reuseEntities';
import {
  entityScore,
  matchReasons,
  matchStrength,
  rankEntities,
  rankRequests,
} from './ranking';
import { Thesaurus } from './Thesaurus';
import { Vocabulary } from './Vocabulary';
import { aRequest } from '../__testUtils__/aRequest';

const vocabulary = new Vocabulary([
  {
    id: 'e-signature',
    label: 'E-signature',
    phrases: ['sign contracts'],
    terms: ['envelope'],
    vendors: ['docusign'],
  },
]);
const thesaurus: Thesaurus = { related: () => [] };

function reuseEntity(
  name: string,
  fields: Partial<ReuseEntity> = {},
): ReuseEntity {
  return {
    entityRef: `${(fields.kind ?? 'Component').toLowerCase()}:default/${name}`,
    kind: 'Component',
    name,
    tags: [],
    links: [],
    dependentGroups: [],
    fulfilledRequests: 0,
    ...fields,
  };
}

const teams = (count: number) =>
  Array.from({ length: count }, (_, i) => `group:default/team-${i + 1}`);

const buildEntities = (entities: ReuseEntity[]) =>
  ReuseIndex.build(entities, describeEntity, { vocabulary, thesaurus });

describe('entityScore', () => {
  it.each([
    ['production', 0.5],
    ['experimental', 0.425],
    ['deprecated', 0.3],
    [undefined, 0.45],
    ['retired', 0.45],
  ])('weighs a %s entity at relevance 0.5 as %p', (lifecycle, score) => {
    expect(entityScore(reuseEntity('x', { lifecycle }), 0.5)).toBeCloseTo(
      score,
    );
  });

  it('prefers production, then unknown, experimental, deprecated', () => {
    const scores = ['production', undefined, 'experimental', 'deprecated'].map(
      lifecycle => entityScore(reuseEntity('x', { lifecycle }), 0.5),
    );
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    expect(new Set(scores).size).toBe(4);
  });

  it('adds a bonus for teams using the entity, capped', () => {
    const withTeams = (count: number) =>
      entityScore(
        reuseEntity('x', {
          lifecycle: 'production',
          dependentGroups: teams(count),
        }),
        0.5,
      );
    expect(withTeams(1)).toBeGreaterThan(withTeams(0));
    expect(withTeams(5)).toBeGreaterThan(withTeams(4));
    expect(withTeams(50)).toBe(withTeams(5));
  });

  it('adds a bonus for requests the entity fulfilled, capped', () => {
    const withRequests = (count: number) =>
      entityScore(
        reuseEntity('x', { lifecycle: 'production', fulfilledRequests: count }),
        0.5,
      );
    expect(withRequests(1)).toBeGreaterThan(withRequests(0));
    expect(withRequests(3)).toBeGreaterThan(withRequests(2));
    expect(withRequests(40)).toBe(withRequests(3));
  });

  it('lets relevance dominate the usage bonus, and never exceeds 1', () => {
    const busy = reuseEntity('x', {
      lifecycle: 'production',
      dependentGroups: teams(9),
      fulfilledRequests: 9,
    });
    const quiet = reuseEntity('y', { lifecycle: 'production' });
    expect(entityScore(busy, 0.45)).toBeLessThan(entityScore(quiet, 0.6));
    expect(entityScore(busy, 0.95)).toBe(1);
  });
});

describe('rankEntities', () => {
  it('ranks deprecated entities after all others, whatever their score', async () => {
    const index = await buildEntities([
      reuseEntity('esign-gateway', {
        title: 'Contract signing gateway',
        description: 'Customers sign contracts through DocuSign.',
        lifecycle: 'deprecated',
        dependentGroups: teams(5),
        fulfilledRequests: 3,
      }),
      reuseEntity('contract-archive', {
        title: 'Contract archive',
        lifecycle: 'experimental',
      }),
      reuseEntity('team-wiki'),
      reuseEntity('payroll'),
      reuseEntity('video-rooms'),
      reuseEntity('parcel-tracking'),
    ]);
    const ranked = rankEntities(
      index,
      { text: 'customers sign contracts online' },
      { limit: 10, minimumScore: 0.05 },
    );
    expect(ranked.map(s => s.entityRef)).toEqual([
      'component:default/contract-archive',
      'component:default/esign-gateway',
    ]);
    expect(ranked[1].score).toBeGreaterThan(ranked[0].score);
    expect(ranked[1].reasons).toContain(
      'Warning: deprecated, on its way out; reuse only with a plan to move off it',
    );
  });

  it('prefers production over experimental at equal relevance', async () => {
    const index = await buildEntities([
      reuseEntity('survey-forms', { kind: 'API', lifecycle: 'experimental' }),
      reuseEntity('survey-forms', {
        kind: 'Resource',
        lifecycle: 'production',
      }),
    ]);
    const ranked = rankEntities(
      index,
      { text: 'survey forms' },
      { limit: 10, minimumScore: 0.1 },
    );
    expect(ranked.map(s => [s.entityRef, s.lifecycle])).toEqual([
      ['resource:default/survey-forms', 'production'],
      ['api:default/survey-forms', 'experimental'],
    ]);
    expect(ranked[0].score).toBeGreaterThan(ranked[1].score);
  });

  describe('minimum score', () => {
    const entities = [
      reuseEntity('survey-forms', { kind: 'API', dependentGroups: teams(5) }),
      reuseEntity('survey-forms', { kind: 'Resource' }),
      reuseEntity('survey-forms', { kind: 'System', lifecycle: 'deprecated' }),
      reuseEntity('team-wiki'),
    ];
    let index: ReuseIndex<ReuseEntity>;
    let relevance: number;
    beforeAll(async () => {
      index = await buildEntities(entities);
      relevance = index.search({ text: 'survey forms' })[0].relevance;
    });

    it('leaves out what scores below it, and lets usage lift a match over it', () => {
      // Unknown lifecycle weighs 0.9; five teams lift the first to 0.9 × 1.2.
      const minimumScore = relevance;
      const ranked = rankEntities(
        index,
        { text: 'survey forms' },
        { limit: 10, minimumScore },
      );
      expect(ranked.map(s => s.entityRef)).toEqual([
        'api:default/survey-forms',
      ]);
      expect(ranked[0].score).toBeGreaterThanOrEqual(minimumScore);
    });

    it('keeps every match at or above it', () => {
      const ranked = rankEntities(
        index,
        { text: 'survey forms' },
        { limit: 10, minimumScore: relevance * 0.5 },
      );
      expect(ranked.map(s => s.entityRef)).toEqual([
        'api:default/survey-forms',
        'resource:default/survey-forms',
        'system:default/survey-forms',
      ]);
      for (const suggestion of ranked) {
        expect(suggestion.score).toBeGreaterThanOrEqual(relevance * 0.5);
      }
    });

    it('returns at most the limit', () => {
      const ranked = rankEntities(
        index,
        { text: 'survey forms' },
        { limit: 2, minimumScore: 0.01 },
      );
      expect(ranked.map(s => s.entityRef)).toEqual([
        'api:default/survey-forms',
        'resource:default/survey-forms',
      ]);
    });
  });

  it('describes the suggestion and gives reasons a reviewer can check', async () => {
    const index = await buildEntities([
      reuseEntity('esign-gateway', {
        title: 'Contract gateway',
        description: 'Wraps DocuSign.',
        owner: 'group:default/legal',
        lifecycle: 'production',
        dependentGroups: ['group:default/sales', 'group:default/web'],
        fulfilledRequests: 3,
      }),
    ]);
    const [suggestion] = rankEntities(
      index,
      { text: 'Customers sign contracts' },
      { limit: 10, minimumScore: 0.1 },
    );
    expect(suggestion).toEqual({
      entityRef: 'component:default/esign-gateway',
      kind: 'Component',
      title: 'Contract gateway',
      description: 'Wraps DocuSign.',
      owner: 'group:default/legal',
      lifecycle: 'production',
      score: expect.any(Number),
      match: expect.stringMatching(/^(strong|possible)$/),
      reasons: [
        'Provides E-signature: the need says "sign contracts", the entity "docusign"',
        'Words in common: "contracts"',
        'Owned by legal',
        'Lifecycle: production',
        'Already used by 2 other teams: sales, web',
        'Chosen for 3 earlier requests',
      ],
    });
    expect(Number.isInteger(suggestion.score * 1000)).toBe(true);
    expect(suggestion.score).toBeLessThanOrEqual(1);
  });

  it.each([
    [
      {
        owner: 'user:default/jane',
        lifecycle: 'experimental',
        dependentGroups: ['group:ops/platform'],
        fulfilledRequests: 1,
      },
      [
        'Owned by user:jane',
        'Experimental: not yet proven in production',
        'Already used by 1 other team: ops/platform',
        'Chosen for 1 earlier request',
      ],
    ],
    [
      { owner: 'group:ops/legal', dependentGroups: teams(6) },
      [
        'Owned by ops/legal',
        'Already used by 6 other teams: team-1, team-2, team-3, team-4 and 2 more',
      ],
    ],
    [{}, []],
  ])('tells about the entity %j: %j', async (fields, reasons) => {
    const index = await buildEntities([
      reuseEntity('survey-forms', fields as Partial<ReuseEntity>),
    ]);
    const [suggestion] = rankEntities(
      index,
      { text: 'survey forms' },
      { limit: 10, minimumScore: 0.1 },
    );
    expect(suggestion.title).toBe('survey-forms');
    expect(suggestion.reasons).toEqual([
      'Words in common: "survey", "forms"',
      ...reasons,
    ]);
  });
});

describe('matchStrength', () => {
  const match = (
    fields: Partial<IndexMatch<string>> = {},
  ): IndexMatch<string> => ({
    item: 'x',
    relevance: 0.8,
    capabilities: [],
    words: [{ word: 'customer' }],
    ...fields,
  });
  const capability = {
    capability: {
      id: 'e-signature',
      label: 'E-signature',
      phrases: [],
      terms: [],
      vendors: [],
    },
    queryEvidence: 'sign contracts',
    itemEvidence: 'docusign',
  };

  it.each<[string, Partial<IndexMatch<string>>, number, string]>([
    [
      'a capability and a high score',
      { capabilities: [capability] },
      0.7,
      'strong',
    ],
    ['closeness in meaning and a high score', { semantic: 0.5 }, 0.7, 'strong'],
    ['shared words alone, however high the score', {}, 0.95, 'possible'],
    ['a faint closeness in meaning', { semantic: 0.1 }, 0.95, 'possible'],
    [
      'a capability and a low score',
      { capabilities: [capability] },
      0.5,
      'possible',
    ],
  ])('%s', (_, fields, score, expected) => {
    expect(matchStrength(match(fields), score)).toBe(expected);
  });

  it.each<[number, string[]]>([
    [0.5, ['Close in meaning to the need (50% by the language model)']],
    [0.3, ['Close in meaning to the need (30% by the language model)']],
    [0.29, []],
    [0.05, []],
  ])(
    'gives closeness in meaning of %d as a reason only when it would convince',
    (semantic, expected) => {
      const reasons = matchReasons(match({ words: [], semantic }));
      expect(reasons).toEqual(expected);
    },
  );
});

function techRequest(
  id: number,
  title: string,
  need: string,
  fields: Partial<TechRequest> = {},
): TechRequest {
  return aRequest({ id, title, need, ...fields });
}

describe('rankRequests', () => {
  const requests = [
    techRequest(
      1,
      'Sign contracts online',
      'Customers sign contracts online.',
      {
        entityName: 'request-1',
      },
    ),
    techRequest(2, 'Contract signing', 'We sign contracts with suppliers.', {
      requestingGroup: 'group:default/purchasing',
      status: 'approved',
    }),
    techRequest(3, 'Signature tool', 'Signatures on contracts.'),
    techRequest(4, 'Team wiki', 'Pages and notes.'),
  ];
  let index: ReuseIndex<TechRequest>;
  beforeAll(async () => {
    index = await ReuseIndex.build(
      requests,
      (request): IndexEntry => ({
        fields: { title: request.title, description: request.need },
        capabilities: request.capabilities,
      }),
      { vocabulary, thesaurus },
    );
  });
  const query = { text: 'Customers sign contracts online' };

  it('gives similar requests best first, with who filed them', () => {
    const similar = rankRequests(index, query, { limit: 2, minimumScore: 0.1 });
    expect(similar).toEqual([
      {
        id: 1,
        title: 'Sign contracts online',
        status: 'submitted',
        requestingGroup: 'group:default/legal',
        entityRef: 'technologyrequest:default/request-1',
        score: expect.any(Number),
        reasons: expect.arrayContaining(['Filed by legal, now submitted']),
      },
      expect.objectContaining({
        id: 2,
        reasons: expect.arrayContaining(['Filed by purchasing, now approved']),
      }),
    ]);
    expect(similar[1]).not.toHaveProperty('entityRef');
    expect(similar[0].score).toBeGreaterThan(similar[1].score);
  });

  it('leaves out the request asked about, and still fills the limit', () => {
    expect(
      rankRequests(index, query, { limit: 3, minimumScore: 0.01 }).map(
        s => s.id,
      ),
    ).toEqual([1, 2, 3]);
    const similar = rankRequests(index, query, {
      limit: 2,
      minimumScore: 0.01,
      exceptId: 1,
    });
    expect(similar.map(s => s.id)).toEqual([2, 3]);
  });

  it('leaves out requests below the minimum score', () => {
    const all = rankRequests(index, query, { limit: 10, minimumScore: 0.01 });
    expect(all.map(s => s.id)).not.toContain(4);
    const minimumScore = (all[0].score + all[all.length - 1].score) / 2;
    const some = rankRequests(index, query, { limit: 10, minimumScore });
    expect(some.length).toBeLessThan(all.length);
    expect(some.length).toBeGreaterThan(0);
    for (const request of some) {
      expect(request.score).toBeGreaterThanOrEqual(minimumScore - 0.0005);
    }
  });
});
