import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import {
  RequestStatus,
  REVIEW_AREAS,
} from '@tech-requests/plugin-tech-requests-common';
import express from 'express';
import { OfferingsCatalog } from '../offerings/OfferingsCatalog';
import { GateService } from '../gate/GateService';
import { PortfolioService } from '../portfolio/PortfolioService';
import { ActorResolver } from '../requests/ActorResolver';
import { RequestService } from '../requests/RequestService';
import { jsonBodies } from './bodyParser';
import { httpContext } from './httpContext';
import { acceptingOldNames, withOldNames } from './oldNames';
import { nameUnknownFields } from './unknownFields';
import { refuseUnstorableText } from './unstorableText';
import { createOpenApiRouter, spec } from '../schema/openapi.generated';

/** What the router needs: it only translates HTTP, the service does the work. */
export interface RouterOptions {
  service: RequestService;
  offerings: Pick<OfferingsCatalog, 'page'>;
  portfolio: Pick<PortfolioService, 'report'>;
  gate: Pick<GateService, 'check'>;
  actors: ActorResolver;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}

const asList = <T>(value: T | T[] | undefined): T[] | undefined =>
  value === undefined ? undefined : ([] as T[]).concat(value);

/** Creates the plugin's express router. */
export function createRouter(options: RouterOptions): express.Router {
  const { service, offerings, portfolio, gate, actors } = options;
  const { userOf, readerOf, audited, requestId } = httpContext(options);
  // Handlers are typed by the OpenAPI document: bodies, parameters and answers.
  const router = createOpenApiRouter({
    middleware: jsonBodies(),
    validatorOptions: {
      // Report every problem of a body at once, so a form can mark all its fields.
      validateRequests: { allErrors: true, allowUnknownQueryParameters: false },
    },
  });

  router.use(refuseUnstorableText());

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.post('/requests', async (req, res) => {
    const user = await userOf(req);
    const created = await audited(
      req,
      'request-create',
      { submit: Boolean(req.body.submit) },
      () => service.create(acceptingOldNames(req.body), user),
    );
    res.status(201).json(withOldNames(created));
  });

  router.get('/requests', async (req, res) => {
    const page = await service.list(
      { ...req.query, status: asList<RequestStatus>(req.query.status) },
      await readerOf(req),
    );
    res.json({ ...page, items: page.items.map(withOldNames) });
  });

  router.get('/requests/:id', async (req, res) => {
    const reader = await readerOf(req);
    res.json(withOldNames(await service.read(requestId(req), reader)));
  });

  router.put('/requests/:id/cost-inputs', async (req, res) => {
    const user = await userOf(req);
    const id = requestId(req);
    const changed = await audited(
      req,
      'request-cost-inputs',
      { requestId: id },
      () => service.setCostInputs(id, req.body, user),
    );
    res.json(withOldNames(changed));
  });

  router.put('/requests/:id/security-answers', async (req, res) => {
    const user = await userOf(req);
    const id = requestId(req);
    const changed = await audited(
      req,
      'request-security-answers',
      { requestId: id },
      () => service.correctSecurityAnswers(id, req.body, user),
    );
    res.json(withOldNames(changed));
  });

  router.delete('/requests/:id', async (req, res) => {
    const user = await userOf(req);
    const id = requestId(req);
    await audited(req, 'request-delete', { requestId: id }, () =>
      service.delete(id, user),
    );
    res.status(204).end();
  });

  router.patch('/requests/:id', async (req, res) => {
    const user = await userOf(req);
    const id = requestId(req);
    const changed = await audited(
      req,
      'request-update',
      { requestId: id },
      () => service.update(id, acceptingOldNames(req.body), user),
    );
    res.json(withOldNames(changed));
  });

  router.post('/requests/:id/transitions', async (req, res) => {
    const user = await userOf(req);
    const id = requestId(req);
    const body = req.body;
    const changed = await audited(
      req,
      'request-transition',
      { requestId: id, action: body.action },
      () => service.transition(id, body, user),
    );
    res.json(withOldNames(changed));
  });

  router.post('/requests/:id/reviews', async (req, res) => {
    const user = await userOf(req);
    const id = requestId(req);
    const review = await audited(
      req,
      'request-review',
      { requestId: id, area: req.body.area, verdict: req.body.verdict },
      () => service.addReview(id, req.body, user),
    );
    res.status(201).json(review);
  });

  router.get('/requests/:id/reviews', async (req, res) => {
    const reader = await readerOf(req);
    const items = await service.reviews(requestId(req), reader);
    res.json({ items });
  });

  router.post('/requests/:id/comments', async (req, res) => {
    const user = await userOf(req);
    const id = requestId(req);
    const comment = await audited(
      req,
      'request-comment',
      { requestId: id },
      () => service.addComment(id, req.body.body, user),
    );
    res.status(201).json(comment);
  });

  router.get('/requests/:id/comments', async (req, res) => {
    const reader = await readerOf(req);
    const items = await service.comments(requestId(req), reader);
    res.json({ items });
  });

  router.post('/requests/:id/reuse-candidates', async (req, res) => {
    const user = await userOf(req);
    const id = requestId(req);
    const changed = await audited(
      req,
      'request-reuse-assessment',
      { requestId: id, entityRef: req.body.entityRef, state: req.body.state },
      () => service.assessReuse(id, req.body, user),
    );
    res.json(withOldNames(changed));
  });

  router.post('/reuse/suggestions', async (req, res) => {
    const reader = await readerOf(req);
    res.json(await service.suggestReuse(req.body, reader));
  });

  router.get('/offerings', async (req, res) => {
    await readerOf(req);
    res.json(offerings.page(req.query));
  });

  router.get('/gate', async (req, res) => {
    const reader = await readerOf(req);
    const query = {
      requestId: req.query.requestId,
      entityRef: req.query.entityRef,
    };
    const answer = await audited(
      req,
      'gate-check',
      {
        ...(query.requestId !== undefined && { requestId: query.requestId }),
        ...(query.entityRef !== undefined && { entityRef: query.entityRef }),
      },
      () => gate.check(query, reader),
    );
    res.json(answer);
  });

  router.get('/portfolio', async (req, res) => {
    const { credentials } = await readerOf(req);
    res.json(await portfolio.report(req.query, credentials));
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
    const { limit, cursor } = req.query;
    res.json(
      await service.history(
        requestId(req),
        {
          ...(limit !== undefined && { limit: Number(limit) }),
          ...(cursor !== undefined && { cursor: String(cursor) }),
        },
        reader,
      ),
    );
  });

  router.use(nameUnknownFields(spec));

  return router;
}
