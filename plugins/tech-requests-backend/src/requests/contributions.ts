import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  answersReviewed,
  isBlank,
  RequestComment,
  RequestReview,
  reviewableAreas,
  ReviewInput,
  TechRequest,
} from '@tech-requests/plugin-tech-requests-common';
import { StoreTransaction } from '../database/RequestStore';
import { invalidFields } from './errors';
import { RequestWriter } from './RequestWriter';
import { RequestUser } from './types';

/**
 * Adds a review or a comment: it joins the request, with its history entry, without changing
 * the request's fields or version; the request's last change moves to now.
 */
async function contribute<T>(
  writer: RequestWriter,
  request: TechRequest,
  user: RequestUser,
  action: 'review' | 'comment',
  write: (tx: StoreTransaction, at: string) => Promise<T>,
  changed: Partial<TechRequest> = {},
): Promise<T> {
  const at = writer.now();
  const stored = await writer.store.transaction(async tx => {
    // First, so that a request deleted meanwhile gets nothing written (the store's write
    // then waits for the delete, or the delete for it).
    if (!(await writer.store.touchRequest(tx, request.id, at))) {
      throw new NotFoundError(`No request with id ${request.id}`);
    }
    return write(tx, at);
  });
  await writer.announce(
    {
      requestId: request.id,
      action,
      actor: user.actor.userEntityRef,
      status: request.status,
      version: request.version,
      at,
    },
    { ...request, ...changed, updatedAt: at },
  );
  return stored;
}

/** A reviewer's verdict in an area they review; it may be one the risk made mandatory. */
export async function addReview(
  writer: RequestWriter,
  id: number,
  input: ReviewInput,
  user: RequestUser,
): Promise<RequestReview> {
  const { current: request } = await writer.loadForChange(id, user, 'review');
  if (!reviewableAreas(user.actor).includes(input.area)) {
    const routedTo = writer.reviewRouting[input.area];
    throw new NotAllowedError(
      `Not allowed: ${input.area} reviews are given by ${
        routedTo?.length ? routedTo.join(', ') : 'reviewers and deciders'
      }`,
    );
  }
  if (isBlank(input.comment)) {
    throw invalidFields([
      { field: 'comment', message: 'comment must not be blank' },
    ]);
  }
  // The snapshot says what is still missing once this review is in, in place of the
  // reviewer's earlier word in this area.
  const reviewer = user.actor.userEntityRef;
  const reviews = [
    ...(await writer.reviewsOf(request)).filter(
      review => review.reviewer !== reviewer || review.area !== input.area,
    ),
    { area: input.area, reviewer, changedSince: [] },
  ];
  const { assessment } = await writer.assessmentFor(request, reviews);
  return contribute(
    writer,
    request,
    user,
    'review',
    async (tx, at) => {
      if (assessment) {
        await writer.store.updateAssessment(
          id,
          request.version,
          assessment,
          tx,
        );
      }
      const { answersSeen, ...review } = await writer.store.insertReview(tx, {
        requestId: id,
        reviewer,
        area: input.area,
        verdict: input.verdict,
        comment: input.comment,
        createdAt: at,
        requestVersion: request.version,
        ...(request.assessment && {
          assessmentVersion: request.assessment.version,
        }),
        answersSeen: answersReviewed(input.area, request),
      });
      await writer.record(
        tx,
        id,
        user.actor,
        'review',
        { [`review.${input.area}`]: { before: null, after: input.verdict } },
        at,
        input.comment,
      );
      return { ...review, changedSince: [] };
    },
    assessment ? { assessment } : {},
  );
}

/** A comment on a request, by anyone the workflow lets comment. */
export async function addComment(
  writer: RequestWriter,
  id: number,
  body: string,
  user: RequestUser,
): Promise<RequestComment> {
  const { current: request } = await writer.loadForChange(id, user, 'comment');
  if (isBlank(body)) {
    throw invalidFields([{ field: 'body', message: 'body must not be blank' }]);
  }
  return contribute(writer, request, user, 'comment', async (tx, at) => {
    const comment = await writer.store.insertComment(tx, {
      requestId: id,
      author: user.actor.userEntityRef,
      body,
      createdAt: at,
    });
    await writer.record(tx, id, user.actor, 'comment', {}, at, body);
    return comment;
  });
}
