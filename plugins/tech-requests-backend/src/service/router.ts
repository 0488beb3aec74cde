import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import {
  AuditorService,
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { JsonObject } from '@backstage/types';
import {
  RequestQuery,
  RequestStatus,
  ReuseSuggestionsQuery,
  TransitionRequest,
  WorkflowActor,
} from '@tech-requests/plugin-tech-requests-common';
import express from 'express';
import fs from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { ReuseEngine } from '../reuse/ReuseEngine';
import { ActorResolver } from './ActorResolver';
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
  actors: ActorResolver;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}

const asList = <T>(value: T | T[] | undefined): T[] | undefined =>
  value === undefined ? undefined : ([] as T[]).concat(value);

/** Creates the plugin's express router. */
export function createRouter(options: RouterOptions): express.Router {
  const { service, reuse, actors, httpAuth, auditor } = options;
  // The spec is read at run time, so the typed router gives no types here; the common
  // package's types describe the bodies the validator lets through.
  const spec = loadOpenApiSpec();
  const router = createValidatedOpenApiRouter<any>(spec, {
    validatorOptions: {
      // Report every problem of a body at once, so a form can mark all its fields.
      validateRequests: { allErrors: true, allowUnknownQueryParameters: false },
    },
  }) as unknown as express.Router;

  const actorOf = async (req: express.Request): Promise<WorkflowActor> =>
    actors.resolve(await httpAuth.credentials(req, { allow: ['user'] }));

  /** Reads are open to services too (the catalog module); they act as nobody. */
  const readerOf = async (
    req: express.Request,
  ): Promise<WorkflowActor | undefined> => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    return credentials.principal.type === 'user'
      ? actors.resolve(
          credentials as BackstageCredentials<BackstageUserPrincipal>,
        )
      : undefined;
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

  const requestId = (req: express.Request) => Number(req.params.id);

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.post('/requests', async (req, res) => {
    const actor = await actorOf(req);
    const created = await audited(
      req,
      'request-create',
      { submit: Boolean(req.body.submit) },
      () => service.create(req.body, actor),
    );
    res.status(201).json(service.view(created, actor));
  });

  router.get('/requests', async (req, res) => {
    const reader = await readerOf(req);
    const query = req.query as Record<string, any>;
    const page = await service.list(
      {
        ...(query as RequestQuery),
        status: asList<RequestStatus>(query.status),
      },
      reader,
    );
    res.json(page);
  });

  router.get('/requests/:id', async (req, res) => {
    const reader = await readerOf(req);
    res.json(service.view(await service.getAssessed(requestId(req)), reader));
  });

  router.put('/requests/:id/cost-inputs', async (req, res) => {
    const actor = await actorOf(req);
    const id = requestId(req);
    const updated = await audited(
      req,
      'request-cost-inputs',
      { requestId: id },
      () => service.setCostInputs(id, req.body, actor),
    );
    res.json(service.view(updated, actor));
  });

  router.delete('/requests/:id', async (req, res) => {
    const actor = await actorOf(req);
    const id = requestId(req);
    await audited(req, 'request-delete', { requestId: id }, () =>
      service.delete(id, actor),
    );
    res.status(204).end();
  });

  router.patch('/requests/:id', async (req, res) => {
    const actor = await actorOf(req);
    const id = requestId(req);
    const updated = await audited(
      req,
      'request-update',
      { requestId: id },
      () => service.update(id, req.body, actor),
    );
    res.json(service.view(updated, actor));
  });

  router.post('/requests/:id/transitions', async (req, res) => {
    const actor = await actorOf(req);
    const id = requestId(req);
    const body = req.body as TransitionRequest;
    const moved = await audited(
      req,
      'request-transition',
      { requestId: id, action: body.action },
      () => service.transition(id, body, actor),
    );
    res.json(service.view(moved, actor));
  });

  router.post('/requests/:id/reviews', async (req, res) => {
    const actor = await actorOf(req);
    const id = requestId(req);
    const review = await audited(
      req,
      'request-review',
      { requestId: id, area: req.body.area, verdict: req.body.verdict },
      () => service.addReview(id, req.body, actor),
    );
    res.status(201).json(review);
  });

  router.get('/requests/:id/reviews', async (req, res) => {
    await readerOf(req);
    res.json({ items: await service.reviews(requestId(req)) });
  });

  router.post('/requests/:id/comments', async (req, res) => {
    const actor = await actorOf(req);
    const id = requestId(req);
    const comment = await audited(
      req,
      'request-comment',
      { requestId: id },
      () => service.addComment(id, req.body.body, actor),
    );
    res.status(201).json(comment);
  });

  router.get('/requests/:id/comments', async (req, res) => {
    await readerOf(req);
    res.json({ items: await service.comments(requestId(req)) });
  });

  router.post('/requests/:id/reuse-candidates', async (req, res) => {
    const actor = await actorOf(req);
    const id = requestId(req);
    const assessed = await audited(
      req,
      'request-reuse-assessment',
      { requestId: id, entityRef: req.body.entityRef, state: req.body.state },
      () => service.assessReuse(id, req.body, actor),
    );
    res.json(service.view(assessed, actor));
  });

  router.post('/reuse/suggestions', async (req, res) => {
    await readerOf(req);
    const { text, capabilities, limit } = req.body as ReuseSuggestionsQuery;
    if (!text.trim()) {
      throw invalidFields([
        { field: 'text', message: 'text must not be blank' },
      ]);
    }
    res.json(await reuse.suggest({ text, capabilities, limit }));
  });

  router.get('/requests/:id/history', async (req, res) => {
    await readerOf(req);
    res.json({ items: await service.history(requestId(req)) });
  });

  router.use(nameUnknownFields(spec));

  return router;
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
