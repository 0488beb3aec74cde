import { createHash } from 'crypto';
import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { readCatalog } from '../service/catalogReads';
import { ReuseEngine } from './ReuseEngine';
import { toReuseEntities } from './reuseEntities';

/** The entity fields the reuse index reads; the rest of an entity is never fetched. */
const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.description',
  'metadata.tags',
  'metadata.links',
  'metadata.etag',
  'spec.type',
  'spec.lifecycle',
  'spec.owner',
  'relations',
];

/** Reads the entities reuse is chosen from, with the plugin's own service credentials. */
export class CatalogReuseSource {
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

  async readAll() {
    const entities: Entity[] = [];
    for await (const page of this.stream(FIELDS)) {
      entities.push(...page);
    }
    return toReuseEntities(entities);
  }

  /** The kind and title of an entity, or undefined when the catalog does not have it. */
  async describe(
    entityRef: string,
  ): Promise<{ kind: string; title: string } | undefined> {
    const entity = await readCatalog(entityRef, async () =>
      this.catalog.getEntityByRef(entityRef, {
        credentials: await this.auth.getOwnServiceCredentials(),
      }),
    );
    return (
      entity && {
        kind: entity.kind,
        title: entity.metadata.title ?? entity.metadata.name,
      }
    );
  }
}

/**
 * The scheduled refresh: rebuilds the index when the catalog changed since the last build,
 * and does nothing otherwise. The current index keeps answering meanwhile.
 */
export function reuseIndexRefresher(
  source: CatalogReuseSource,
  engine: ReuseEngine,
  logger: LoggerService,
): () => Promise<void> {
  let indexed: string | undefined;
  let running: Promise<void> | undefined;
  const refresh = async () => {
    const fingerprint = await source.fingerprint();
    if (fingerprint === indexed) {
      return;
    }
    const entities = await source.readAll();
    await engine.replaceEntities(entities);
    indexed = fingerprint;
    logger.debug(
      `Reuse index follows catalog state ${fingerprint.slice(0, 12)}`,
    );
  };
  // The schedule and an on-demand check share one run at a time.
  return () => {
    running ??= refresh().finally(() => {
      running = undefined;
    });
    return running;
  };
}
