import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CatalogFacts, costPerUserMonthOf } from '../assessment';
import { readCatalog } from './catalogReads';

/** What the catalog says of an entity, as far as assessments read it. */
export type EntityFacts = CatalogFacts & { costPerUserMonth?: number };

/** Reads the facts of entities from the catalog, with the plugin's own credentials. */
export function catalogFactsReader(catalog: CatalogService, auth: AuthService) {
  return async (refs: string[]): Promise<Map<string, EntityFacts>> => {
    const facts = new Map<string, EntityFacts>();
    if (!refs.length) {
      return facts;
    }
    const { items } = await readCatalog(
      'the entities the assessment reads',
      async () =>
        catalog.getEntitiesByRefs(
          {
            entityRefs: refs,
            fields: [
              'kind',
              'metadata.name',
              'metadata.namespace',
              'metadata.title',
              'metadata.annotations',
              'spec.lifecycle',
              'relations',
            ],
          },
          { credentials: await auth.getOwnServiceCredentials() },
        ),
    );
    for (const entity of items) {
      if (entity) {
        const fact = factsOf(entity);
        facts.set(fact.entityRef, fact);
      }
    }
    return facts;
  };
}

/** An entity offers an API when it is one, provides one, or (a system) has one as a part. */
function factsOf(entity: Entity): EntityFacts {
  const relations = entity.relations ?? [];
  const kind = entity.kind.toLowerCase();
  const offersApi =
    kind === 'api' ||
    relations.some(
      r =>
        r.type === 'providesApi' ||
        (r.type === 'hasPart' && r.targetRef.startsWith('api:')),
    );
  const costPerUserMonth = costPerUserMonthOf(entity.metadata.annotations);
  const lifecycle = entity.spec?.lifecycle;
  return {
    entityRef: stringifyEntityRef(entity),
    kind: entity.kind,
    ...(entity.metadata.title && { title: entity.metadata.title }),
    ...(typeof lifecycle === 'string' && { lifecycle }),
    offersApi,
    ...(costPerUserMonth !== undefined && { costPerUserMonth }),
  };
}
