import { ResponseError } from '@backstage/errors';
import {
  CreateRequestInput,
  HistoryEntry,
  HistoryPage,
  RequestComment,
  RequestPage,
  RequestQuery,
  RequestReview,
  SecurityAnswersCorrection,
  TechRequest,
  UpdateRequestInput,
} from './model';
import { ReuseSuggestionsQuery, ReuseSuggestionsResponse } from './reuse';
import { OfferingsPage, OfferingsQuery } from './offerings';
import { GateAnswer, GateQuery } from './gate';
import { PortfolioQuery, PortfolioReport } from './portfolio';
import { CostInputs } from './assessment';
import { HISTORY_LIMITS, LIST_LIMITS } from './limits';
import { ServiceLevel } from './model';
import { RequestAction, TransitionAction, TransitionInput } from './workflow';
import { ReuseCandidateState, ReviewArea, ReviewVerdict } from './values';

/** A request as one person sees it: with the actions they may take on it now. */
export type TechRequestView = TechRequest & {
  allowedActions: RequestAction[];
  /** The areas this person may review on it now; empty when they may not review it. */
  reviewableAreas: ReviewArea[];
  /** Against the service-level target of its stage, when the stage has one. */
  serviceLevel?: ServiceLevel;
};

/** Who reviews each area and who decides, as the backend's configuration says. */
export type ReviewRoutingResponse = {
  /**
   * Every review area, with the groups that give its reviews; `groups` is empty when the area
   * is open to every reviewer and decider.
   */
  areas: Array<{ area: ReviewArea; groups: string[] }>;
  /** The groups that decide; empty when every signed-in user may, except on their own requests. */
  deciderGroups: string[];
};

/** The body of a transition call. */
export interface TransitionRequest extends TransitionInput {
  action: TransitionAction;
  /** When given, the transition is refused with 409 if the request has changed since. */
  version?: number;
}

/** The body of a review call. */
export interface ReviewInput {
  area: ReviewArea;
  verdict: ReviewVerdict;
  comment: string;
}

/** The body of a reuse assessment: what a reviewer makes of one candidate. */
export interface ReuseAssessmentInput {
  /** The version of the request the reviewer read. */
  version: number;
  /** A candidate of the request, or another catalog entity to add as one. */
  entityRef: string;
  state: ReuseCandidateState;
  /** Why; shown with the candidate and kept in the history. */
  note?: string;
}

/** How the client reaches the backend. */
export interface TechRequestsClientOptions {
  /** The backend's base URL (ending in `/api/tech-requests`), or a function that finds it. */
  baseUrl: string | (() => Promise<string>);
  /** The fetch to use; the frontend passes one that adds the user's token. */
  fetch?: typeof fetch;
  /** Headers sent with every call, for example an `Authorization` header in scripts. */
  headers?: Record<string, string>;
}

/** A typed client for the Tech Requests HTTP API. Failed calls throw a `ResponseError`. */
export class TechRequestsClient {
  private readonly options: TechRequestsClientOptions;

  constructor(options: TechRequestsClientOptions) {
    this.options = options;
  }

  /** Files a new request, as a draft unless `submit` is true. */
  createRequest(input: CreateRequestInput): Promise<TechRequestView> {
    return this.call('POST', '/requests', input);
  }

  /** Lists requests with filters, sorting and paging. */
  listRequests(query: RequestQuery = {}): Promise<RequestPage> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item !== undefined) {
          params.append(key, String(item));
        }
      }
    }
    const search = params.toString();
    return this.call('GET', `/requests${search ? `?${search}` : ''}`);
  }

  /**
   * Every request the caller may read that `query` selects, a page at a time, oldest first:
   * for services that mirror or index them all.
   */
  async *eachRequestPage(
    query: Omit<RequestQuery, 'cursor' | 'offset' | 'sort' | 'order'> = {},
  ): AsyncGenerator<TechRequest[]> {
    let cursor: string | undefined;
    do {
      const page = await this.listRequests({
        limit: LIST_LIMITS.pageSize,
        ...query,
        sort: 'created',
        order: 'asc',
        cursor,
      });
      yield page.items;
      cursor = page.nextCursor;
    } while (cursor);
  }

  /** Reads one request. */
  getRequest(id: number): Promise<TechRequestView> {
    return this.call('GET', `/requests/${id}`);
  }

  /** Edits a request; rejected with 409 when `version` is not the current one. */
  updateRequest(
    id: number,
    input: UpdateRequestInput,
  ): Promise<TechRequestView> {
    return this.call('PATCH', `/requests/${id}`, input);
  }

  /** Deletes a draft. */
  async deleteRequest(id: number): Promise<void> {
    await this.call<void>('DELETE', `/requests/${id}`);
  }

  /** Moves a request through its workflow. */
  transition(id: number, body: TransitionRequest): Promise<TechRequestView> {
    return this.call('POST', `/requests/${id}/transitions`, body);
  }

  /**
   * Existing entities that could serve a need, and earlier requests that asked for the same;
   * an empty `items` means nothing in the catalog fits well enough.
   */
  suggestReuse(
    query: ReuseSuggestionsQuery,
  ): Promise<ReuseSuggestionsResponse> {
    return this.call('POST', '/reuse/suggestions', query);
  }

  /**
   * Confirms or dismisses a reuse candidate of a request, or adds one (a reviewer's own);
   * rejected with 409 when `version` is not the current one.
   */
  assessReuseCandidate(
    id: number,
    assessment: ReuseAssessmentInput,
  ): Promise<TechRequestView> {
    return this.call('POST', `/requests/${id}/reuse-candidates`, assessment);
  }

  /**
   * Replaces what reviewers adjusted in the cost model and answers the request with its
   * recomputed assessment; rejected with 409 when `version` is not the current one.
   */
  setCostInputs(
    id: number,
    body: { version: number; inputs: CostInputs },
  ): Promise<TechRequestView> {
    return this.call('PUT', `/requests/${id}/cost-inputs`, body);
  }

  /**
   * A reviewer corrects the requester's answers on data and security; answers the request
   * with its recomputed risk. Rejected with 409 when `version` is not the current one.
   */
  correctSecurityAnswers(
    id: number,
    body: SecurityAnswersCorrection,
  ): Promise<TechRequestView> {
    return this.call('PUT', `/requests/${id}/security-answers`, body);
  }

  /** Adds a review in one area. */
  addReview(id: number, review: ReviewInput): Promise<RequestReview> {
    return this.call('POST', `/requests/${id}/reviews`, review);
  }

  /** Lists a request's reviews, oldest first. */
  async listReviews(id: number): Promise<RequestReview[]> {
    const { items } = await this.call<{ items: RequestReview[] }>(
      'GET',
      `/requests/${id}/reviews`,
    );
    return items;
  }

  /** Adds a comment. */
  addComment(id: number, body: string): Promise<RequestComment> {
    return this.call('POST', `/requests/${id}/comments`, { body });
  }

  /** Lists a request's comments, oldest first. */
  async listComments(id: number): Promise<RequestComment[]> {
    const { items } = await this.call<{ items: RequestComment[] }>(
      'GET',
      `/requests/${id}/comments`,
    );
    return items;
  }

  /** Reads a page of what IT offers: catalog entities people can use, in business words. */
  listOfferings(query: OfferingsQuery = {}): Promise<OfferingsPage> {
    return this.call('GET', `/offerings${queryString(query)}`);
  }

  /** Asks the delivery gate whether a piece of work (a request, or an entity naming one) is covered. */
  checkGate(query: GateQuery): Promise<GateAnswer> {
    return this.call('GET', `/gate${queryString(query)}`);
  }

  /** Reads where demand stands: the aggregates of the portfolio, for deciders and IT leadership. */
  getPortfolio(query: PortfolioQuery = {}): Promise<PortfolioReport> {
    return this.call('GET', `/portfolio${queryString(query)}`);
  }

  /** Reads who reviews which area and who decides. */
  getReviewRouting(): Promise<ReviewRoutingResponse> {
    return this.call('GET', '/review-routing');
  }

  /** Reads a page of the changes made to a request, oldest first. */
  getHistoryPage(
    id: number,
    page: { limit?: number; cursor?: string } = {},
  ): Promise<HistoryPage> {
    const params = new URLSearchParams();
    if (page.limit !== undefined) {
      params.set('limit', String(page.limit));
    }
    if (page.cursor !== undefined) {
      params.set('cursor', page.cursor);
    }
    const search = params.toString();
    return this.call(
      'GET',
      `/requests/${id}/history${search ? `?${search}` : ''}`,
    );
  }

  /** Reads every change made to a request, oldest first, page after page. */
  async getHistory(id: number): Promise<HistoryEntry[]> {
    const entries: HistoryEntry[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.getHistoryPage(id, {
        limit: HISTORY_LIMITS.pageSize,
        ...(cursor !== undefined && { cursor }),
      });
      entries.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return entries;
  }

  private async call<T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T> {
    const {
      baseUrl,
      fetch: fetchFn = globalThis.fetch,
      headers,
    } = this.options;
    const base = typeof baseUrl === 'string' ? baseUrl : await baseUrl();
    const response = await fetchFn(`${base.replace(/\/$/, '')}${path}`, {
      method,
      headers: {
        ...headers,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
}

/** `?key=value&…` of the fields set, or nothing when none is. */
function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') {
      params.set(key, String(value));
    }
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}
