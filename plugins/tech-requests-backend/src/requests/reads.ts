import { InputError } from '@backstage/errors';
import {
  allowedActions,
  HISTORY_LIMITS,
  HistoryPage,
  isBlank,
  reviewableAreas,
  RequestPage,
  RequestQuery,
  ReuseSuggestionsQuery,
  ReuseSuggestionsResponse,
  serviceLevelOf,
  ServiceLevelTargets,
  TechRequest,
  TechRequestView,
  waitingFor,
} from '@tech-requests/plugin-tech-requests-common';
import { decodeCursor, encodeCursor } from '../database/requestQueries';
import { invalidFields } from './errors';
import { RequestWriter } from './RequestWriter';
import { RequestReader } from './types';

/**
 * What readers see of requests: each with its standing against the service level of its
 * stage, and, for one request, what the reader may do with it now.
 */
export class RequestReads {
  constructor(
    private readonly writer: RequestWriter,
    private readonly serviceLevels: ServiceLevelTargets = {},
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The request with its standing against the target of its stage, where one is set. */
  withServiceLevel<T extends TechRequest>(request: T): T {
    const serviceLevel = serviceLevelOf(
      request,
      this.serviceLevels,
      this.now(),
    );
    return serviceLevel ? { ...request, serviceLevel } : request;
  }

  /**
   * The request as this reader sees it: the actions both the workflow and the policy allow
   * them now, and the review areas they may speak for; a service may do nothing.
   */
  async view(
    request: TechRequest,
    reader: RequestReader,
  ): Promise<TechRequestView> {
    const { actor } = reader;
    const allowed = await this.writer.permissions.filterActions(
      reader.credentials,
      request.id,
      actor ? allowedActions(request, actor) : [],
    );
    return {
      ...this.withServiceLevel(request),
      allowedActions: allowed,
      reviewableAreas:
        actor && allowed.includes('review') ? reviewableAreas(actor) : [],
    };
  }

  /** One request, assessed afresh where its assessment is out of date. */
  async read(id: number, reader: RequestReader): Promise<TechRequestView> {
    const request = await this.writer.loadReadable(id, reader, {
      assessed: true,
    });
    return this.view(request, reader);
  }

  /**
   * Lists the requests the reader may see; `waitingForMe` needs a person to be waiting.
   */
  async list(query: RequestQuery, reader: RequestReader): Promise<RequestPage> {
    const { waitingForMe, ...filters } = query;
    if (filters.cursor && filters.offset) {
      throw new InputError('offset and cursor cannot be used together');
    }
    if (waitingForMe && !reader.actor) {
      throw new InputError('waitingForMe needs a signed-in user');
    }
    const scope = await this.writer.permissions.readScope(reader.credentials);
    if (scope.nothing) {
      return { items: [], totalCount: 0 };
    }
    const page = await this.writer.store.listRequests({
      ...filters,
      ...(scope.readable && { readable: scope.readable }),
      ...(waitingForMe &&
        reader.actor && {
          waitingFor: {
            userEntityRef: reader.actor.userEntityRef,
            ...waitingFor(reader.actor),
          },
        }),
    });
    return {
      ...page,
      items: page.items.map(item => this.withServiceLevel(item)),
    };
  }

  /** A page of the request's history, oldest first; `nextCursor` when more follow. */
  async history(
    id: number,
    page: { limit?: number; cursor?: string },
    reader: RequestReader,
  ): Promise<HistoryPage> {
    await this.writer.loadReadable(id, reader);
    const limit = page.limit ?? HISTORY_LIMITS.defaultPageSize;
    const { items, more } = await this.writer.store.listHistory(id, {
      limit,
      ...(page.cursor && { afterId: decodeCursor(page.cursor).id }),
    });
    const last = items[items.length - 1];
    return more && last
      ? { items, nextCursor: encodeCursor({ v: last.id, id: last.id }) }
      : { items };
  }

  async reviews(id: number, reader: RequestReader) {
    return this.writer.reviewsOf(await this.writer.loadReadable(id, reader));
  }

  async comments(id: number, reader: RequestReader) {
    await this.writer.loadReadable(id, reader);
    return this.writer.store.listComments(id);
  }

  /**
   * What the organisation already runs for a need. Similar requests name other departments'
   * needs: the answer keeps only those the reader may see.
   */
  async suggestReuse(
    query: ReuseSuggestionsQuery,
    reader: RequestReader,
  ): Promise<ReuseSuggestionsResponse> {
    if (isBlank(query.text)) {
      throw invalidFields([
        { field: 'text', message: 'text must not be blank' },
      ]);
    }
    const answer = await this.writer.reuse.suggest(query);
    const visible = await this.writer.permissions.readable(
      reader.credentials,
      answer.similarRequests.map(similar => similar.id),
    );
    return {
      ...answer,
      similarRequests: answer.similarRequests.filter(similar =>
        visible.has(similar.id),
      ),
    };
  }
}
