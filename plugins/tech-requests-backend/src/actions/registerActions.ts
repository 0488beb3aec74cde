import {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { NotAllowedError } from '@backstage/errors';
import {
  FIELD_LIMITS,
  PREFERRED_PATHS,
  SUGGESTION_LIMITS,
  TechRequest,
} from '@tech-requests/plugin-tech-requests-common';
import type { z as zod } from 'zod/v3';
import { GateService } from '../gate/GateService';
import { ActorResolver } from '../requests/ActorResolver';
import { RequestService } from '../requests/RequestService';
import { RequestUser } from '../requests/types';

/** What the actions use: the same services the REST routes call. */
export interface ActionDependencies {
  service: Pick<RequestService, 'create' | 'read' | 'list' | 'suggestReuse'>;
  gate: Pick<GateService, 'check'>;
  actors: Pick<ActorResolver, 'resolve' | 'readerOf'>;
  /** The portal's address, for links to requests. */
  appBaseUrl: string;
}

const isUser = (
  credentials: BackstageCredentials,
): credentials is BackstageCredentials<BackstageUserPrincipal> =>
  (credentials.principal as { type?: string }).type === 'user';

/** The shape of `summaryOf`, for the actions' output schemas. */
const summarySchema = (z: typeof zod) =>
  z.object({
    id: z.number(),
    title: z.string(),
    status: z.string(),
    requestingGroup: z.string(),
    url: z.string(),
    updatedAt: z.string(),
  });

/** A short view of a request: what an assistant tells a person. */
function summaryOf(request: TechRequest, appBaseUrl: string) {
  return {
    id: request.id,
    title: request.title,
    status: request.status,
    requestingGroup: request.requestingGroup,
    url: `${appBaseUrl}/tech-requests/${request.id}`,
    updatedAt: request.updatedAt,
  };
}

/**
 * Registers the plugin's main operations in Backstage's actions registry, so that assistants
 * (through the MCP actions backend, for example) can file requests, look for what the
 * organisation already runs, read requests, see what waits for the caller and ask the gate.
 * Each runs with the caller's own credentials, through the same permission checks as the API.
 */
export function registerTechRequestsActions(
  registry: ActionsRegistryService,
  deps: ActionDependencies,
) {
  const { service, gate, actors, appBaseUrl } = deps;
  const readerOf = (credentials: BackstageCredentials) =>
    actors.readerOf(credentials);
  const userOf = async (
    credentials: BackstageCredentials,
    doing: string,
  ): Promise<RequestUser> => {
    if (!isUser(credentials)) {
      throw new NotAllowedError(`${doing} needs a person, not a service`);
    }
    return { credentials, actor: await actors.resolve(credentials) };
  };

  registry.register({
    name: 'file-request',
    title: 'File a technology request',
    description:
      'Files a technology request for the signed-in person: the need in their words, as a draft unless submit is true. Before filing, suggest-reuse shows what the organisation already runs for the need. Answers the request with a link to its page.',
    attributes: { readOnly: false, destructive: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          title: z
            .string()
            .min(1)
            .max(FIELD_LIMITS.title)
            .describe('A short name for the need'),
          need: z
            .string()
            .min(1)
            .max(FIELD_LIMITS.need)
            .describe('The business problem, in the requester’s own words'),
          capabilities: z
            .array(z.string().max(FIELD_LIMITS.capability))
            .max(FIELD_LIMITS.capabilities)
            .optional()
            .describe('Short phrases such as "e-signature"'),
          preferredPath: z.enum(PREFERRED_PATHS).optional(),
          namedReuseCandidates: z
            .array(z.string().max(FIELD_LIMITS.entityRef))
            .max(FIELD_LIMITS.namedReuseCandidates)
            .optional()
            .describe(
              'Entity refs of existing things that might serve the need',
            ),
          submit: z
            .boolean()
            .optional()
            .describe('Submit at once instead of keeping a draft'),
        }),
      output: z => summarySchema(z),
    },
    action: async ({ input, credentials }) => {
      const user = await userOf(credentials, 'Filing a request');
      const created = await service.create(input, user);
      return { output: summaryOf(created, appBaseUrl) };
    },
  });

  registry.register({
    name: 'suggest-reuse',
    title: 'Suggest what the organisation already runs for a need',
    description:
      'Finds components, systems, APIs and resources of the catalog that could serve a need described in words, best first, with the reasons, and earlier requests that asked for much the same.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          text: z.string().min(1).max(SUGGESTION_LIMITS.text),
          capabilities: z
            .array(z.string().max(FIELD_LIMITS.capability))
            .max(FIELD_LIMITS.capabilities)
            .optional(),
          limit: z
            .number()
            .int()
            .min(1)
            .max(SUGGESTION_LIMITS.maxLimit)
            .optional(),
        }),
      output: z =>
        z.object({
          suggestions: z.array(
            z.object({
              entityRef: z.string(),
              title: z.string(),
              owner: z.string().optional(),
              score: z.number(),
              reasons: z.array(z.string()),
            }),
          ),
          similarRequests: z.array(
            z.object({ id: z.number(), title: z.string(), status: z.string() }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const answer = await service.suggestReuse(
        input,
        await readerOf(credentials),
      );
      return {
        output: {
          suggestions: answer.items.map(item => ({
            entityRef: item.entityRef,
            title: item.title,
            ...(item.owner && { owner: item.owner }),
            score: item.score,
            reasons: item.reasons,
          })),
          similarRequests: answer.similarRequests.map(similar => ({
            id: similar.id,
            title: similar.title,
            status: similar.status,
          })),
        },
      };
    },
  });

  registry.register({
    name: 'read-request',
    title: 'Read a technology request',
    description:
      'Reads one request the caller may see: the need, its status and decision, its reuse candidates, and its assessment (architecture fit, security risk and what each path costs).',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z => z.object({ id: z.number().int().min(1) }),
      output: z =>
        z.object({
          request: z.record(z.unknown()),
        }),
    },
    action: async ({ input, credentials }) => {
      const request = await service.read(input.id, await readerOf(credentials));
      return {
        output: {
          request: {
            ...request,
            url: `${appBaseUrl}/tech-requests/${request.id}`,
          },
        },
      };
    },
  });

  registry.register({
    name: 'list-waiting-for-me',
    title: 'List the requests waiting for me',
    description:
      'The requests waiting for the signed-in person: their own drafts and requests that need an answer, and as a reviewer or decider the requests that wait for their review or decision. Newest change first, at most 50.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({ limit: z.number().int().min(1).max(50).optional() }),
      output: z =>
        z.object({
          requests: z.array(summarySchema(z)),
          totalCount: z.number(),
        }),
    },
    action: async ({ input, credentials }) => {
      const user = await userOf(credentials, 'What waits for you');
      const page = await service.list(
        { waitingForMe: true, sort: 'updated', limit: input.limit ?? 20 },
        user,
      );
      return {
        output: {
          requests: page.items.map(item => summaryOf(item, appBaseUrl)),
          totalCount: page.totalCount,
        },
      };
    },
  });

  registry.register({
    name: 'check-gate',
    title: 'Ask the delivery gate',
    description:
      'Whether a piece of work is covered by an approved technology request: give requestId, or entityRef for an entity whose tech-requests.io/request-id annotation names one. Answers the verdict and a reason a developer can act on.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          requestId: z.number().int().min(1).optional(),
          entityRef: z.string().max(FIELD_LIMITS.entityRef).optional(),
        }),
      output: z =>
        z.object({
          allowed: z.boolean(),
          verdict: z.string(),
          reason: z.string(),
          mode: z.string(),
          request: z.record(z.unknown()).optional(),
          reuse: z.string().optional(),
          fileRequestUrl: z.string().optional(),
        }),
    },
    action: async ({ input, credentials }) => ({
      output: await gate.check(input, await readerOf(credentials)),
    }),
  });
}
