import {
  Content,
  Header,
  InfoCard,
  Link,
  MarkdownContent,
  Page,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  EntityRefLinks,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { useRouteRef } from '@backstage/core-plugin-api';
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
  AWAITING_DECISION_STATUSES,
  REVIEW_VERDICTS,
  ReviewArea,
  ReviewVerdict,
  TechRequestView,
  TransitionAction,
} from '@tech-requests/plugin-tech-requests-common';
import { useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { techRequestsApiRef } from '../api/TechRequestsApi';
import { rootRouteRef } from '../routes';
import { DecisionDialog } from './DecisionDialog';
import { AssessmentPanel } from './AssessmentPanel';
import { errorMessage } from './errors';
import { MissingReviewsNotice } from './MissingReviewsNotice';
import { useReviewRouting } from './useReviewRouting';
import { personName } from './names';
import { ReusePanel } from './ReusePanel';
import {
  certificationLabel,
  DATA_LOCATION_LABELS,
  HOSTING_LABELS,
  inSentence,
  SIGN_IN_LABELS,
} from './securityAnswers';
import { StatusChip } from './StatusChip';
import { ServiceLevelNote } from './ServiceLevelNote';
import { timeAgo } from './time';
import { sameOriginImageUri } from './markdown';
import { ActionErrorAlert } from './ActionErrorAlert';

const ACTION_LABELS: Record<TransitionAction, string> = {
  submit: 'Submit',
  'start-review': 'Start review',
  approve: 'Approve',
  reject: 'Reject',
  defer: 'Defer',
  'start-delivery': 'Start delivery',
  complete: 'Mark completed',
  withdraw: 'Withdraw',
};

/** Long notes, reviews and comments wrap instead of running off narrow screens. */
const WRAP = {
  style: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
} as const;

/** Actions that need a rationale, and for approve a path, asked in a dialog. */
const DECISIONS: TransitionAction[] = ['approve', 'reject', 'defer'];

/** A labelled choice among a few values, shown as they are named in the API. */
function ChoiceField<T extends string>(props: {
  id: string;
  label: string;
  value: T;
  choices: readonly T[];
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
          {choice}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** One request: the need, the facts, the timeline, reviews, comments and what the viewer may do now. */
export function RequestPage() {
  const api = useApi(techRequestsApiRef);
  const entityRoute = useRouteRef(entityRouteRef);
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const listLink = useRouteRef(rootRouteRef);
  const [actionError, setActionError] = useState<string>();
  // The request as a change answered it, until a reload brings a newer one.
  const [changed, setChanged] = useState<TechRequestView>();
  const [dialog, setDialog] = useState<TransitionAction>();
  const [comment, setComment] = useState('');
  const [review, setReview] = useState<{
    /** Unset until chosen: the form offers the first area the viewer may review. */
    area?: ReviewArea;
    verdict: ReviewVerdict;
    comment: string;
  }>({
    verdict: 'approve',
    comment: '',
  });
  const routing = useReviewRouting();

  const loaded = useAsyncRetry(async () => {
    const [request, history, reviews, comments] = await Promise.all([
      api.getRequest(id),
      api.getHistory(id),
      api.listReviews(id),
      api.listComments(id),
    ]);
    return { request, history, reviews, comments };
  }, [api, id]);

  /** Runs a change; on failure says why (a 409 names what is allowed now) and reloads. */
  const act = async (work: () => Promise<unknown>) => {
    setActionError(undefined);
    try {
      await work();
    } catch (error) {
      setActionError(errorMessage(error));
    }
    loaded.retry();
  };

  if (loaded.loading && !loaded.value) {
    return (
      <Page themeId="tool">
        <Header title="Technology request" />
        <Content>
          <Progress />
        </Content>
      </Page>
    );
  }
  if (loaded.error || !loaded.value) {
    return (
      <Page themeId="tool">
        <Header title="Technology request" />
        <Content>
          <ResponseErrorPanel error={loaded.error ?? new Error('Not found')} />
        </Content>
      </Page>
    );
  }

  const { history, reviews, comments } = loaded.value;
  const request =
    changed &&
    changed.id === loaded.value.request.id &&
    changed.version > loaded.value.request.version
      ? changed
      : loaded.value.request;
  const allowed = request.allowedActions;
  const transitions = allowed.filter(
    (a): a is TransitionAction => a in ACTION_LABELS,
  );
  const missingReviews = request.assessment?.missingReviews ?? [];
  // The routing decides which areas the viewer reviews; a missing review of theirs comes first.
  const reviewArea =
    review.area ??
    request.reviewableAreas.find(area => missingReviews.includes(area)) ??
    request.reviewableAreas[0];
  // Once decided, reviews that never came no longer hold anything back.
  const awaitingDecision = AWAITING_DECISION_STATUSES.includes(request.status);
  const catalogLink = request.entityName
    ? entityRoute({
        kind: 'technologyrequest',
        namespace: 'default',
        name: request.entityName,
      })
    : undefined;

  return (
    <Page themeId="tool">
      <Header
        title={request.title}
        subtitle={`Request ${request.id} · filed ${timeAgo(request.createdAt)}`}
      />
      <Content>
        <ActionErrorAlert
          error={actionError}
          onDismiss={() => setActionError(undefined)}
        />
        <Grid container spacing={3}>
          <Grid item xs={12} md={8}>
            <InfoCard title="The need">
              <MarkdownContent
                content={request.need}
                transformImageUri={sameOriginImageUri}
              />
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={4}>
            <InfoCard title="Status">
              <Box mb={2}>
                <StatusChip status={request.status} />
              </Box>
              <ServiceLevelNote serviceLevel={request.serviceLevel} />
              {request.decision && (
                <Typography variant="body2" paragraph>
                  {request.decision.outcome}
                  {request.decision.path && ` — ${request.decision.path}`}
                  {request.decision.vendor &&
                    ` (${request.decision.vendor})`}:{' '}
                  {request.decision.rationale}
                </Typography>
              )}
              {request.decision?.targetEntityRef && (
                <Typography variant="body2" paragraph>
                  Served by{' '}
                  <EntityRefLinks
                    entityRefs={[request.decision.targetEntityRef]}
                  />
                </Typography>
              )}
              <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
                {allowed.includes('edit') && (
                  <Button variant="outlined" component={RouterLink} to="edit">
                    Edit
                  </Button>
                )}
                {allowed.includes('delete') && (
                  <Button
                    variant="outlined"
                    onClick={() => {
                      const sure =
                        // A plain confirmation is enough for the one irreversible action here.
                        // eslint-disable-next-line no-alert
                        window.confirm(
                          'Delete this draft? This cannot be undone.',
                        );
                      if (sure) {
                        act(async () => {
                          await api.deleteRequest(id);
                          navigate(listLink());
                        });
                      }
                    }}
                  >
                    Delete draft
                  </Button>
                )}
                {transitions.map(action => (
                  <Button
                    key={action}
                    variant={
                      DECISIONS.includes(action) ? 'contained' : 'outlined'
                    }
                    color="primary"
                    onClick={() =>
                      DECISIONS.includes(action)
                        ? setDialog(action)
                        : act(() =>
                            api.transition(id, {
                              action,
                              version: request.version,
                            }),
                          )
                    }
                  >
                    {ACTION_LABELS[action]}
                  </Button>
                ))}
              </Box>
              {awaitingDecision && (
                <Box mt={2}>
                  <MissingReviewsNotice
                    missingReviews={missingReviews}
                    routing={routing}
                  />
                </Box>
              )}
              {catalogLink && (
                <Box mt={2}>
                  <Link to={catalogLink}>See it in the catalog</Link>
                </Box>
              )}
            </InfoCard>
          </Grid>
          <Grid item xs={12}>
            <ReusePanel
              request={request}
              onUpdated={updated => {
                setChanged(updated);
                // The timeline records the assessment too.
                loaded.retry();
              }}
              onRefused={loaded.retry}
            />
          </Grid>
          {request.assessment && (
            <Grid item xs={12}>
              <AssessmentPanel
                request={request}
                assessment={request.assessment}
                onUpdated={updated => {
                  setChanged(updated);
                  // The timeline records the new cost inputs too.
                  loaded.retry();
                }}
                onRefused={loaded.retry}
              />
            </Grid>
          )}
          <Grid item xs={12} md={6}>
            <InfoCard title="Facts">
              <StructuredMetadataTable
                metadata={{
                  'Requesting group': (
                    <EntityRefLinks
                      entityRefs={[request.requestingGroup]}
                      defaultKind="group"
                    />
                  ),
                  Requester: (
                    <EntityRefLinks
                      entityRefs={[request.requester]}
                      defaultKind="user"
                    />
                  ),
                  'Business sponsor': request.businessSponsor ?? '—',
                  'Expected users': request.expectedUsers ?? '—',
                  'Needed by': request.wantedBy ?? '—',
                  Budget: request.budgetRange?.max
                    ? `${request.budgetRange.max} ${request.budgetRange.currency}`
                    : '—',
                  Capabilities: request.capabilities.join(', ') || '—',
                  'Data classification': request.dataClassification,
                  'Personal data': request.handlesPersonalData ? 'yes' : 'no',
                  'Who runs it': inSentence(HOSTING_LABELS[request.hosting]),
                  'Sign in': inSentence(SIGN_IN_LABELS[request.signIn]),
                  'Data stored': inSentence(
                    DATA_LOCATION_LABELS[request.dataLocation],
                  ),
                  'Vendor certifications':
                    request.vendorCertifications
                      .map(certificationLabel)
                      .join(', ') || '—',
                  'Preferred path': request.preferredPath,
                  'Works with': request.integrations.length ? (
                    <EntityRefLinks entityRefs={request.integrations} />
                  ) : (
                    '—'
                  ),
                  Vendors:
                    request.vendorCandidates.map(v => v.name).join(', ') || '—',
                }}
              />
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={6}>
            <InfoCard title="Timeline">
              <List dense aria-label="Timeline">
                {history.map(entry => (
                  <ListItem key={entry.id}>
                    <ListItemText
                      secondaryTypographyProps={WRAP}
                      primary={`${entry.action} by ${personName(entry.actor)}`}
                      secondary={`${timeAgo(entry.at)}${entry.note ? ` — ${entry.note}` : ''}`}
                    />
                  </ListItem>
                ))}
              </List>
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={6}>
            <InfoCard title="Reviews">
              {reviews.length === 0 && (
                <Typography variant="body2">No reviews yet.</Typography>
              )}
              <List dense aria-label="Reviews">
                {reviews.map(r => (
                  <ListItem key={r.id}>
                    <ListItemText
                      secondaryTypographyProps={WRAP}
                      primary={`${r.area}: ${r.verdict} — ${personName(r.reviewer)}`}
                      secondary={r.comment}
                    />
                  </ListItem>
                ))}
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
                        onChange={area => setReview(r => ({ ...r, area }))}
                      />
                    </Grid>
                    <Grid item xs={6}>
                      <ChoiceField
                        id="review-verdict"
                        label="Verdict"
                        value={review.verdict}
                        choices={REVIEW_VERDICTS}
                        onChange={verdict =>
                          setReview(r => ({ ...r, verdict }))
                        }
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
          </Grid>
          <Grid item xs={12} md={6}>
            <InfoCard title="Comments">
              {comments.length === 0 && (
                <Typography variant="body2">No comments yet.</Typography>
              )}
              <List dense aria-label="Comments">
                {comments.map(c => (
                  <ListItem key={c.id}>
                    <ListItemText
                      secondaryTypographyProps={WRAP}
                      primary={c.body}
                      secondary={`${personName(c.author)}, ${timeAgo(c.createdAt)}`}
                    />
                  </ListItem>
                ))}
              </List>
              {allowed.includes('comment') && (
                <Box
                  component="form"
                  mt={2}
                  onSubmit={event => {
                    event.preventDefault();
                    act(async () => {
                      await api.addComment(id, comment);
                      setComment('');
                    });
                  }}
                >
                  <TextField
                    fullWidth
                    multiline
                    minRows={2}
                    id="comment-body"
                    label="Add a comment"
                    variant="outlined"
                    value={comment}
                    onChange={event => setComment(event.target.value)}
                  />
                  <Button
                    type="submit"
                    color="primary"
                    disabled={!comment.trim()}
                  >
                    Comment
                  </Button>
                </Box>
              )}
            </InfoCard>
          </Grid>
        </Grid>
        {dialog && (
          <DecisionDialog
            action={dialog}
            label={ACTION_LABELS[dialog]}
            confirmedCandidates={request.reuseSuggestions.filter(
              candidate => candidate.state === 'confirmed',
            )}
            missingReviews={missingReviews}
            routing={routing}
            onClose={() => setDialog(undefined)}
            onConfirm={body =>
              // Closed either way, so a refusal's message is not hidden behind the dialog.
              act(() =>
                api.transition(id, { ...body, version: request.version }),
              ).then(() => setDialog(undefined))
            }
          />
        )}
      </Content>
    </Page>
  );
}
