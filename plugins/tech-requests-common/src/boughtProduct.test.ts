import {
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
} from '@backstage/catalog-model';
import { boughtProductEntity, boughtProductRef } from './boughtProduct';
import { requestToEntity } from './entity';
import { RequestDecision } from './model';
import { aTechRequest } from './testUtils';

/** Whether the catalog would take the entity: its general policies and the Resource kind's schema. */
async function catalogAccepts(entity: Entity): Promise<boolean> {
  await EntityPolicies.allOf([
    new SchemaValidEntityPolicy(),
    new FieldFormatEntityPolicy(),
    new NoForeignRootFieldsEntityPolicy(),
  ]).enforce(entity);
  return resourceEntityV1alpha1Validator.check(entity);
}

const approved = (decision: Partial<RequestDecision>) =>
  aTechRequest({
    id: 12,
    status: 'approved',
    entityName: 'tr-12-online-contract-signing',
    capabilities: ['e-signature', 'Contract management'],
    decision: {
      outcome: 'approved',
      rationale: 'Nothing in house signs documents.',
      decidedBy: 'user:default/lena.fischer',
      decidedAt: '2026-03-01T10:00:00.000Z',
      ...decision,
    },
  });

describe('what an approved purchase becomes in the catalog', () => {
  it('is a saas-subscription Resource of the requesting group, with the capabilities and vendor', async () => {
    const request = approved({ path: 'buy', vendor: 'DocuSign' });
    const entity = boughtProductEntity(request);
    expect(entity).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'docusign-legal',
        namespace: 'default',
        title: 'DocuSign',
        description:
          'DocuSign, bought for "Online contract signing": Legal wants clients to sign engagement letters online.',
        tags: ['e-signature', 'contract-management'],
        annotations: { 'tech-requests.io/bought-for': '12' },
      },
      spec: {
        type: 'saas-subscription',
        owner: 'group:default/legal',
        vendor: 'DocuSign',
        capabilities: ['e-signature', 'Contract management'],
      },
    });
    expect(boughtProductRef(request)).toBe('resource:default/docusign-legal');
    await expect(catalogAccepts(entity!)).resolves.toBe(true);
  });

  it('says a need that only repeats the title once', () => {
    const request = approved({ path: 'buy', vendor: 'DocuSign' });
    const terse = { ...request, need: request.title };
    expect(boughtProductEntity(terse)?.metadata.description).toBe(
      'DocuSign, bought for "Online contract signing"',
    );
  });

  it('serves the request it was bought for', () => {
    const request = approved({ path: 'buy', vendor: 'Adobe Acrobat Sign' });
    expect(requestToEntity(request).spec.fulfilledBy).toBe(
      'resource:default/adobe-acrobat-sign-legal',
    );
  });

  it('has a valid name whatever the vendor is called', () => {
    const request = approved({ path: 'buy', vendor: '電子署名' });
    expect(boughtProductEntity(request)?.metadata.name).toBe(
      'bought-for-tr-12',
    );
    const long = approved({ path: 'buy', vendor: 'A'.repeat(200) });
    expect(boughtProductEntity(long)?.metadata.name).toBe(
      `${'a'.repeat(57)}-legal`,
    );
  });

  it('is nothing for other decisions', () => {
    for (const request of [
      approved({ path: 'build' }),
      approved({ path: 'reuse', targetEntityRef: 'component:default/esign' }),
      approved({ outcome: 'rejected', path: undefined }),
      aTechRequest({ status: 'submitted' }),
    ]) {
      expect(boughtProductEntity(request)).toBeUndefined();
      expect(boughtProductRef(request)).toBeUndefined();
    }
    expect(
      requestToEntity(
        approved({ path: 'reuse', targetEntityRef: 'component:default/esign' }),
      ).spec.fulfilledBy,
    ).toBe('component:default/esign');
  });
});
