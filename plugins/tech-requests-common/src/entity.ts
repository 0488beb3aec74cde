import {
  Entity,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
} from '@backstage/catalog-model';
import { TechRequest } from './model';
import { confirmedReuseCandidates } from './reuse';
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

const MAX_NAME_LENGTH = 63;

/** Letters that Unicode does not decompose into a base letter and a mark. */
const LETTER_FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * The catalog name of a request: `tr-<id>-<title as a slug>`, valid whatever the title holds
 * (accents and letters such as ß are folded, everything else that is not a letter or digit becomes a dash, and the
 * result is cut to the catalog's 63 characters), and unique because the id is in it.
 */
export function requestEntityName(id: number, title: string): string {
  const prefix = `tr-${id}`;
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, letter => LETTER_FOLDS[letter])
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const room = MAX_NAME_LENGTH - prefix.length - 1;
  const cut = slug.slice(0, room).replace(/-+$/, '');
  return cut ? `${prefix}-${cut}` : prefix;
}

/** Statuses whose requests the catalog shows: everything once submitted. */
export function isInCatalog(request: Pick<TechRequest, 'status'>): boolean {
  return request.status !== 'draft';
}

const MAX_DESCRIPTION_LENGTH = 500;

/**
 * Text on one line, cut to at most `maxLength` characters with an ellipsis: for descriptions
 * and notifications that show the start of a need.
 */
export function summary(text: string, maxLength: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  // Cut by code point, so no emoji is split in half.
  const characters = Array.from(flat);
  return characters.length > maxLength
    ? `${characters
        .slice(0, maxLength - 1)
        .join('')
        .trimEnd()}…`
    : flat;
}

/**
 * The catalog entity of a request. The name is the one fixed at submission
 * (`request.entityName`), so links to the entity survive later title edits.
 */
export function requestToEntity(
  request: TechRequest,
  options: { annotations?: Record<string, string> } = {},
): TechnologyRequestEntityV1alpha1 {
  const decision = request.decision;
  const approved = decision?.outcome === 'approved';
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
      owner: request.requestingGroup,
      requester: request.requester,
      ...(approved && decision.path && { decision: decision.path }),
      dataClassification: request.dataClassification,
      ...(request.assessment && { riskTier: request.assessment.risk.tier }),
      capabilities: request.capabilities,
      // Only what reviewers confirmed: suggestions are not yet a relation worth showing.
      reuseCandidates: confirmedReuseCandidates(request.reuseSuggestions ?? []),
      integrations: request.integrations,
      ...(approved &&
        decision.targetEntityRef && { fulfilledBy: decision.targetEntityRef }),
    },
  };
}
