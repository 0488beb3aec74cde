import {
  ReuseCandidate,
  ReuseSuggestion,
} from '@tech-requests/plugin-tech-requests-common';
import {
  assessCandidate,
  CHOSEN_FROM_OFFERINGS,
  refreshCandidates,
} from './reuseCandidates';

const ref = (name: string) => `component:default/${name}`;

function suggestion(name: string, score: number): ReuseSuggestion {
  return {
    entityRef: ref(name),
    kind: 'Component',
    title: `${name} title`,
    score,
    reasons: [`${name} reason`],
  };
}

function candidate(
  name: string,
  fields: Partial<ReuseCandidate> = {},
): ReuseCandidate {
  return {
    entityRef: ref(name),
    origin: 'engine',
    state: 'suggested',
    reasons: [],
    ...fields,
  };
}

describe('refreshCandidates', () => {
  const confirmed = candidate('confirmed', {
    state: 'confirmed',
    score: 0.9,
    assessedBy: 'user:default/rev',
    assessedAt: '2025-01-01T00:00:00Z',
    note: 'in use by sales',
  });
  const dismissed = candidate('dismissed', { state: 'dismissed', score: 0.8 });
  const reviewerAdded = candidate('reviewer-added', { origin: 'reviewer' });
  const oldSuggestion = candidate('old', { score: 0.7, reasons: ['stale'] });
  const formerlyNamed = candidate('formerly-named', { origin: 'requester' });
  const previous = [
    confirmed,
    dismissed,
    reviewerAdded,
    oldSuggestion,
    formerlyNamed,
  ];

  it("keeps reviewers' work, replaces the engine's suggestions and follows the requester", () => {
    const refreshed = refreshCandidates(
      previous,
      [
        suggestion('confirmed', 0.5),
        suggestion('dismissed', 0.95),
        suggestion('named', 0.6),
        suggestion('new', 0.75),
        suggestion('old', 0.4),
      ],
      [ref('named'), ref('unknown-to-engine'), ref('confirmed')],
    );
    expect(refreshed).toEqual([
      confirmed,
      dismissed,
      reviewerAdded,
      {
        entityRef: ref('named'),
        kind: 'Component',
        title: 'named title',
        score: 0.6,
        origin: 'requester',
        state: 'suggested',
        reasons: ['named reason'],
      },
      {
        entityRef: ref('unknown-to-engine'),
        origin: 'requester',
        state: 'suggested',
        reasons: [],
      },
      {
        entityRef: ref('new'),
        kind: 'Component',
        title: 'new title',
        origin: 'engine',
        state: 'suggested',
        score: 0.75,
        reasons: ['new reason'],
      },
      {
        entityRef: ref('old'),
        kind: 'Component',
        title: 'old title',
        origin: 'engine',
        state: 'suggested',
        score: 0.4,
        reasons: ['old reason'],
      },
    ]);
  });

  it('drops engine suggestions the new snapshot no longer has', () => {
    expect(refreshCandidates([oldSuggestion], [], [])).toEqual([]);
  });

  it('drops what the requester no longer names', () => {
    expect(refreshCandidates([formerlyNamed], [], [])).toEqual([]);
    expect(
      refreshCandidates([formerlyNamed], [], [ref('formerly-named')]),
    ).toEqual([formerlyNamed]);
  });

  it('confirms what the requester picked from the offerings, and only that', () => {
    const offered = (entityRef: string) =>
      entityRef === ref('booking')
        ? { kind: 'Component', title: 'Room booking' }
        : undefined;
    const refreshed = refreshCandidates(
      [],
      [],
      [ref('booking'), ref('other')],
      offered,
    );
    expect(refreshed).toEqual([
      {
        entityRef: ref('booking'),
        kind: 'Component',
        title: 'Room booking',
        origin: 'requester',
        state: 'confirmed',
        reasons: [CHOSEN_FROM_OFFERINGS],
      },
      {
        entityRef: ref('other'),
        origin: 'requester',
        state: 'suggested',
        reasons: [],
      },
    ]);
  });

  it('lists each entity once', () => {
    const refreshed = refreshCandidates(
      [],
      [suggestion('a', 0.5), suggestion('a', 0.4)],
      [ref('b'), ref('b')],
    );
    expect(refreshed.map(c => [c.entityRef, c.origin])).toEqual([
      [ref('b'), 'requester'],
      [ref('a'), 'engine'],
    ]);
  });
});

describe('assessCandidate', () => {
  const candidates = [
    candidate('esign', { score: 0.8, reasons: ['Words in common'] }),
    candidate('wiki', { state: 'dismissed', note: 'not relevant' }),
  ];
  const by = {
    assessedBy: 'user:default/rev',
    assessedAt: '2025-02-02T10:00:00Z',
  };

  it('gives a candidate the new state and says what it was', () => {
    const result = assessCandidate(candidates, {
      entityRef: ref('esign'),
      state: 'confirmed',
      note: '  in production at sales  ',
      ...by,
    });
    expect(result).toEqual({
      before: 'suggested',
      candidates: [
        {
          ...candidates[0],
          state: 'confirmed',
          note: 'in production at sales',
          ...by,
        },
        candidates[1],
      ],
    });
  });

  it.each([undefined, '', '   '])(
    'drops the earlier note when the new verdict has none (%j)',
    note => {
      const result = assessCandidate(candidates, {
        entityRef: ref('wiki'),
        state: 'confirmed',
        note,
        ...by,
      });
      expect(result.before).toBe('dismissed');
      expect(result.candidates[1]).toEqual({
        entityRef: ref('wiki'),
        origin: 'engine',
        state: 'confirmed',
        reasons: [],
        ...by,
      });
      expect(result.candidates[0]).toBe(candidates[0]);
    },
  );

  it("adds an entity the request does not have as the reviewer's own", () => {
    const result = assessCandidate(
      candidates,
      {
        entityRef: ref('crm'),
        state: 'confirmed',
        note: 'sales use it',
        ...by,
      },
      { kind: 'System', title: 'CRM' },
    );
    expect(result).toEqual({
      before: null,
      candidates: [
        ...candidates,
        {
          entityRef: ref('crm'),
          kind: 'System',
          title: 'CRM',
          origin: 'reviewer',
          state: 'confirmed',
          reasons: [],
          note: 'sales use it',
          ...by,
        },
      ],
    });
  });

  it('adds an entity the catalog cannot describe with its ref alone', () => {
    const { candidates: after } = assessCandidate([], {
      entityRef: ref('gone'),
      state: 'dismissed',
      ...by,
    });
    expect(after).toEqual([
      {
        entityRef: ref('gone'),
        origin: 'reviewer',
        state: 'dismissed',
        reasons: [],
        ...by,
      },
    ]);
  });

  it('leaves the given list unchanged', () => {
    const before = JSON.stringify(candidates);
    assessCandidate(candidates, {
      entityRef: ref('esign'),
      state: 'dismissed',
      ...by,
    });
    assessCandidate(candidates, {
      entityRef: ref('other'),
      state: 'dismissed',
      ...by,
    });
    expect(JSON.stringify(candidates)).toBe(before);
  });
});
