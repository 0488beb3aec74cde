import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import {
  AuditorService,
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { JsonObject } from '@backstage/types';
import {
  RequestAction,
  RequestQuery,
  RequestStatus,
  REVIEW_AREAS,
  TechRequest,
  ReuseSuggestionsQuery,
  serviceLevelOf,
  ServiceLevelTargets,
  TransitionRequest,
  WorkflowActor,
} from '@tech-requests/plugin-tech-requests-common';
import express from 'express';
import fs from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { RequestPermissions } from '../permissions/RequestPermissions';
import { ReuseEngine } from '../reuse/ReuseEngine';
import { ActorResolver } from './ActorResolver';
import { jsonBodies } from './bodyParser';
import { invalidFields } from './errors';
import { RequestService } from './RequestService';
import { bodySchemaFor, unknownFields } from './unknownFields';

/** The OpenAPI document that describes, and validates, every route below. */
export function loadOpenApiSpec(): any {
  const file = resolvePackagePath(
    '@tech-requests/plugin-tech-requests-backend',
    'src/schema/openapi.yaml',
  );
  return parseYaml(fs.readFileSync(file, 'utf8'));
}

/** What the router needs: it only translates HTTP, the service does the work. */
export interface RouterOptions {
  service: RequestService;
  reuse: ReuseEngine;
  /** Service-level targets per stage; requests past theirs are marked overdue. */
  serviceLevels?: ServiceLevelTargets;
  permissions: RequestPermissions;
  actors: ActorResolver;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}

/** Ids are 32-bit integers in every database. */
const MAX_REQUEST_ID = 2147483647;

const asList = <T>(value: T | T[] | undefined): T[] | undefined =>
  value === undefined ? undefined : ([] as T[]).concat(value);

/** Creates the plugin's express router. */
export function createRouter(options: RouterOptions): express.Router {
  const { service, reuse, permissions, actors, httpAuth, auditor } = options;
  const withServiceLevel = <T extends TechRequest>(request: T) => {
    const serviceLevel = serviceLevelOf(
      request,
      options.serviceLevels ?? {},
      new Date(),
    );
    return serviceLevel ? { ...request, serviceLevel } : request;
  };
  // The spec is read at run time, so the typed router gives no types here; the common
  // package's types describe the bodies the validator lets through.
  const spec = loadOpenApiSpec();
  const router = createValidatedOpenApiRouter<any>(spec, {
    middleware: jsonBodies(),
    validatorOptions: {
      // Report every problem of a body at once, so a form can mark all its fields.
      validateRequests: { allErrors: true, allowUnknownQueryParameters: false },
    },
  }) as unknown as express.Router;

  /** The signed-in person: their credentials for the policy, and who they are for the workflow. */
  const userOf = async (req: express.Request) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    return { credentials, actor: await actors.resolve(credentials) };
  };

  /** Reads are open to services too (the catalog module); they act as nobody. */
  const readerOf = async (req: express.Request) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const actor =
      credentials.principal.type === 'user'
        ? await actors.resolve(
            credentials as BackstageCredentials<BackstageUserPrincipal>,
          )
        : undefined;
    return { credentials, actor };
  };

  /** Runs a state change as an auditor event that succeeds or fails with it. */
  const audited = async <T>(
    req: express.Request,
    eventId: string,
    meta: JsonObject,
    work: () => Promise<T>,
  ): Promise<T> => {
    const event = await auditor.createEvent({
      eventId,
      request: req,
      severityLevel: 'medium',
      meta,
    });
    try {
      const result = await work();
      await event.success();
      return result;
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  };

  /** The id of the path; the schema checked its digits, this its range (a 32-bit column). */
  const requestId = (req: express.Request) => {
    const id = Number(req.params.id);
    if (id > MAX_REQUEST_ID) {
      throw invalidFields([
        { field: 'id', message: `id must be at most ${MAX_REQUEST_ID}` },
      ]);
    }
    return id;
  };

  /** A request the reader may not see answers as if it did not exist. */
  const ensureReadable = async (
    credentials: BackstageCredentials,
    id: number,
  ) => {
    await service.get(id);
    if (!(await permissions.readable(credentials, [id])).has(id)) {
      throw new NotFoundError(`No request with id ${id}`);
    }
  };

  /**
   * Runs a write the policy and the workflow must both allow, policy first. A refusal by
   * either is recorded in the request's history (for a request the person may read) and
   * answers 403.
   */
  const permitted = async <T>(
    user: { credentials: BackstageCredentials; actor: WorkflowActor },
    action: RequestAction,
    id: number,
    work: () => Promise<T>,
  ): Promise<T> => {
    await ensureReadable(user.credentials, id);
    try {
      await permissions.ensure(user.credentials, action, id);
      return await work();
    } catch (error) {
      if (error instanceof NotAllowedError) {
        await service.recordDenial(id, user.actor, action, error.message);
      }
      throw error;
    }
  };

  /** The request as this person sees it: the actions both the workflow and the policy allow. */
  const viewFor = async (
    request: TechRequest,
    user: { credentials: BackstageCredentials; actor?: WorkflowActor },
  ) => {
    const view = withServiceLevel(service.view(request, user.actor));
    const allowedActions = await permissions.filterActions(
      user.credentials,
      request.id,
      view.allowedActions,
    );
    return {
      ...view,
      allowedActions,
      reviewableAreas: allowedActions.includes('review')
        ? view.reviewableAreas
        : [],
    };
  };

  /** Runs a write on one request: policy first, then the workflow, audited either way. */
  const write = async <T>(
    req: express.Request,
    action: RequestAction,
    eventId: string,
    meta: JsonObject,
    work: (actor: WorkflowActor) => Promise<T>,
  ) => {
    const user = await userOf(req);
    const id = requestId(req);
    const result = await audited(req, eventId, { requestId: id, ...meta }, () =>
      permitted(user, action, id, () => work(user.actor)),
    );
    return { result, user };
  };

  // Text every database stores as sent: no NUL (PostgreSQL refuses it) and no half of a
  // surrogate pair (stored as U+FFFD, so the request would not read back as it was sent).
  router.use((req, _res, next) => {
    const problem =
      unstorableText(req.body, 'body') ?? unstorableText(req.query, 'query');
    next(problem && invalidFields([problem]));
  });

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.post('/requests', async (req, res) => {
    const user = await userOf(req);
    const created = await audited(
      req,
      'request-create',
      { submit: Boolean(req.body.submit) },
      async () => {
        await permissions.ensureCreate(user.credentials);
        return service.create(req.body, user.actor);
      },
    );
    res.status(201).json(await viewFor(created, user));
  });

  router.get('/requests', async (req, res) => {
    const reader = await readerOf(req);
    const query = req.query as Record<string, any>;
    const scope = await permissions.readScope(reader.credentials);
    if (scope.nothing) {
      res.json({ items: [], totalCount: 0 });
      return;
    }
    const page = await service.list(
      {
        ...(query as RequestQuery),
        status: asList<RequestStatus>(query.status),
      },
      reader.actor,
      scope.readable,
    );
    res.json({ ...page, items: page.items.map(withServiceLevel) });
  });

  router.get('/requests/:id', async (req, res) => {
    const reader = await readerOf(req);
    const id = requestId(req);
    await ensureReadable(reader.credentials, id);
    res.json(await viewFor(await service.getAssessed(id), reader));
  });

  router.put('/requests/:id/cost-inputs', async (req, res) => {
    const { result, user } = await write(
      req,
      'adjust-costs',
      'request-cost-inputs',
      {},
      actor => service.setCostInputs(requestId(req), req.body, actor),
    );
    res.json(await viewFor(result, user));
  });

  router.delete('/requests/:id', async (req, res) => {
    await write(req, 'delete', 'request-delete', {}, actor =>
      service.delete(requestId(req), actor),
    );
    res.status(204).end();
  });

  router.patch('/requests/:id', async (req, res) => {
    const { result, user } = await write(
      req,
      'edit',
      'request-update',
      {},
      actor => service.update(requestId(req), req.body, actor),
    );
    res.json(await viewFor(result, user));
  });

  router.post('/requests/:id/transitions', async (req, res) => {
    const body = req.body as TransitionRequest;
    const { result, user } = await write(
      req,
      body.action,
      'request-transition',
      { action: body.action },
      actor => service.transition(requestId(req), body, actor),
    );
    res.json(await viewFor(result, user));
  });

  router.post('/requests/:id/reviews', async (req, res) => {
    const { result } = await write(
      req,
      'review',
      'request-review',
      { area: req.body.area, verdict: req.body.verdict },
      actor => service.addReview(requestId(req), req.body, actor),
    );
    res.status(201).json(result);
  });

  router.get('/requests/:id/reviews', async (req, res) => {
    const reader = await readerOf(req);
    await ensureReadable(reader.credentials, requestId(req));
    res.json({ items: await service.reviews(requestId(req)) });
  });

  router.post('/requests/:id/comments', async (req, res) => {
    const { result } = await write(
      req,
      'comment',
      'request-comment',
      {},
      actor => service.addComment(requestId(req), req.body.body, actor),
    );
    res.status(201).json(result);
  });

  router.get('/requests/:id/comments', async (req, res) => {
    const reader = await readerOf(req);
    await ensureReadable(reader.credentials, requestId(req));
    res.json({ items: await service.comments(requestId(req)) });
  });

  router.post('/requests/:id/reuse-candidates', async (req, res) => {
    const { result, user } = await write(
      req,
      'assess-reuse',
      'request-reuse-assessment',
      { entityRef: req.body.entityRef, state: req.body.state },
      actor => service.assessReuse(requestId(req), req.body, actor),
    );
    res.json(await viewFor(result, user));
  });

  router.post('/reuse/suggestions', async (req, res) => {
    const reader = await readerOf(req);
    const { text, capabilities, limit } = req.body as ReuseSuggestionsQuery;
    if (!text.trim()) {
      throw invalidFields([
        { field: 'text', message: 'text must not be blank' },
      ]);
    }
    const answer = await reuse.suggest({ text, capabilities, limit });
    // Similar requests name other departments' needs: only those the reader may see.
    const visible = await permissions.readable(
      reader.credentials,
      answer.similarRequests.map(similar => similar.id),
    );
    res.json({
      ...answer,
      similarRequests: answer.similarRequests.filter(similar =>
        visible.has(similar.id),
      ),
    });
  });

  router.get('/review-routing', async (req, res) => {
    await readerOf(req);
    const routing = actors.routing();
    res.json({
      areas: REVIEW_AREAS.map(area => ({ area, groups: routing[area] ?? [] })),
      deciderGroups: actors.deciderGroups(),
    });
  });

  router.get('/requests/:id/history', async (req, res) => {
    const reader = await readerOf(req);
    await ensureReadable(reader.credentials, requestId(req));
    res.json({ items: await service.history(requestId(req)) });
  });

  router.use(nameUnknownFields(spec));

  return router;
}

const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first string in a parsed body or query that no database stores as sent, and why. */
function unstorableText(
  value: unknown,
  at: string,
): { field: string; message: string } | undefined {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) {
      return { field: at, message: `${at} must not contain NUL characters` };
    }
    if (LONE_SURROGATE.test(value)) {
      return {
        field: at,
        message: `${at} must not contain unpaired surrogates (half of a UTF-16 pair)`,
      };
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = unstorableText(item, `${at}.${key}`);
      if (found) {
        return found;
      }
    }
  }
  return undefined;
}

/** Rewrites the validator's anonymous "additional properties" errors to name the fields. */
function nameUnknownFields(spec: any): express.ErrorRequestHandler {
  return (error, req, _res, next) => {
    if (
      error instanceof InputError &&
      /must NOT have additional properties/.test(error.message)
    ) {
      const unknown = unknownFields(
        spec,
        bodySchemaFor(spec, req.method, req.path),
        req.body,
      );
      if (unknown.length) {
        const others = error.message
          .split(', ')
          .filter(part => !/must NOT have additional properties/.test(part));
        next(
          Object.assign(
            new InputError(
              [
                `Unknown field${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`,
                ...others,
              ].join('; '),
            ),
            { fields: unknown },
          ),
        );
        return;
      }
    }
    next(error);
  };
}
