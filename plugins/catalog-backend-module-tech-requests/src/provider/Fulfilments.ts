import { AuthService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_REQUEST_ID,
  isTechnologyRequestEntity,
} from '@tech-requests/plugin-tech-requests-common';

/**
 * What the organisation registered to fulfil requests: an entity of its own (the component
 * built, the subscription bought) that carries `tech-requests.io/request-id: <id>`.
 */
export interface Fulfilments {
  /** Every request id an entity says it fulfils, with that entity's ref. */
  all(): Promise<Map<number, string>>;
  /** The entity that says it fulfils this request, if any. */
  of(requestId: number): Promise<string | undefined>;
}

const FIELDS = [
  'apiVersion',
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.annotations',
];

/** Reads fulfilments from the catalog, with the module's own service credentials. */
export class CatalogFulfilments implements Fulfilments {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async all(): Promise<Map<number, string>> {
    return this.read(CATALOG_FILTER_EXISTS);
  }

  async of(requestId: number): Promise<string | undefined> {
    return (await this.read(String(requestId))).get(requestId);
  }

  private async read(
    requestId: string | typeof CATALOG_FILTER_EXISTS,
  ): Promise<Map<number, string>> {
    const { items } = await this.catalog.getEntities(
      {
        filter: {
          [`metadata.annotations.${ANNOTATION_REQUEST_ID}`]: requestId,
        },
        fields: FIELDS,
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    return fulfilmentsAmong(items);
  }
}

/**
 * The request ids the entities say they fulfil. The request's own TechnologyRequest entity
 * carries the annotation too, and is no fulfilment; when several entities name one request,
 * the first by ref is taken, so the answer does not change from one read to the next.
 */
export function fulfilmentsAmong(entities: Entity[]): Map<number, string> {
  const fulfilments = new Map<number, string>();
  const candidates = entities
    .filter(entity => !isTechnologyRequestEntity(entity))
    .map(entity => ({
      ref: stringifyEntityRef(entity),
      id: entity.metadata.annotations?.[ANNOTATION_REQUEST_ID]?.trim() ?? '',
    }))
    .filter(({ id }) => /^\d+$/.test(id))
    .sort((a, b) => a.ref.localeCompare(b.ref));
  for (const { ref, id } of candidates) {
    if (!fulfilments.has(Number(id))) {
      fulfilments.set(Number(id), ref);
    }
  }
  return fulfilments;
}
