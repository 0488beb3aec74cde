import { Entity, entityKindSchemaValidator } from '@backstage/catalog-model';
import {
  isInCatalog,
  isTechnologyRequestEntity,
  requestToEntity,
  TECH_REQUEST_API_VERSION,
  TECH_REQUEST_KIND,
  technologyRequestEntitySchema,
  TechnologyRequestEntityV1alpha1,
} from './entity';
import { aComponentEntity } from './testUtils';
import { REQUEST_STATUSES, RequestStatus } from './values';
import { MAX_ID, makeRequest } from './__testUtils__/entitySamples';

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
