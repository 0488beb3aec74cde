import { createHash } from 'crypto';
import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ReuseEntity, toReuseEntities } from '../reuse/reuseEntities';
import { ReuseSource } from '../reuse/refresher';
import { readCatalog } from './catalogReads';

/**
 * The entity fields the reuse index and the offerings read; the rest of an entity is never
 * fetched.
 */
const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.description',
  'metadata.tags',
  'metadata.links',
  'metadata.annotations',
  'metadata.etag',
  'spec.type',
  'spec.lifecycle',
  'spec.owner',
  'spec.system',
  'relations',
];

/** Reads the entities reuse is chosen from, with the plugin's own service credentials. */
export class CatalogReuseSource implements ReuseSource {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly kinds: string[],
  ) {}

  private async *stream(fields: string[]): AsyncIterable<Entity[]> {
    yield* this.catalog.streamEntities(
      { filter: { kind: this.kinds }, fields, pageSize: 1000 },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
  }

  /** Changes whenever an indexed entity appears, changes or goes: cheap to read often. */
  async fingerprint(): Promise<string> {
    const versions: string[] = [];
    for await (const page of this.stream([
      'kind',
      'metadata.name',
      'metadata.namespace',
      'metadata.etag',
    ])) {
      for (const entity of page) {
        versions.push(`${stringifyEntityRef(entity)}@${entity.metadata.etag}`);
      }
    }
    return createHash('sha256')
      .update(versions.sort().join('\n'))
      .digest('hex');
  }

  async readAll(): Promise<ReuseEntity[]> {
    const entities: Entity[] = [];
    for await (const page of this.stream(FIELDS)) {
      entities.push(...page);
    }
    return toReuseEntities(entities);
  }

  /** An entity as the catalog has it, or undefined when the catalog does not have it. */
  async read(entityRef: string): Promise<Entity | undefined> {
    return readCatalog(entityRef, async () =>
      this.catalog.getEntityByRef(entityRef, {
        credentials: await this.auth.getOwnServiceCredentials(),
      }),
    );
  }

  /** The kind and title of an entity, or undefined when the catalog does not have it. */
  async describe(
    entityRef: string,
  ): Promise<{ kind: string; title: string } | undefined> {
    const entity = await this.read(entityRef);
    return (
      entity && {
        kind: entity.kind,
        title: entity.metadata.title ?? entity.metadata.name,
      }
    );
  }
}
