import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  RequestReview,
  REVIEW_VERDICTS,
  REVIEWED_ANSWER_LABELS,
  ReviewArea,
  ReviewVerdict,
  TechRequestView,
} from '@tech-requests/plugin-tech-requests-common';
import { useState } from 'react';
import { techRequestsApiRef } from '../../api/TechRequestsApi';
import { WORDS } from '../format/words';
import { PersonName } from '../shared/EntityName';
import { RunChange } from './actions';
import { WRAP } from './wrap';

/** A labelled choice among a few values, each shown by its name. */
function ChoiceField<T extends string>(props: {
  id: string;
  label: string;
  value: T;
  choices: readonly T[];
  names: Record<T, string>;
  onChange: (value: T) => void;
}) {
  return (
    <TextField
      select
      fullWidth
      id={props.id}
      label={props.label}
      variant="outlined"
      size="small"
      value={props.value}
      onChange={event => props.onChange(event.target.value as T)}
    >
      {props.choices.map(choice => (
        <MenuItem key={choice} value={choice}>
          {props.names[choice]}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** An answer as a reviewer saw it or as it is now, in a few words. */
function answerValue(value: unknown): string {
  if (value === null || value === undefined) {
    return 'not set';
  }
  if (typeof value === 'boolean') {
    return value ? 'yes' : 'no';
  }
  if (Array.isArray(value)) {
    return value.length
      ? value.map(item => answerValue(item)).join(', ')
      : 'none';
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * Why a review no longer counts, or nothing while it does: it saw answers that changed since
 * (each with what the reviewer saw and what it is now), or its reviewer replaced it.
 */
function reviewStanding(review: RequestReview): string | undefined {
  if (review.changedSince.length) {
    const version = review.requestVersion
      ? ` (version ${review.requestVersion})`
      : '';
    const changes = review.changedSince.map(
      change =>
        `${REVIEWED_ANSWER_LABELS[change.answer]}: ${answerValue(
          change.before,
        )} → ${answerValue(change.after)}`,
    );
    return `Reviewed an earlier version${version}; changed since: ${changes.join(
      '; ',
    )}. It no longer counts as the ${WORDS.area[review.area].toLocaleLowerCase(
      'en-US',
    )} review.`;
  }
  if (review.supersededBy !== undefined) {
    return 'Replaced by a later review of the same reviewer.';
  }
  return undefined;
}

/** The reviews given so far, and the viewer's own review where they may give one. */
export function ReviewsCard(props: {
  request: TechRequestView;
  reviews: RequestReview[];
  act: RunChange;
}) {
  const { request, reviews, act } = props;
  const id = request.id;
  const allowed = request.allowedActions;
  const api = useApi(techRequestsApiRef);
  const [review, setReview] = useState<{
    /** Unset until chosen: the form offers the first area the viewer may review. */
    area?: ReviewArea;
    verdict: ReviewVerdict;
    comment: string;
  }>({
    verdict: 'approve',
    comment: '',
  });
  const missingReviews = request.assessment?.missingReviews ?? [];
  // The routing decides which areas the viewer reviews; a missing review of theirs comes first.
  const reviewArea =
    review.area ??
    request.reviewableAreas.find(area => missingReviews.includes(area)) ??
    request.reviewableAreas[0];
  return (
    <InfoCard title="Reviews">
      {reviews.length === 0 && (
        <Typography variant="body2">No reviews yet.</Typography>
      )}
      <List dense aria-label="Reviews">
        {reviews.map(r => {
          const standing = reviewStanding(r);
          return (
            <ListItem key={r.id}>
              <ListItemText
                primaryTypographyProps={WRAP}
                secondaryTypographyProps={WRAP}
                primary={
                  <>
                    {WORDS.area[r.area]} review: {WORDS.verdictGiven[r.verdict]}{' '}
                    — <PersonName entityRef={r.reviewer} />
                  </>
                }
                secondary={
                  <>
                    {r.comment}
                    {standing && (
                      <Typography
                        component="span"
                        display="block"
                        variant="caption"
                        color="textPrimary"
                      >
                        {standing}
                      </Typography>
                    )}
                  </>
                }
              />
            </ListItem>
          );
        })}
      </List>
      {allowed.includes('review') && reviewArea && (
        <Box
          component="form"
          mt={2}
          onSubmit={event => {
            event.preventDefault();
            act(async () => {
              await api.addReview(id, { ...review, area: reviewArea });
              setReview(r => ({ ...r, comment: '' }));
            });
          }}
        >
          <Grid container spacing={1}>
            <Grid item xs={6}>
              <ChoiceField
                id="review-area"
                label="Area"
                value={reviewArea}
                choices={request.reviewableAreas}
                names={WORDS.area}
                onChange={area => setReview(r => ({ ...r, area }))}
              />
            </Grid>
            <Grid item xs={6}>
              <ChoiceField
                id="review-verdict"
                label="Verdict"
                value={review.verdict}
                choices={REVIEW_VERDICTS}
                names={WORDS.verdict}
                onChange={verdict => setReview(r => ({ ...r, verdict }))}
              />
            </Grid>
            <Grid item xs={12}>
              <TextField
                fullWidth
                multiline
                minRows={2}
                id="review-comment"
                label="Your review"
                variant="outlined"
                required
                value={review.comment}
                onChange={event =>
                  setReview(r => ({
                    ...r,
                    comment: event.target.value,
                  }))
                }
              />
            </Grid>
          </Grid>
          <Button
            type="submit"
            color="primary"
            disabled={!review.comment.trim()}
          >
            Add review
          </Button>
        </Box>
      )}
    </InfoCard>
  );
}
