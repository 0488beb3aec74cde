import {
  AuditorService,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import { MAX_REQUEST_ID } from '@tech-requests/plugin-tech-requests-common';
import express from 'express';
import { ActorResolver } from '../requests/ActorResolver';
import { invalidFields } from '../requests/errors';
import { RequestReader, RequestUser } from '../requests/types';

/** An HTTP request to any route: the typed router types each route's own. */
type AnyRequest = express.Request<any, any, any, any>;

/** Ids are 32-bit integers in every database. */

/**
 * What every route reads off an HTTP request: who asks, which request they mean, and the
 * auditor event a state change runs in.
 */
export function httpContext(options: {
  actors: ActorResolver;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}) {
  const { actors, httpAuth, auditor } = options;

  /** The signed-in person: their credentials for the policy, and who they are for the workflow. */
  const userOf = async (req: AnyRequest): Promise<RequestUser> => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    return { credentials, actor: await actors.resolve(credentials) };
  };

  /** Reads are open to services too (the catalog module); they act as nobody. */
  const readerOf = async (req: AnyRequest): Promise<RequestReader> => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    return actors.readerOf(credentials);
  };

  /** Runs a state change as an auditor event that succeeds or fails with it. */
  const audited = async <T>(
    req: AnyRequest,
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
  const requestId = (req: AnyRequest) => {
    const id = Number(req.params.id);
    if (id > MAX_REQUEST_ID) {
      throw invalidFields([
        { field: 'id', message: `id must be at most ${MAX_REQUEST_ID}` },
      ]);
    }
    return id;
  };

  return { userOf, readerOf, audited, requestId };
}
