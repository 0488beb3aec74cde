import { Entity } from '@backstage/catalog-model';
import { processingResult } from '@backstage/plugin-catalog-node';
import {
  requestToEntity,
  TechRequest,
  TechnologyRequestEntityV1alpha1,
} from '@tech-requests/plugin-tech-requests-common';
import {
  aComponentEntity,
  anApprovedReuseRequest,
} from '@tech-requests/plugin-tech-requests-common/testUtils';
import { TechRequestEntityProcessor } from './TechRequestEntityProcessor';

const LOCATION = {
  type: 'url',
  target: 'https://tech-requests.example.com/requests',
};

/** Request 42 with its `namedReuseCandidates` confirmed by reviewers, unless `reuseSuggestions` is given. */
function makeRequest(overrides: Partial<TechRequest> = {}): TechRequest {
  const request = anApprovedReuseRequest({
    integrations: ['contracts-platform'],
    namedReuseCandidates: ['component:default/docusign-gateway', 'adobe-sign'],
    ...overrides,
  });
  return {
    ...request,
    reuseSuggestions:
      overrides.reuseSuggestions ??
      request.namedReuseCandidates.map(entityRef => ({
        entityRef,
        origin: 'requester' as const,
        state: 'confirmed' as const,
        reasons: [],
      })),
  };
}

const SELF = {
  kind: 'TechnologyRequest',
  namespace: 'default',
  name: 'tr-42-e-signature-for-contracts',
};

function pair(
  target: { kind: string; namespace: string; name: string },
  type: string,
  reverse: string,
  source = SELF,
) {
  return [
    processingResult.relation({ source, type, target }),
    processingResult.relation({
      source: target,
      type: reverse,
      target: source,
    }),
  ];
}

function emitted(emit: jest.Mock): unknown[] {
  return emit.mock.calls.map(call => call[0]);
}

describe('TechRequestEntityProcessor', () => {
  const processor = new TechRequestEntityProcessor();

  it('has a name', () => {
    expect(processor.getProcessorName()).toBe('TechRequestEntityProcessor');
  });

  describe('validateEntityKind', () => {
    // The common package's tests hold the schema to every field; here, that it is used.
    it('is true for a valid TechnologyRequest entity', async () => {
      await expect(
        processor.validateEntityKind(requestToEntity(makeRequest())),
      ).resolves.toBe(true);
    });

    it('is false for a Component', async () => {
      await expect(
        processor.validateEntityKind(aComponentEntity()),
      ).resolves.toBe(false);
    });

    it('is false for the kind under another apiVersion', async () => {
      const entity = {
        ...requestToEntity(makeRequest()),
        apiVersion: 'tech-requests.io/v1beta1',
      };
      await expect(processor.validateEntityKind(entity)).resolves.toBe(false);
    });

    it("rejects an invalid entity with the schema's reason, naming the field", async () => {
      const entity = requestToEntity(makeRequest());
      await expect(
        processor.validateEntityKind({
          ...entity,
          spec: { ...entity.spec, status: 'lost' },
        } as Entity),
      ).rejects.toThrow(
        /\/spec\/status must be equal to one of the allowed values/,
      );
    });
  });

  describe('postProcessEntity', () => {
    it('emits both directions of every relation of the spec, and makes the requesting group a user of what it reuses', async () => {
      const entity = requestToEntity(makeRequest());
      const emit = jest.fn();

      await processor.postProcessEntity(entity, LOCATION, emit);

      expect(emitted(emit)).toEqual([
        ...pair(
          { kind: 'group', namespace: 'default', name: 'legal' },
          'ownedBy',
          'ownerOf',
        ),
        ...pair(
          { kind: 'component', namespace: 'default', name: 'docusign-gateway' },
          'hasReuseCandidate',
          'reuseCandidateOf',
        ),
        ...pair(
          { kind: 'component', namespace: 'default', name: 'adobe-sign' },
          'hasReuseCandidate',
          'reuseCandidateOf',
        ),
        ...pair(
          { kind: 'system', namespace: 'default', name: 'contracts-platform' },
          'integratesWith',
          'integrationOf',
        ),
        ...pair(
          { kind: 'component', namespace: 'default', name: 'docusign-gateway' },
          'fulfilledBy',
          'fulfills',
        ),
        // An approved reuse: the requesting group now uses what it reuses.
        ...pair(
          { kind: 'group', namespace: 'default', name: 'legal' },
          'reusedBy',
          'reuses',
          { kind: 'component', namespace: 'default', name: 'docusign-gateway' },
        ),
      ]);
      expect(emit).toHaveBeenCalledTimes(12);
    });

    it('makes no group a user of anything before a reuse is approved', async () => {
      for (const decision of [
        undefined,
        {
          outcome: 'approved' as const,
          path: 'build' as const,
          rationale: 'Core to the business.',
          decidedBy: 'user:default/lena.fischer',
          decidedAt: '2026-03-01T00:00:00.000Z',
        },
      ]) {
        const emit = jest.fn();
        await processor.postProcessEntity(
          requestToEntity(makeRequest({ decision })),
          LOCATION,
          emit,
        );
        expect(
          emitted(emit).filter(result =>
            ['reusedBy', 'reuses'].includes(
              (result as { relation: { type: string } }).relation.type,
            ),
          ),
        ).toEqual([]);
      }
    });

    it('emits results in the catalog relation shape', async () => {
      const entity = requestToEntity(
        makeRequest({
          decision: undefined,
          namedReuseCandidates: [],
          integrations: [],
        }),
      );
      const emit = jest.fn();

      await processor.postProcessEntity(entity, LOCATION, emit);

      expect(emitted(emit)).toEqual([
        {
          type: 'relation',
          relation: {
            source: SELF,
            type: 'ownedBy',
            target: { kind: 'group', namespace: 'default', name: 'legal' },
          },
        },
        {
          type: 'relation',
          relation: {
            source: { kind: 'group', namespace: 'default', name: 'legal' },
            type: 'ownerOf',
            target: SELF,
          },
        },
      ]);
    });

    it('gives bare names their default kind and the namespace of the entity', async () => {
      const base = requestToEntity(
        makeRequest({
          requestingGroup: 'legal',
          namedReuseCandidates: ['adobe-sign', 'api:shared/signing-api'],
          integrations: ['contracts-platform', 'component:erp-connector'],
          decision: {
            outcome: 'approved',
            path: 'build',
            targetEntityRef: 'esign-service',
            rationale: 'Build it.',
            decidedBy: 'user:default/rob.reviewer',
            decidedAt: '2025-06-01T10:00:00.000Z',
          },
        }),
      );
      const entity: TechnologyRequestEntityV1alpha1 = {
        ...base,
        metadata: { ...base.metadata, namespace: 'contracts' },
      };
      const self = { ...SELF, namespace: 'contracts' };
      const emit = jest.fn();

      await processor.postProcessEntity(entity, LOCATION, emit);

      expect(emitted(emit)).toEqual([
        ...pair(
          { kind: 'group', namespace: 'contracts', name: 'legal' },
          'ownedBy',
          'ownerOf',
          self,
        ),
        ...pair(
          { kind: 'component', namespace: 'contracts', name: 'adobe-sign' },
          'hasReuseCandidate',
          'reuseCandidateOf',
          self,
        ),
        ...pair(
          { kind: 'api', namespace: 'shared', name: 'signing-api' },
          'hasReuseCandidate',
          'reuseCandidateOf',
          self,
        ),
        ...pair(
          {
            kind: 'system',
            namespace: 'contracts',
            name: 'contracts-platform',
          },
          'integratesWith',
          'integrationOf',
          self,
        ),
        ...pair(
          { kind: 'component', namespace: 'contracts', name: 'erp-connector' },
          'integratesWith',
          'integrationOf',
          self,
        ),
        ...pair(
          { kind: 'component', namespace: 'contracts', name: 'esign-service' },
          'fulfilledBy',
          'fulfills',
          self,
        ),
      ]);
    });

    it('emits a relation to an entity that does not exist', async () => {
      const entity = requestToEntity(
        makeRequest({
          decision: undefined,
          namedReuseCandidates: ['component:default/does-not-exist-anywhere'],
          integrations: [],
        }),
      );
      const emit = jest.fn();

      await processor.postProcessEntity(entity, LOCATION, emit);

      expect(emitted(emit)).toEqual([
        ...pair(
          { kind: 'group', namespace: 'default', name: 'legal' },
          'ownedBy',
          'ownerOf',
        ),
        ...pair(
          {
            kind: 'component',
            namespace: 'default',
            name: 'does-not-exist-anywhere',
          },
          'hasReuseCandidate',
          'reuseCandidateOf',
        ),
      ]);
    });

    it('emits only the owner pair when no optional refs are set', async () => {
      const entity = requestToEntity(
        makeRequest({
          status: 'submitted',
          decision: undefined,
          namedReuseCandidates: [],
          integrations: [],
        }),
      );
      const emit = jest.fn();

      await processor.postProcessEntity(entity, LOCATION, emit);

      expect(emitted(emit)).toEqual(
        pair(
          { kind: 'group', namespace: 'default', name: 'legal' },
          'ownedBy',
          'ownerOf',
        ),
      );
    });

    it('emits only the owner pair when the optional fields are absent altogether', async () => {
      const entity: TechnologyRequestEntityV1alpha1 = {
        apiVersion: 'tech-requests.io/v1alpha1',
        kind: 'TechnologyRequest',
        metadata: {
          name: 'tr-42-e-signature-for-contracts',
          namespace: 'default',
        },
        spec: {
          status: 'submitted',
          owner: 'group:default/legal',
          requester: 'user:default/rita.requester',
        },
      };
      const emit = jest.fn();

      await processor.postProcessEntity(entity, LOCATION, emit);

      expect(emitted(emit)).toEqual(
        pair(
          { kind: 'group', namespace: 'default', name: 'legal' },
          'ownedBy',
          'ownerOf',
        ),
      );
    });

    it('emits no fulfilledBy for a rejected request', async () => {
      const entity = requestToEntity(
        makeRequest({
          status: 'rejected',
          namedReuseCandidates: [],
          integrations: [],
          decision: {
            outcome: 'rejected',
            path: 'reuse',
            targetEntityRef: 'component:default/docusign-gateway',
            rationale: 'No.',
            decidedBy: 'user:default/rob.reviewer',
            decidedAt: '2025-06-01T10:00:00.000Z',
          },
        }),
      );
      const emit = jest.fn();

      await processor.postProcessEntity(entity, LOCATION, emit);

      expect(emitted(emit)).toEqual(
        pair(
          { kind: 'group', namespace: 'default', name: 'legal' },
          'ownedBy',
          'ownerOf',
        ),
      );
    });

    it('emits nothing for another kind and returns it unchanged', async () => {
      const component: Entity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'docusign-gateway', namespace: 'default' },
        spec: {
          type: 'service',
          lifecycle: 'production',
          owner: 'group:default/legal',
          namedReuseCandidates: ['component:default/adobe-sign'],
          fulfilledBy: 'component:default/x',
        },
      };
      const before = structuredClone(component);
      const emit = jest.fn();

      const result = await processor.postProcessEntity(
        component,
        LOCATION,
        emit,
      );

      expect(emit).not.toHaveBeenCalled();
      expect(result).toBe(component);
      expect(result).toStrictEqual(before);
    });

    it('emits nothing for the kind under another apiVersion', async () => {
      const entity = {
        ...requestToEntity(makeRequest()),
        apiVersion: 'tech-requests.io/v1beta1',
      };
      const emit = jest.fn();

      await processor.postProcessEntity(entity, LOCATION, emit);

      expect(emit).not.toHaveBeenCalled();
    });

    it('returns the request entity unchanged', async () => {
      const entity = requestToEntity(makeRequest());
      const before = structuredClone(entity);
      const emit = jest.fn();

      const result = await processor.postProcessEntity(entity, LOCATION, emit);

      expect(result).toBe(entity);
      expect(result).toStrictEqual(before);
    });
  });
});
