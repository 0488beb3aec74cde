import {
  Entity,
  entityKindSchemaValidator,
  KubernetesValidatorFunctions,
} from '@backstage/catalog-model';
import {
  ANNOTATION_REQUEST_ID,
  isInCatalog,
  isTechnologyRequestEntity,
  requestEntityName,
  requestToEntity,
  TECH_REQUEST_API_VERSION,
  TECH_REQUEST_KIND,
  technologyRequestEntitySchema,
  TechnologyRequestEntityV1alpha1,
} from './entity';
import { aComponentEntity, anApprovedReuseRequest } from './testUtils';
import { TechRequest } from './model';
import { REQUEST_STATUSES, RequestStatus } from './values';

const NAME_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_ID = 2 ** 31 - 1;

/** Every reason a name would not be accepted as a catalog entity name; empty when it is valid. */
function nameProblems(name: string): string[] {
  const problems: string[] = [];
  if (!KubernetesValidatorFunctions.isValidObjectName(name)) {
    problems.push('not a valid object name');
  }
  if (name.length > 63) {
    problems.push(`longer than 63 (${name.length})`);
  }
  if (!NAME_PATTERN.test(name)) {
    problems.push('does not match the slug pattern');
  }
  return problems;
}

/** Whether `name` is the request's prefix, alone or followed by a dash and the slug. */
function hasRequestPrefix(name: string, id: number): boolean {
  const prefix = `tr-${id}`;
  return name === prefix || name.startsWith(`${prefix}-`);
}

/** mulberry32: a tiny seeded PRNG, so the property tests are repeatable. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHARACTER_POOLS: ReadonlyArray<readonly string[]> = [
  // ASCII, printable and a few control characters
  Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).concat([
    '\t',
    '\n',
    '\r',
    '\0',
  ]),
  // Latin-1 supplement
  Array.from({ length: 96 }, (_, i) => String.fromCharCode(0xa0 + i)),
  // combining marks, in and outside the U+0300–U+036F block
  [
    '\u0300',
    '\u0301',
    '\u0308',
    '\u0327',
    '\u0336',
    '\u036f',
    '\u1ab0',
    '\u1dc0',
    '\u20d0',
    '\u20dd',
    '\ufe20',
  ],
  // emoji, including sequences with joiners, variation selectors and skin tones
  ['🚀', '😀', '👍🏽', '👨‍👩‍👧', '🏳️‍🌈', '❤️', '🇩🇪', '\u200d', '\ufe0f'],
  // CJK, kana and hangul
  ['電', '子', '署', '名', '漢', '字', 'ひ', 'カ', '한', '글', '〜', '　'],
  // letters that fold or case-map in surprising ways
  [
    'ß',
    'İ',
    'ı',
    'ﬁ',
    'Ⅻ',
    '①',
    'Ａ',
    'ｚ',
    '𝔄',
    'K',
    'Å',
    'Ω',
    'Ł',
    'ø',
    'æ',
    'ǅ',
  ],
];

function randomString(random: () => number, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) {
    const pool = CHARACTER_POOLS[Math.floor(random() * CHARACTER_POOLS.length)];
    text += pool[Math.floor(random() * pool.length)];
  }
  return text;
}

function randomId(random: () => number): number {
  return 1 + Math.floor(random() * MAX_ID);
}

describe('requestEntityName', () => {
  const sixtyTwo = 'abcdefghij'.repeat(6).concat('kl');
  const sixtyThree = `${sixtyTwo}m`;
  const sixtyFour = `${sixtyThree}n`;

  it.each([
    [1, 'HR Onboarding Tool', 'tr-1-hr-onboarding-tool'],
    [1, 'Signature électronique', 'tr-1-signature-electronique'],
    [2, 'Über Ärger mit Öl', 'tr-2-uber-arger-mit-ol'],
    // ß has no decomposition; it is folded by hand
    [3, 'Straße und Größe', 'tr-3-strasse-und-grosse'],
    // İ decomposes into I and a combining dot; dotless ı is folded by hand
    [4, 'İstanbul Işık', 'tr-4-istanbul-isik'],
    [4, 'Łódź ørsted æsir Œuvre Þing', 'tr-4-lodz-orsted-aesir-oeuvre-thing'],
    [5, 'Tiếng Việt', 'tr-5-tieng-viet'],
    [6, 'Z̷̢a̴l̸g̵o text', 'tr-6-zalgo-text'],
    [7, 'ＡＢＣ ﬁle ①②', 'tr-7-abc-file-12'],
    [8, '電子署名', 'tr-8'],
    [9, '電子署名 e-signature', 'tr-9-e-signature'],
    [10, '🚀🚀', 'tr-10'],
    [11, 'Launch 🚀 rockets 🚀', 'tr-11-launch-rockets'],
    [12, '👨‍👩‍👧 family app', 'tr-12-family-app'],
    [13, '!!!???', 'tr-13'],
    [14, '   \t\n  ', 'tr-14'],
    [15, '', 'tr-15'],
    [16, 'v1.2.3 release', 'tr-16-v1-2-3-release'],
    [17, 'snake_case_title', 'tr-17-snake-case-title'],
    [18, 'CI/CD pipeline\\tools', 'tr-18-ci-cd-pipeline-tools'],
    [19, `"Quoted" 'title' \`tick\``, 'tr-19-quoted-title-tick'],
    [20, '<script>alert(1)</script>', 'tr-20-script-alert-1-script'],
    [21, "'; DROP TABLE x; --", 'tr-21-drop-table-x'],
    [22, '--leading and trailing--', 'tr-22-leading-and-trailing'],
    [23, 'a -- b __ c..d  //  e', 'tr-23-a-b-c-d-e'],
    [24, '-', 'tr-24'],
    [25, 'a\u20ddb', 'tr-25-a-b'],
    [2147483647, 'Big id', 'tr-2147483647-big-id'],
    [2147483647, '', 'tr-2147483647'],
    // 300 characters: the slug is cut to what fits in 63
    [1, 'a'.repeat(300), `tr-1-${'a'.repeat(58)}`],
    [123, 'b'.repeat(300), `tr-123-${'b'.repeat(56)}`],
    [2147483647, 'c'.repeat(300), `tr-2147483647-${'c'.repeat(49)}`],
    // 62, 63 and 64 characters
    [1, sixtyTwo, `tr-1-${sixtyTwo.slice(0, 58)}`],
    [1, sixtyThree, `tr-1-${sixtyThree.slice(0, 58)}`],
    [1, sixtyFour, `tr-1-${sixtyFour.slice(0, 58)}`],
    // a title that fits exactly
    [1, 'd'.repeat(58), `tr-1-${'d'.repeat(58)}`],
    // the cut lands on a separator, which is dropped
    [1, `${'e'.repeat(57)} f`, `tr-1-${'e'.repeat(57)}`],
    [1, `${'g'.repeat(57)} !! h`, `tr-1-${'g'.repeat(57)}`],
    // the cut lands inside a word, which is kept in part
    [1, `${'g'.repeat(56)}!! hh`, `tr-1-${'g'.repeat(56)}-h`],
  ])('names request %p titled %j as %j', (id, title, expected) => {
    expect(requestEntityName(id, title)).toBe(expected);
  });

  const awkwardTitles: string[] = [
    'Signature électronique',
    'Straße und Größe',
    'İstanbul Işık',
    'Łódź ørsted æsir',
    '電子署名',
    '🚀🚀',
    'Launch 🚀 rockets 🚀',
    '!!!???',
    '   \t\n  ',
    '',
    'a'.repeat(300),
    'é'.repeat(300),
    '🚀'.repeat(300),
    'a-'.repeat(150),
    `${'x'.repeat(62)}`,
    `${'x'.repeat(63)}`,
    `${'x'.repeat(64)}`,
    'v1.2.3 release',
    'snake_case_title',
    'CI/CD pipeline',
    `"Quoted" 'title'`,
    '<script>alert(1)</script>',
    "'; DROP TABLE x; --",
    '--leading and trailing--',
    'a -- b __ c..d',
    '..',
    '_',
    '\u0000\u0001\u001f',
    '\u200b\u200d\ufeff',
    'Ⅻ ǅ 𝔄',
    ' ̈́',
  ];
  const ids = [1, 7, 42, 999, 65536, MAX_ID];
  const cases = ids.flatMap(id => awkwardTitles.map(title => ({ id, title })));

  it('gives every awkward title a valid catalog name', () => {
    const invalid = cases
      .map(({ id, title }) => ({
        id,
        title,
        name: requestEntityName(id, title),
      }))
      .map(c => ({ ...c, problems: nameProblems(c.name) }))
      .filter(c => c.problems.length > 0);
    expect(invalid).toEqual([]);
  });

  it('starts every name with tr-<id>', () => {
    const wrong = cases
      .map(({ id, title }) => ({
        id,
        title,
        name: requestEntityName(id, title),
      }))
      .filter(c => !hasRequestPrefix(c.name, c.id));
    expect(wrong).toEqual([]);
  });

  it('gives the same name on every call', () => {
    const first = cases.map(({ id, title }) => requestEntityName(id, title));
    const second = cases.map(({ id, title }) => requestEntityName(id, title));
    expect(second).toEqual(first);
  });

  it.each(awkwardTitles.map(title => [title]))(
    'gives requests titled %j different names for different ids',
    title => {
      const names = ids.map(id => requestEntityName(id, title));
      expect(new Set(names).size).toBe(ids.length);
    },
  );

  it('keeps names apart when an id and a numeric title could run together', () => {
    expect(requestEntityName(1, '2')).toBe('tr-1-2');
    expect(requestEntityName(12, '')).toBe('tr-12');
    expect(requestEntityName(1, '2 foo')).not.toBe(
      requestEntityName(12, 'foo'),
    );
    expect(requestEntityName(1, '23')).not.toBe(requestEntityName(12, '3'));
  });

  describe('for 2,000 random titles', () => {
    const random = mulberry32(0x7ec4);
    const samples = Array.from({ length: 2000 }, () => ({
      id: randomId(random),
      title: randomString(random, Math.floor(random() * 401)),
    }));

    it('generates a wide spread of inputs', () => {
      const lengths = samples.map(s => s.title.length);
      expect(Math.min(...lengths)).toBe(0);
      expect(Math.max(...lengths)).toBeGreaterThan(400);
      expect(new Set(samples.map(s => s.id)).size).toBeGreaterThan(1990);
    });

    it('makes every name valid', () => {
      const invalid = samples
        .map(({ id, title }) => ({
          id,
          title,
          name: requestEntityName(id, title),
        }))
        .map(c => ({ ...c, problems: nameProblems(c.name) }))
        .filter(c => c.problems.length > 0);
      expect(invalid).toEqual([]);
    });

    it('starts every name with tr-<id>', () => {
      const wrong = samples
        .map(({ id, title }) => ({
          id,
          title,
          name: requestEntityName(id, title),
        }))
        .filter(c => !hasRequestPrefix(c.name, c.id));
      expect(wrong).toEqual([]);
    });

    it('gives distinct ids distinct names', () => {
      const byId = new Map<number, string>();
      for (const { id, title } of samples) {
        byId.set(id, requestEntityName(id, title));
      }
      expect(new Set(byId.values()).size).toBe(byId.size);
    });

    it('gives distinct ids distinct names even for the same title', () => {
      const title = samples[0].title;
      const distinctIds = [...new Set(samples.map(s => s.id))];
      const names = distinctIds.map(id => requestEntityName(id, title));
      expect(new Set(names).size).toBe(distinctIds.length);
    });

    it('is stable across calls', () => {
      const first = samples.map(({ id, title }) =>
        requestEntityName(id, title),
      );
      const second = samples.map(({ id, title }) =>
        requestEntityName(id, title),
      );
      expect(second).toEqual(first);
    });
  });
});

const NEED = `Legal signs around 4,000 contracts a year on paper.
We need   an e-signature tool\tthat works with our contract system.`;

/** The approved request of the common fixture, with every optional field filled in. */
function makeRequest(overrides: Partial<TechRequest> = {}): TechRequest {
  const request = anApprovedReuseRequest();
  return anApprovedReuseRequest({
    need: NEED,
    businessSponsor: 'Laura Legal',
    expectedUsers: 120,
    wantedBy: '2025-09-30',
    budgetRange: { min: 10000, max: 50000, currency: 'EUR' },
    capabilities: ['e-signature', 'audit trail'],
    reuseSuggestions: [
      ...request.reuseSuggestions,
      {
        entityRef: 'resource:default/scanner-fleet',
        origin: 'engine',
        state: 'suggested',
        score: 0.4,
        reasons: [],
      },
    ],
    vendorCandidates: [
      {
        name: 'DocuSign',
        url: 'https://www.docusign.com',
        quotedCost: { amount: 25, currency: 'EUR', period: 'per-user-monthly' },
      },
    ],
    version: 7,
    ...overrides,
  });
}

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
      reuseCandidates: [],
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

describe('isTechnologyRequestEntity', () => {
  it('is true for an entity made from a request', () => {
    expect(isTechnologyRequestEntity(requestToEntity(makeRequest()))).toBe(
      true,
    );
  });

  it.each<[string, string, string]>([
    ['a Component', 'backstage.io/v1alpha1', 'Component'],
    [
      'the kind under another apiVersion',
      'tech-requests.io/v1beta1',
      TECH_REQUEST_KIND,
    ],
    [
      'the kind under the backstage apiVersion',
      'backstage.io/v1alpha1',
      TECH_REQUEST_KIND,
    ],
    ['the apiVersion with another kind', TECH_REQUEST_API_VERSION, 'Component'],
    ['the kind in lower case', TECH_REQUEST_API_VERSION, 'technologyrequest'],
  ])('is false for %s', (_, apiVersion, kind) => {
    const entity: Entity = {
      apiVersion,
      kind,
      metadata: { name: 'x' },
      spec: {},
    };
    expect(isTechnologyRequestEntity(entity)).toBe(false);
  });
});

describe('isInCatalog', () => {
  const expected: Record<RequestStatus, boolean> = {
    draft: false,
    submitted: true,
    'in-review': true,
    approved: true,
    rejected: true,
    deferred: true,
    'in-delivery': true,
    completed: true,
    withdrawn: true,
  };

  it('covers every status', () => {
    expect(Object.keys(expected).sort()).toEqual([...REQUEST_STATUSES].sort());
  });

  it.each(REQUEST_STATUSES.map(status => [status, expected[status]] as const))(
    'for %s is %p',
    (status, inCatalog) => {
      expect(isInCatalog({ status })).toBe(inCatalog);
    },
  );
});

describe('technologyRequestEntitySchema', () => {
  const validate = entityKindSchemaValidator<TechnologyRequestEntityV1alpha1>(
    technologyRequestEntitySchema,
  );

  function entityWithSpec(spec: Record<string, unknown> | undefined): unknown {
    const entity: Record<string, unknown> = {
      ...requestToEntity(makeRequest()),
    };
    if (spec === undefined) {
      delete entity.spec;
    } else {
      entity.spec = spec;
    }
    return entity;
  }

  const validSpec = (): Record<string, unknown> => ({
    ...requestToEntity(makeRequest()).spec,
  });

  it('accepts an entity made from a request and returns it', () => {
    const entity = requestToEntity(makeRequest());
    expect(validate(entity)).toBe(entity);
  });

  it.each(REQUEST_STATUSES.map(status => [status]))(
    'accepts an entity in status %s without a decision',
    status => {
      const entity = requestToEntity(
        makeRequest({ status, decision: undefined }),
      );
      expect(validate(entity)).toBe(entity);
    },
  );

  it('accepts a spec with only the required fields', () => {
    const entity = entityWithSpec({
      status: 'submitted',
      owner: 'group:default/legal',
      requester: 'user:default/rita.requester',
    });
    expect(validate(entity)).toBe(entity);
  });

  it('accepts entities of awkward titles', () => {
    const entity = requestToEntity(
      makeRequest({
        id: MAX_ID,
        title: '<script>alert(1)</script> 🚀 電子署名',
        entityName: undefined,
      }),
    );
    expect(validate(entity)).toBe(entity);
  });

  it('returns false for a Component', () => {
    const component = aComponentEntity();
    expect(validate(component)).toBe(false);
  });

  it('returns false for the kind under another apiVersion', () => {
    const entity = {
      ...requestToEntity(makeRequest()),
      apiVersion: 'tech-requests.io/v1beta1',
    };
    expect(validate(entity)).toBe(false);
  });

  it.each<[string, () => unknown, RegExp]>([
    [
      'spec missing',
      () => entityWithSpec(undefined),
      /required property 'spec'/,
    ],
    [
      'status lost',
      () => entityWithSpec({ ...validSpec(), status: 'lost' }),
      /\/spec\/status must be equal to one of the allowed values/,
    ],
    [
      'status missing',
      () => {
        const { status: _, ...spec } = validSpec();
        return entityWithSpec(spec);
      },
      /required property 'status'/,
    ],
    [
      'owner missing',
      () => {
        const { owner: _, ...spec } = validSpec();
        return entityWithSpec(spec);
      },
      /required property 'owner'/,
    ],
    [
      'owner a number',
      () => entityWithSpec({ ...validSpec(), owner: 42 }),
      /\/spec\/owner must be string/,
    ],
    [
      'owner empty',
      () => entityWithSpec({ ...validSpec(), owner: '' }),
      /\/spec\/owner must NOT have fewer than 1 characters/,
    ],
    [
      'owner too long',
      () => entityWithSpec({ ...validSpec(), owner: 'x'.repeat(256) }),
      /\/spec\/owner must NOT have more than 255 characters/,
    ],
    [
      'requester missing',
      () => {
        const { requester: _, ...spec } = validSpec();
        return entityWithSpec(spec);
      },
      /required property 'requester'/,
    ],
    [
      'reuseCandidates not an array',
      () =>
        entityWithSpec({
          ...validSpec(),
          reuseCandidates: 'component:default/x',
        }),
      /\/spec\/reuseCandidates must be array/,
    ],
    [
      'integrations containing a number',
      () =>
        entityWithSpec({
          ...validSpec(),
          integrations: ['system:default/contracts', 7],
        }),
      /\/spec\/integrations\/1 must be string/,
    ],
    [
      'decision maybe',
      () => entityWithSpec({ ...validSpec(), decision: 'maybe' }),
      /\/spec\/decision must be equal to one of the allowed values/,
    ],
    [
      'dataClassification secret',
      () => entityWithSpec({ ...validSpec(), dataClassification: 'secret' }),
      /\/spec\/dataClassification must be equal to one of the allowed values/,
    ],
    [
      'riskTier extreme',
      () => entityWithSpec({ ...validSpec(), riskTier: 'extreme' }),
      /\/spec\/riskTier/,
    ],
    [
      'capabilities containing an object',
      () => entityWithSpec({ ...validSpec(), capabilities: [{ name: 'x' }] }),
      /\/spec\/capabilities\/0 must be string/,
    ],
    [
      'fulfilledBy empty',
      () => entityWithSpec({ ...validSpec(), fulfilledBy: '' }),
      /\/spec\/fulfilledBy/,
    ],
    [
      'spec a string',
      () => entityWithSpec('nope' as unknown as Record<string, unknown>),
      /\/spec must be object/,
    ],
  ])('throws naming the field for %s', (_, makeEntity, field) => {
    const entity = makeEntity();
    expect(() => validate(entity)).toThrow(field);
  });
});
