import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_REQUEST_ID,
  GateAnswer,
  GateQuery,
  GateRequest,
  GateVerdict,
  normalizeEntityRef,
  TechRequest,
} from '@tech-requests/plugin-tech-requests-common';
import { GateSettings } from '../config/gate';
import { invalidFields } from '../requests/errors';
import { RequestReader } from '../requests/types';
import { coverageOf } from './coverage';
import { entityScopeOf, gatedEntityOf, kindIsCovered } from './entityScope';

/** What the gate reads: requests as the caller may see them, entities from the catalog. */
export interface GateSources {
  /** The request, assessed, if it exists and the reader may see it. */
  readRequest(
    id: number,
    reader: RequestReader,
  ): Promise<TechRequest | undefined>;
  /** The entity, if the catalog has it. */
  readEntity(entityRef: string): Promise<Entity | undefined>;
}

/** The query as the gate reads it: exactly one of a request id or an entity ref. */
function subjectOf(
  query: GateQuery,
): { requestId: number } | { entityRef: string } {
  const { requestId, entityRef } = query;
  if ((requestId === undefined) === (entityRef === undefined)) {
    throw invalidFields([
      {
        field: requestId === undefined ? 'requestId' : 'entityRef',
        message:
          'give either requestId (a request) or entityRef (an entity whose tech-requests.io/request-id annotation names one), not both or neither',
      },
    ]);
  }
  if (entityRef === undefined) {
    return { requestId: requestId! };
  }
  const normalized = normalizeEntityRef(entityRef);
  if (!normalized) {
    throw invalidFields([
      {
        field: 'entityRef',
        message: `entityRef must be an entity ref such as component:default/booking-service, got '${entityRef}'`,
      },
    ]);
  }
  return { entityRef: normalized };
}

/**
 * The delivery gate: whether a piece of work — a request, or an entity that names one — is
 * covered by an approved request to build or buy, in words a developer acts on. In warn-only
 * mode uncovered work is let through with the same words.
 */
export class GateService {
  constructor(
    private readonly settings: GateSettings,
    private readonly sources: GateSources,
  ) {}

  async check(query: GateQuery, reader: RequestReader): Promise<GateAnswer> {
    const subject = subjectOf(query);
    if ('requestId' in subject) {
      return this.ofRequest(subject.requestId, reader);
    }
    const { entityRef } = subject;
    const kind = parseEntityRef(entityRef).kind;
    if (!kindIsCovered(kind, this.settings)) {
      // Known from the ref alone: the catalog need not be asked.
      return this.answer(
        'not-required',
        `${entityRef} needs no request: ${kind} is not among the work the gate covers (techRequests.gate.covered)`,
        { entityRef },
      );
    }
    const entity = await this.sources.readEntity(entityRef);
    if (!entity) {
      return this.refused(
        `${entityRef} is not in the catalog: register it, with the ${ANNOTATION_REQUEST_ID} annotation naming the request behind it`,
        { entityRef, fileRequestUrl: this.fileRequestUrl() },
      );
    }
    const ref = stringifyEntityRef(entity);
    const scope = entityScopeOf(gatedEntityOf(entity), this.settings);
    if (!scope.required) {
      return this.answer(scope.verdict, scope.reason, { entityRef: ref });
    }
    const named = entity.metadata.annotations?.[ANNOTATION_REQUEST_ID]?.trim();
    if (!named) {
      return this.refused(
        `No request names ${ref}: file one at ${this.fileRequestUrl()}, and once it is approved put ${ANNOTATION_REQUEST_ID}: '<its id>' on the entity`,
        { entityRef: ref, fileRequestUrl: this.fileRequestUrl() },
      );
    }
    if (!/^\d+$/.test(named)) {
      return this.refused(
        `${ref} names '${named}' in its ${ANNOTATION_REQUEST_ID} annotation, which is not a request id`,
        { entityRef: ref },
      );
    }
    return this.ofRequest(Number(named), reader, ref);
  }

  private async ofRequest(
    id: number,
    reader: RequestReader,
    entityRef?: string,
  ): Promise<GateAnswer> {
    const request = await this.sources.readRequest(id, reader);
    if (!request) {
      return this.refused(
        `There is no request ${id}${reader.actor ? ' that you may read' : ''}: file one at ${this.fileRequestUrl()}`,
        {
          ...(entityRef && { entityRef }),
          fileRequestUrl: this.fileRequestUrl(),
        },
      );
    }
    const coverage = coverageOf(request);
    return this.answer(
      coverage.covered ? 'covered' : 'refused',
      coverage.reason,
      {
        ...(entityRef && { entityRef }),
        request: this.gateRequest(request),
        ...(coverage.reuse && { reuse: coverage.reuse }),
      },
    );
  }

  private refused(reason: string, rest: Partial<GateAnswer> = {}): GateAnswer {
    return this.answer('refused', reason, rest);
  }

  private answer(
    verdict: GateVerdict,
    reason: string,
    rest: Partial<GateAnswer>,
  ): GateAnswer {
    const { mode } = this.settings;
    return {
      allowed: verdict !== 'refused' || mode === 'warn',
      verdict,
      reason,
      mode,
      ...rest,
    };
  }

  private gateRequest(request: TechRequest): GateRequest {
    const { decision } = request;
    return {
      id: request.id,
      title: request.title,
      status: request.status,
      url: `${this.settings.appBaseUrl}/tech-requests/${request.id}`,
      ...(decision && {
        decision: {
          outcome: decision.outcome,
          ...(decision.path && { path: decision.path }),
          ...(decision.targetEntityRef && {
            targetEntityRef: decision.targetEntityRef,
          }),
          ...(decision.vendor && { vendor: decision.vendor }),
          decidedBy: decision.decidedBy,
          decidedAt: decision.decidedAt,
        },
      }),
    };
  }

  private fileRequestUrl(): string {
    return `${this.settings.appBaseUrl}/tech-requests/new`;
  }
}
