import { NotFoundError } from '@backstage/errors';
import {
  CostInputs,
  CreateRequestInput,
  HistoryPage,
  RequestAction,
  RequestComment,
  RequestPage,
  RequestQuery,
  RequestReview,
  ReuseAssessmentInput,
  ReuseSuggestionsQuery,
  ReuseSuggestionsResponse,
  ReviewInput,
  SecurityAnswersCorrection,
  ServiceLevelTargets,
  TechRequest,
  TechRequestView,
  TransitionRequest,
  UpdateRequestInput,
} from '@tech-requests/plugin-tech-requests-common';
import { addComment, addReview } from './contributions';
import { transitionRequest } from './decisions';
import {
  adjustCostInputs,
  assessReuseCandidate,
  deleteDraft,
  editRequest,
} from './edits';
import { fileRequest } from './filing';
import { correctSecurityAnswers } from './securityAnswers';
import { RequestReads } from './reads';
import { RequestWriter, RequestWriterOptions } from './RequestWriter';
import { RequestReader, RequestUser } from './types';

/**
 * Files requests, moves them through the workflow and answers what readers may see. Every
 * rule about who may change what is asked of the permission policy and the common state
 * machine; every change is written with its history entry in one transaction. The routes
 * call this and nothing else.
 */
export class RequestService {
  private readonly writer: RequestWriter;
  private readonly reads: RequestReads;

  constructor(
    options: RequestWriterOptions & {
      /** Service-level targets per stage; requests past theirs are marked overdue. */
      serviceLevels?: ServiceLevelTargets;
    },
  ) {
    this.writer = new RequestWriter(options);
    this.reads = new RequestReads(
      this.writer,
      options.serviceLevels,
      options.now,
    );
  }

  async create(
    input: CreateRequestInput,
    user: RequestUser,
  ): Promise<TechRequestView> {
    return this.reads.view(await fileRequest(this.writer, input, user), user);
  }

  read(id: number, reader: RequestReader): Promise<TechRequestView> {
    return this.reads.read(id, reader);
  }

  /**
   * The request as stored, assessed afresh where out of date, when it exists and the reader
   * may see it; undefined otherwise. For checks that answer rather than refuse: the gate.
   */
  async readIfVisible(
    id: number,
    reader: RequestReader,
  ): Promise<TechRequest | undefined> {
    try {
      return await this.writer.loadReadable(id, reader, { assessed: true });
    } catch (error) {
      if (error instanceof NotFoundError) {
        return undefined;
      }
      throw error;
    }
  }

  list(query: RequestQuery, reader: RequestReader): Promise<RequestPage> {
    return this.reads.list(query, reader);
  }

  update(
    id: number,
    input: UpdateRequestInput,
    user: RequestUser,
  ): Promise<TechRequestView> {
    return this.viewing(id, user, 'edit', () =>
      editRequest(this.writer, id, input, user),
    );
  }

  transition(
    id: number,
    body: TransitionRequest,
    user: RequestUser,
  ): Promise<TechRequestView> {
    return this.viewing(id, user, body.action, () =>
      transitionRequest(this.writer, id, body, user),
    );
  }

  assessReuse(
    id: number,
    input: ReuseAssessmentInput,
    user: RequestUser,
  ): Promise<TechRequestView> {
    return this.viewing(id, user, 'assess-reuse', () =>
      assessReuseCandidate(this.writer, id, input, user),
    );
  }

  setCostInputs(
    id: number,
    body: { version: number; inputs: CostInputs },
    user: RequestUser,
  ): Promise<TechRequestView> {
    return this.viewing(id, user, 'adjust-costs', () =>
      adjustCostInputs(this.writer, id, body, user),
    );
  }

  correctSecurityAnswers(
    id: number,
    body: SecurityAnswersCorrection,
    user: RequestUser,
  ): Promise<TechRequestView> {
    return this.viewing(id, user, 'correct-answers', () =>
      correctSecurityAnswers(this.writer, id, body, user),
    );
  }

  delete(id: number, user: RequestUser): Promise<void> {
    return this.writer.recordingDenials(id, user, 'delete', () =>
      deleteDraft(this.writer, id, user),
    );
  }

  addReview(
    id: number,
    input: ReviewInput,
    user: RequestUser,
  ): Promise<RequestReview> {
    return this.writer.recordingDenials(id, user, 'review', () =>
      addReview(this.writer, id, input, user),
    );
  }

  addComment(
    id: number,
    body: string,
    user: RequestUser,
  ): Promise<RequestComment> {
    return this.writer.recordingDenials(id, user, 'comment', () =>
      addComment(this.writer, id, body, user),
    );
  }

  history(
    id: number,
    page: { limit?: number; cursor?: string },
    reader: RequestReader,
  ): Promise<HistoryPage> {
    return this.reads.history(id, page, reader);
  }

  reviews(id: number, reader: RequestReader): Promise<RequestReview[]> {
    return this.reads.reviews(id, reader);
  }

  comments(id: number, reader: RequestReader): Promise<RequestComment[]> {
    return this.reads.comments(id, reader);
  }

  suggestReuse(
    query: ReuseSuggestionsQuery,
    reader: RequestReader,
  ): Promise<ReuseSuggestionsResponse> {
    return this.reads.suggestReuse(query, reader);
  }

  /** Runs a change that denials are recorded for, and answers with the changed request's view. */
  private async viewing(
    id: number,
    user: RequestUser,
    action: RequestAction,
    change: () => Promise<TechRequest>,
  ): Promise<TechRequestView> {
    const changed = await this.writer.recordingDenials(
      id,
      user,
      action,
      change,
    );
    return this.reads.view(changed, user);
  }
}
