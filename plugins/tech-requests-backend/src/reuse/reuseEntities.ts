import {
  Entity,
  RELATION_API_CONSUMED_BY,
  RELATION_DEPENDENCY_OF,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { specRefOf } from '../catalog/specRefs';
import {
  RELATION_FULFILLS,
  RELATION_REUSED_BY,
} from '@tech-requests/plugin-tech-requests-common';
import { IndexEntry } from './ReuseIndex';

/** A catalog entity as the reuse index keeps it: what it says, who runs it, who uses it. */
export interface ReuseEntity {
  entityRef: string;
  kind: string;
  name: string;
  title?: string;
  description?: string;
  tags: string[];
  type?: string;
  /** Titles and addresses of the entity's links. */
  links: string[];
  /** The entity's first link: where its owners send people first. */
  firstLink?: { url: string; title?: string };
  annotations?: Record<string, string>;
  owner?: string;
  /** The ref of the system it is part of, if any. */
  system?: string;
  lifecycle?: string;
  /**
   * Groups other than the owner whose entities depend on this one or consume it, or that
   * reuse it through an approved request.
   */
  dependentGroups: string[];
  /** How many requests this entity was chosen to fulfil. */
  fulfilledRequests: number;
  /** Changes whenever the catalog changes the entity: unchanged entities need no new work. */
  etag?: string;
}

/** Relations that say "another entity uses this one". */
const USED_BY_RELATIONS = [RELATION_DEPENDENCY_OF, RELATION_API_CONSUMED_BY];

/** The ref of the entity's owner: the `ownedBy` relation, else `spec.owner`. */
function ownerOf(entity: Entity): string | undefined {
  const relation = entity.relations?.find(r => r.type === RELATION_OWNED_BY);
  if (relation) {
    return relation.targetRef;
  }
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string') {
    return undefined;
  }
  return owner.includes(':') ? owner : `group:default/${owner}`;
}

/** The ref of the system an entity is part of: the `partOf` relation to a system, else `spec.system`. */
function systemOf(entity: Entity): string | undefined {
  const relation = entity.relations?.find(
    r =>
      r.type === RELATION_PART_OF &&
      parseEntityRef(r.targetRef).kind === 'system',
  );
  if (relation) {
    return relation.targetRef;
  }
  return specRefOf(entity, 'system', 'system');
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

/**
 * Turns catalog entities into reuse entities. `owners` resolves the owner of an entity
 * that uses one of these (it may be outside `entities`, for example a component of a kind
 * not indexed); by default only the owners within `entities` are known.
 */
export function toReuseEntities(
  entities: Entity[],
  owners?: Map<string, string>,
): ReuseEntity[] {
  const ownerByRef = owners ?? new Map<string, string>();
  if (!owners) {
    for (const entity of entities) {
      const owner = ownerOf(entity);
      if (owner) {
        ownerByRef.set(stringifyEntityRef(entity), owner);
      }
    }
  }
  return entities.map(entity => {
    const owner = ownerOf(entity);
    const relations = entity.relations ?? [];
    const dependentGroups = new Set<string>();
    for (const relation of relations) {
      // A using entity counts through its owner; an approved reuse names the group itself.
      const user = USED_BY_RELATIONS.includes(relation.type)
        ? ownerByRef.get(relation.targetRef)
        : relation.type === RELATION_REUSED_BY && relation.targetRef;
      if (user && user !== owner) {
        dependentGroups.add(user);
      }
    }
    const metadata = entity.metadata;
    const system = systemOf(entity);
    return {
      entityRef: stringifyEntityRef(entity),
      kind: entity.kind,
      name: metadata.name,
      title: text(metadata.title),
      description: text(metadata.description),
      tags: (metadata.tags ?? []).filter(tag => typeof tag === 'string'),
      type: text(entity.spec?.type),
      links: (metadata.links ?? []).flatMap(link =>
        [link.title, link.url].filter((v): v is string => !!v),
      ),
      ...(metadata.links?.[0]?.url && {
        firstLink: {
          url: metadata.links[0].url,
          ...(text(metadata.links[0].title) && {
            title: metadata.links[0].title,
          }),
        },
      }),
      annotations: metadata.annotations ?? {},
      owner,
      ...(system && { system }),
      lifecycle: text(entity.spec?.lifecycle),
      dependentGroups: [...dependentGroups].sort(),
      fulfilledRequests: relations.filter(r => r.type === RELATION_FULFILLS)
        .length,
      etag: metadata.etag,
    };
  });
}

/** What the index reads of a reuse entity. */
export function describeEntity(entity: ReuseEntity): IndexEntry {
  return {
    fields: {
      name: entity.name.replace(/[-_.]/g, ' '),
      title: entity.title,
      description: entity.description,
      tags: entity.tags.join(' '),
      type: entity.type,
      links: entity.links
        .map(link => link.replace(/^https?:\/\//, ''))
        .join(' '),
    },
  };
}

/** The text an embedding provider reads of an entity: what a person would read first. */
export function entityText(entity: ReuseEntity): string {
  return [
    entity.title ?? entity.name,
    entity.description,
    entity.tags.join(', '),
  ]
    .filter(Boolean)
    .join('. ');
}
