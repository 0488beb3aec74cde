import {
  Entity,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
} from '@backstage/catalog-model';
import { boughtProductRef } from './boughtProduct';
import { entityNameOf, MAX_NAME_LENGTH, summary } from './entityText';
import { TechRequest } from './model';
import { confirmedReuseCandidates } from './reuse';
import { STATUS_WORDS } from './statusWords';
import {
  DATA_CLASSIFICATIONS,
  DataClassification,
  DECISION_PATHS,
  DecisionPath,
  REQUEST_STATUSES,
  RequestStatus,
  RISK_TIERS,
  RiskTier,
} from './values';

/** The apiVersion of TechnologyRequest entities. */
export const TECH_REQUEST_API_VERSION = 'tech-requests.io/v1alpha1';

/** The kind of the catalog entities that mirror technology requests. */
export const TECH_REQUEST_KIND = 'TechnologyRequest';

/** Annotation holding the id of the request an entity mirrors. */
export const ANNOTATION_REQUEST_ID = 'tech-requests.io/request-id';

/** A request → an existing entity that could serve its need. */
export const RELATION_HAS_REUSE_CANDIDATE = 'hasReuseCandidate';
/** An entity → a request it could serve. */
export const RELATION_REUSE_CANDIDATE_OF = 'reuseCandidateOf';
/** A request → a system or API the solution must work with. */
export const RELATION_INTEGRATES_WITH = 'integratesWith';
/** A system or API → a request that must work with it. */
export const RELATION_INTEGRATION_OF = 'integrationOf';
/** A request → the entity that serves it once decided. */
export const RELATION_FULFILLED_BY = 'fulfilledBy';
/** An entity → the request it serves. */
export const RELATION_FULFILLS = 'fulfills';

/** An entity → a group that reuses it, through an approved request of that group. */
export const RELATION_REUSED_BY = 'reusedBy';
/** A group → an entity it reuses, through one of its approved requests. */
export const RELATION_REUSES = 'reuses';

/**
 * The relations requests add to the catalog, each with its reverse, for views (such as the
 * catalog graph) that must be told which relation types exist and which ones pair up.
 */
export const TECH_REQUEST_RELATION_PAIRS: [string, string][] = [
  [RELATION_HAS_REUSE_CANDIDATE, RELATION_REUSE_CANDIDATE_OF],
  [RELATION_INTEGRATES_WITH, RELATION_INTEGRATION_OF],
  [RELATION_FULFILLED_BY, RELATION_FULFILLS],
  [RELATION_REUSED_BY, RELATION_REUSES],
];

/** Each spec field that references entities, with its relation pair and the kind a bare name means. */
export const TECH_REQUEST_RELATIONS = [
  {
    field: 'owner',
    relation: RELATION_OWNED_BY,
    reverse: RELATION_OWNER_OF,
    defaultKind: 'group',
  },
  {
    field: 'reuseCandidates',
    relation: RELATION_HAS_REUSE_CANDIDATE,
    reverse: RELATION_REUSE_CANDIDATE_OF,
    defaultKind: 'component',
  },
  {
    field: 'integrations',
    relation: RELATION_INTEGRATES_WITH,
    reverse: RELATION_INTEGRATION_OF,
    defaultKind: 'system',
  },
  {
    field: 'fulfilledBy',
    relation: RELATION_FULFILLED_BY,
    reverse: RELATION_FULFILLS,
    defaultKind: 'component',
  },
] as const;

/** A technology request as a catalog entity. */
export interface TechnologyRequestEntityV1alpha1 extends Entity {
  apiVersion: typeof TECH_REQUEST_API_VERSION;
  kind: typeof TECH_REQUEST_KIND;
  spec: {
    status: RequestStatus;
    /** The status in words, for the catalog's table ("In review"). */
    lifecycle?: string;
    /** The requesting group. */
    owner: string;
    requester: string;
    /** The approved path, once approved. */
    decision?: DecisionPath;
    dataClassification?: DataClassification;
    riskTier?: RiskTier;
    capabilities?: string[];
    reuseCandidates?: string[];
    integrations?: string[];
    fulfilledBy?: string;
  };
}

const entityRef = { type: 'string', minLength: 1, maxLength: 255 };
const entityRefs = { type: 'array', items: entityRef };

/** JSON schema of the kind, in the form the catalog's `entityKindSchemaValidator` takes. */
export const technologyRequestEntitySchema = {
  $schema: 'http://json-schema.org/draft-07/schema',
  $id: 'TechnologyRequestV1alpha1',
  description:
    'A technology request filed by a business unit, mirrored from the Tech Requests plugin.',
  allOf: [
    { $ref: 'Entity' },
    {
      type: 'object',
      required: ['spec'],
      properties: {
        apiVersion: { enum: [TECH_REQUEST_API_VERSION] },
        kind: { enum: [TECH_REQUEST_KIND] },
        spec: {
          type: 'object',
          required: ['status', 'owner', 'requester'],
          properties: {
            status: { type: 'string', enum: [...REQUEST_STATUSES] },
            lifecycle: { type: 'string', minLength: 1 },
            owner: entityRef,
            requester: entityRef,
            decision: { type: 'string', enum: [...DECISION_PATHS] },
            dataClassification: {
              type: 'string',
              enum: [...DATA_CLASSIFICATIONS],
            },
            riskTier: {
              type: 'string',
              enum: [...RISK_TIERS],
            },
            capabilities: { type: 'array', items: { type: 'string' } },
            reuseCandidates: entityRefs,
            integrations: entityRefs,
            fulfilledBy: entityRef,
          },
        },
      },
    },
  ],
} as const;

/** Whether an entity is a TechnologyRequest. */
export function isTechnologyRequestEntity(
  entity: Entity,
): entity is TechnologyRequestEntityV1alpha1 {
  return (
    entity.apiVersion === TECH_REQUEST_API_VERSION &&
    entity.kind === TECH_REQUEST_KIND
  );
}

/**
 * The catalog name of a request: `tr-<id>-<title as a slug>`, valid whatever the title holds
 * (accents and letters such as ß are folded, everything else that is not a letter or digit becomes a dash, and the
 * result is cut to the catalog's 63 characters), and unique because the id is in it.
 */
export function requestEntityName(id: number, title: string): string {
  const prefix = `tr-${id}`;
  const rest = entityNameOf(title, MAX_NAME_LENGTH - prefix.length - 1);
  return rest ? `${prefix}-${rest}` : prefix;
}

/** Statuses whose requests the catalog shows: everything once submitted. */
export function isInCatalog(request: Pick<TechRequest, 'status'>): boolean {
  return request.status !== 'draft';
}

const MAX_DESCRIPTION_LENGTH = 500;

/**
 * What serves a request as its approval names it: the entity to reuse, or the Resource the
 * purchase became. Undefined before an approval, and for a build (the catalog learns what was
 * built from the organisation's own entities).
 */
export function decidedFulfilment(request: TechRequest): string | undefined {
  const decision = request.decision;
  if (decision?.outcome !== 'approved') {
    return undefined;
  }
  return decision.targetEntityRef || boughtProductRef(request);
}

/**
 * The catalog entity of a request. The name is the one fixed at submission
 * (`request.entityName`), so links to the entity survive later title edits.
 */
export function requestToEntity(
  request: TechRequest,
  options: {
    annotations?: Record<string, string>;
    /** The entity that serves the request when the catalog knows better than the decision. */
    fulfilledBy?: string;
  } = {},
): TechnologyRequestEntityV1alpha1 {
  const decision = request.decision;
  const approved = decision?.outcome === 'approved';
  const fulfilledBy = options.fulfilledBy ?? decidedFulfilment(request);
  return {
    apiVersion: TECH_REQUEST_API_VERSION,
    kind: TECH_REQUEST_KIND,
    metadata: {
      name: request.entityName ?? requestEntityName(request.id, request.title),
      namespace: 'default',
      title: request.title,
      description: summary(request.need, MAX_DESCRIPTION_LENGTH),
      annotations: {
        ...options.annotations,
        [ANNOTATION_REQUEST_ID]: String(request.id),
      },
    },
    spec: {
      status: request.status,
      // The catalog's table shows a Lifecycle column for kinds it does not know: the status
      // in words there lets a table of requests say where each one stands.
      lifecycle: STATUS_WORDS[request.status],
      owner: request.requestingGroup,
      requester: request.requester,
      ...(approved && decision.path && { decision: decision.path }),
      dataClassification: request.dataClassification,
      ...(request.assessment && { riskTier: request.assessment.risk.tier }),
      capabilities: request.capabilities,
      // Only what reviewers confirmed: suggestions are not yet a relation worth showing.
      reuseCandidates: confirmedReuseCandidates(request.reuseSuggestions ?? []),
      integrations: request.integrations,
      ...(fulfilledBy && { fulfilledBy }),
    },
  };
}
