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
import { parseEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import {
  EntityRefLinks,
  entityRouteRef,
  humanizeEntityRef,
} from '@backstage/plugin-catalog-react';
import { useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import MenuItem from '@material-ui/core/MenuItem';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  DecisionPath,
  REVIEW_AREAS,
  REVIEW_VERDICTS,
  ReviewArea,
  ReviewVerdict,
  TransitionAction,
  TransitionRequest,
} from '@tech-requests/plugin-tech-requests-common';
import { useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { techRequestsApiRef } from '../api/TechRequestsApi';
import { rootRouteRef } from '../routes';
import { errorMessage } from './errors';
import { StatusChip } from './StatusChip';
import { timeAgo } from './time';

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

/** A person as people read it: `jane.doe` for `user:default/jane.doe`. */
const personName = (userRef: string) =>
  humanizeEntityRef(parseEntityRef(userRef), { defaultKind: 'user' });

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

function DecisionDialog(props: {
  action: TransitionAction;
  onClose: () => void;
  onConfirm: (body: TransitionRequest) => Promise<void>;
}) {
  const [rationale, setRationale] = useState('');
  const [path, setPath] = useState<DecisionPath>('reuse');
  const [target, setTarget] = useState('');
  const [vendor, setVendor] = useState('');
  const [busy, setBusy] = useState(false);
  const approve = props.action === 'approve';
  const missing =
    !rationale.trim() ||
    (approve && path === 'reuse' && !target.trim()) ||
    (approve && path === 'buy' && !vendor.trim());
  const confirm = async () => {
    setBusy(true);
    await props.onConfirm({
      action: props.action,
      rationale,
      ...(approve && {
        decision: {
          path,
          ...(target.trim() && { targetEntityRef: target.trim() }),
          ...(vendor.trim() && { vendor: vendor.trim() }),
        },
      }),
    });
    setBusy(false);
  };
  return (
    <Dialog
      open
      onClose={props.onClose}
      aria-labelledby="decision-dialog-title"
      fullWidth
    >
      <DialogTitle id="decision-dialog-title">
        {ACTION_LABELS[props.action]} this request
      </DialogTitle>
      <DialogContent>
        {approve && (
          <FormControl component="fieldset" margin="normal">
            <FormLabel component="legend">
              How will the need be served?
            </FormLabel>
            <RadioGroup
              row
              aria-label="How will the need be served?"
              value={path}
              onChange={event => setPath(event.target.value as DecisionPath)}
            >
              <FormControlLabel
                value="reuse"
                control={<Radio />}
                label="Reuse"
              />
              <FormControlLabel value="buy" control={<Radio />} label="Buy" />
              <FormControlLabel
                value="build"
                control={<Radio />}
                label="Build"
              />
            </RadioGroup>
          </FormControl>
        )}
        {approve && path !== 'buy' && (
          <TextField
            id="decision-target"
            label={
              path === 'reuse'
                ? 'Entity to reuse'
                : 'Component that will be built (optional)'
            }
            helperText="An entity ref, for example component:default/esign-gateway"
            fullWidth
            margin="normal"
            variant="outlined"
            required={path === 'reuse'}
            value={target}
            onChange={event => setTarget(event.target.value)}
          />
        )}
        {approve && path === 'buy' && (
          <TextField
            id="decision-vendor"
            label="Vendor"
            fullWidth
            margin="normal"
            variant="outlined"
            required
            value={vendor}
            onChange={event => setVendor(event.target.value)}
          />
        )}
        <TextField
          id="decision-rationale"
          label="Rationale"
          helperText="Why: the requester and the catalog will show it"
          fullWidth
          multiline
          minRows={3}
          margin="normal"
          variant="outlined"
          required
          value={rationale}
          onChange={event => setRationale(event.target.value)}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={missing || busy}
          onClick={confirm}
        >
          {ACTION_LABELS[props.action]}
        </Button>
      </DialogActions>
    </Dialog>
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
  const [dialog, setDialog] = useState<TransitionAction>();
  const [comment, setComment] = useState('');
  const [review, setReview] = useState<{
    area: ReviewArea;
    verdict: ReviewVerdict;
    comment: string;
  }>({
    area: 'architecture',
    verdict: 'approve',
    comment: '',
  });

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

  const { request, history, reviews, comments } = loaded.value;
  const allowed = request.allowedActions;
  const transitions = allowed.filter(
    (a): a is TransitionAction => a in ACTION_LABELS,
  );
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
        {actionError && (
          <Alert
            severity="error"
            style={{ marginBottom: 16 }}
            onClose={() => setActionError(undefined)}
          >
            {actionError}
          </Alert>
        )}
        <Grid container spacing={3}>
          <Grid item xs={12} md={8}>
            <InfoCard title="The need">
              <MarkdownContent content={request.need} />
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={4}>
            <InfoCard title="Status">
              <Box mb={2}>
                <StatusChip status={request.status} />
              </Box>
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
              {catalogLink && (
                <Box mt={2}>
                  <Link to={catalogLink}>See it in the catalog</Link>
                </Box>
              )}
            </InfoCard>
          </Grid>
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
                  'Preferred path': request.preferredPath,
                  'Works with': request.integrations.length ? (
                    <EntityRefLinks entityRefs={request.integrations} />
                  ) : (
                    '—'
                  ),
                  'Might reuse': request.reuseCandidates.length ? (
                    <EntityRefLinks entityRefs={request.reuseCandidates} />
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
              {allowed.includes('review') && (
                <Box
                  component="form"
                  mt={2}
                  onSubmit={event => {
                    event.preventDefault();
                    act(async () => {
                      await api.addReview(id, review);
                      setReview(r => ({ ...r, comment: '' }));
                    });
                  }}
                >
                  <Grid container spacing={1}>
                    <Grid item xs={6}>
                      <ChoiceField
                        id="review-area"
                        label="Area"
                        value={review.area}
                        choices={REVIEW_AREAS}
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
